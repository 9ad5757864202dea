import { useEffect } from 'react';
import { formatNumber } from '../../lib/format';
import { loadOutboxList, needsAttention, useOutboxStore } from './outbox-store';
import './outbox-view.css';

/** The Outbox nav item's count: replies and comment actions that failed or wait with a reason. */
export function OutboxNavBadge() {
  const items = useOutboxStore((s) => s.all.data);
  const status = useOutboxStore((s) => s.all.status);
  // Loads when nothing is loaded (at start, and after a lock or a wipe reset the store).
  useEffect(() => {
    if (status === 'idle') void loadOutboxList();
  }, [status]);
  const count = items ? needsAttention(items) : 0;
  if (count === 0) return null;
  const label = `${count} not sent: failed or waiting`;
  return (
    <span className="nav-badge nav-badge--warning" data-outbox-badge={count} title={label}>
      <span aria-hidden="true">{formatNumber(count)}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
