import { useEffect } from 'react';
import { formatNumber } from '../../lib/format';
import { useInboxStore } from './inbox-store';
import { loadBadge } from './list-actions';

/** The Inbox nav item's count: unread conversations plus comments newer than the last look at them. */
export function InboxNavBadge() {
  const badge = useInboxStore((state) => state.badge);
  useEffect(() => {
    void loadBadge();
  }, []);
  if (!badge) return null;
  const total = badge.unreadConversations + badge.newComments;
  if (total === 0) return null;
  const label = `${badge.unreadConversations} unread conversation${badge.unreadConversations === 1 ? '' : 's'}, ${badge.newComments} new comment${badge.newComments === 1 ? '' : 's'}`;
  return (
    <span className="nav-badge" data-inbox-badge={total} title={label}>
      <span aria-hidden="true">{formatNumber(total)}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
