import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { EmptyState } from '../../components/empty-state';
import { formatNumber } from '../../lib/format';
import { CommentsView } from '../comments/comments-view';
import { ConversationList } from './conversation-list';
import { useInboxStore, setTab } from './inbox-store';
import { ListFilters } from './list-filters';
import { loadConversations } from './list-actions';
import { searchMessages } from './search-actions';
import { SearchResults } from './search-results';
import { closeConversation } from './thread-actions';
import { ThreadView } from './thread-view';
import './inbox.css';
import './inbox-list.css';
import './thread.css';

/** True when the key went to a text field, where `/` and letters are typing, not shortcuts. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function InboxView() {
  const tab = useInboxStore((state) => state.tab);
  const status = useInboxStore((state) => state.list.status);
  const total = useInboxStore((state) => state.counts?.total ?? null);
  const query = useInboxStore((state) => state.search.query);
  // Comments stored since the last look at them: the part of the Inbox badge the Comments tab holds.
  const newComments = useInboxStore((state) => state.badge?.newComments ?? 0);
  const searchId = useId();
  const newCommentsId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const searching = query.trim().length > 0;

  useEffect(() => {
    if (useInboxStore.getState().list.status === 'idle') loadConversations();
  }, []);

  // `/` focuses search, Escape goes back: out of search, out of a thread, to the list.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === '/' && !typing(event.target)) {
      event.preventDefault();
      searchRef.current?.focus();
    } else if (event.key === 'Escape') {
      if (event.target === searchRef.current && query) searchMessages('');
      else if (useInboxStore.getState().selected) closeConversation();
      else return;
      listRef.current?.querySelector<HTMLElement>('[role="listbox"], .item')?.focus();
    }
  };

  return (
    <section className="view view--inbox" data-view="inbox" data-status={status} aria-labelledby="inbox-title" onKeyDown={onKeyDown}>
      <header className="view__header inbox__header">
        <h1 id="inbox-title">Inbox</h1>
        <div className="tabs" role="tablist" aria-label="Inbox">
          <button type="button" role="tab" aria-selected={tab === 'messages'} className="tab" onClick={() => setTab('messages')}>
            Messages
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'comments'}
            className="tab"
            data-tab="comments"
            aria-describedby={newComments > 0 ? newCommentsId : undefined}
            onClick={() => setTab('comments')}
          >
            Comments
            {newComments > 0 && (
              <span className="nav-badge" data-new-comments={newComments} aria-hidden="true" title={`${formatNumber(newComments)} new since you last looked`}>
                {formatNumber(newComments)} new
              </span>
            )}
          </button>
          {newComments > 0 && (
            <span id={newCommentsId} className="visually-hidden">
              {formatNumber(newComments)} new comment{newComments === 1 ? '' : 's'} since you last looked
            </span>
          )}
        </div>
        <p className="muted">Stored on this computer, so reading works offline. Press / to search.</p>
      </header>
      {tab === 'comments' ? (
        <CommentsView />
      ) : total === 0 && !searching ? (
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
                ref={searchRef}
                type="search"
                placeholder="Search messages  ( / )"
                value={query}
                onChange={(event) => searchMessages(event.target.value)}
              />
            </div>
            {searching ? (
              <SearchResults />
            ) : (
              <>
                <ListFilters />
                <ConversationList listRef={listRef} />
              </>
            )}
          </div>
          <ThreadView />
        </div>
      )}
    </section>
  );
}
