import { useEffect, useId } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { ConversationList } from './conversation-list';
import { loadConversations, searchMessages, useInboxStore } from './inbox-store';
import { SearchResults } from './search-results';
import { ThreadView } from './thread-view';
import './inbox.css';

export function InboxView() {
  const status = useInboxStore((state) => state.status);
  const error = useInboxStore((state) => state.error);
  const items = useInboxStore((state) => state.data?.items ?? null);
  const query = useInboxStore((state) => state.search.query);
  const searchId = useId();
  const searching = query.trim().length > 0;

  useEffect(() => {
    if (useInboxStore.getState().status === 'idle') void loadConversations();
  }, []);

  return (
    <section className="view view--inbox" data-view="inbox" data-status={status} aria-labelledby="inbox-title">
      <header className="view__header">
        <h1 id="inbox-title">Inbox</h1>
        <p className="muted">Everything here is stored on this computer, so reading works offline.</p>
      </header>
      {error && <ErrorNotice error={error} onRetry={() => void loadConversations()} />}
      {items && items.length === 0 && !searching ? (
        <EmptyState title="No messages yet — connect an account or explore the demo">
          <p>Direct messages appear here once an account has synced.</p>
        </EmptyState>
      ) : (
        <div className="inbox">
          <div className="inbox__list">
            <div className="inbox__search" role="search">
              <label htmlFor={searchId} className="visually-hidden">
                Search messages
              </label>
              <input
                id={searchId}
                type="search"
                placeholder="Search messages"
                value={query}
                onChange={(event) => searchMessages(event.target.value)}
              />
            </div>
            {searching ? <SearchResults /> : items && <ConversationList items={items} />}
            {!searching && status === 'loading' && !items && <p className="muted pad">Reading conversations…</p>}
          </div>
          <ThreadView />
        </div>
      )}
    </section>
  );
}
