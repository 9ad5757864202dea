import { InboxNavBadge } from '../inbox/inbox-badge';
import { OutboxNavBadge } from '../outbox/outbox-badge';
import { SyncIndicator } from '../sync/sync-indicator';
import { VIEWS, VIEW_LABELS, navigate, useNavStore } from './nav-store';

/** Left navigation: plain buttons (Tab reaches each), the active one marked with aria-current. */
export function SideNav() {
  const active = useNavStore((state) => state.view);
  return (
    <nav className="side-nav" aria-label="Main">
      <p className="side-nav__brand">Social Desk</p>
      <ul>
        {VIEWS.map((view) => (
          <li key={view}>
            <button
              type="button"
              className="side-nav__item"
              data-nav={view}
              aria-current={view === active ? 'page' : undefined}
              onClick={() => navigate(view)}
            >
              {VIEW_LABELS[view]}
              {view === 'inbox' && <InboxNavBadge />}
              {view === 'outbox' && <OutboxNavBadge />}
            </button>
          </li>
        ))}
      </ul>
      <div className="side-nav__footer">
        <SyncIndicator />
      </div>
    </nav>
  );
}
