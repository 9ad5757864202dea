import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { formatFullNumber } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useInboxStore } from '../inbox/inbox-store';
import { loadCounts } from '../inbox/list-actions';
import { COMMENT_PAGE, loadCommentedPosts, loadComments, loadMoreComments, markCommentsSeen, setCommentQuery, useCommentsStore } from './comments-store';
import { Thread } from './comment-thread';
import './comments.css';

/** One empty list: a new `[]` per read would make zustand see a change on every render and loop. */
const NO_ACCOUNTS: never[] = [];
/** A thread's height before it is measured (one comment with its action row and the post line). */
const ESTIMATED_THREAD_HEIGHT = 170;

function Filters() {
  const state = useCommentsStore();
  const accounts = useInboxStore((s) => s.counts?.byAccount ?? NO_ACCOUNTS);
  const id = useId();
  const { query } = state;
  const postShown = query.postId !== null && state.posts.some((p) => p.id === query.postId);
  return (
    <div className="list-filters comments-filters" role="group" aria-label="Filter comments">
      <label htmlFor={`${id}-account`} className="visually-hidden">
        Account
      </label>
      <select id={`${id}-account`} className="comments-filters__account" value={query.accountId ?? ''} onChange={(e) => setCommentQuery({ accountId: e.target.value ? Number(e.target.value) : null })}>
        <option value="">All accounts</option>
        {accounts.map((a) => (
          <option key={a.accountId} value={a.accountId}>
            {a.accountName} · {a.network === 'facebook' ? 'Facebook' : 'Instagram'}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-post`} className="visually-hidden">
        Post
      </label>
      <select id={`${id}-post`} className="comments-filters__post" value={query.postId ?? ''} onChange={(e) => setCommentQuery({ postId: e.target.value ? Number(e.target.value) : null })}>
        <option value="">All posts</option>
        {query.postId !== null && !postShown && <option value={query.postId}>{(state.postLabel ?? 'One post').slice(0, 50)}</option>}
        {state.posts.map((p) => (
          <option key={p.id} value={p.id}>
            {(p.caption || 'Post without caption').slice(0, 50)} ({formatFullNumber(p.comments)})
          </option>
        ))}
      </select>
      {query.personId != null && (
        <button type="button" className="chip" aria-pressed="true" data-filter="person" onClick={() => setCommentQuery({ personId: null })} title="Show everyone's comments">
          By {state.personName ?? 'one person'} ✕
        </button>
      )}
      <button type="button" className="chip" aria-pressed={query.unansweredOnly} data-filter="unanswered" onClick={() => setCommentQuery({ unansweredOnly: !query.unansweredOnly })}>
        Unanswered only
      </button>
      <button
        type="button"
        className="chip"
        aria-pressed={query.unansweredFirst === true}
        data-filter="unanswered-first"
        disabled={query.unansweredOnly}
        onClick={() => setCommentQuery({ unansweredFirst: !query.unansweredFirst })}
        title="Comments without a reply from you first, then the answered ones; each newest first"
      >
        Unanswered first
      </button>
      <p className="muted" aria-live="polite" data-comments-total={state.total ?? ''}>
        {state.total === null ? 'Counting…' : `${formatFullNumber(state.total)} comment${state.total === 1 ? '' : 's'}${query.unansweredOnly ? ' without a reply from you' : ''}, ${query.unansweredFirst && !query.unansweredOnly ? 'unanswered first, then ' : ''}newest first`}
      </p>
    </div>
  );
}

/**
 * Comments per account and per post, newest first, replies threaded, with an "unanswered" filter.
 * The list is virtualized (threads differ in height, so each is measured) and loads the next page
 * as it nears the end; an action refetches as many threads as are shown, so the place is kept.
 */
export function CommentsView() {
  const state = useCommentsStore();
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const threads = state.data ?? [];
  const more = state.total !== null && threads.length < state.total;
  // TanStack Virtual returns a mutable instance, which the React Compiler cannot memoise; it still re-renders on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library -- see the line above
  const virtualizer = useVirtualizer({
    count: threads.length + (more ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_THREAD_HEIGHT,
    getItemKey: (index) => threads[index]?.id ?? 'more',
    overscan: 3,
    // Before the scroll box is measured (and in tests without layout) a screenful is assumed.
    initialRect: { width: 900, height: 700 },
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? 0;
  const queryKey = JSON.stringify(state.query);

  useEffect(() => {
    if (useCommentsStore.getState().status === 'idle') {
      void loadComments();
      void loadCommentedPosts();
    }
    void loadCounts();
    void markCommentsSeen();
  }, []);

  // Another filter starts at the top of its own list.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryKey]);

  // Nearing the end of what is loaded fetches the next page (once a refetch in progress is done).
  useEffect(() => {
    if (more && state.status === 'ready' && lastShown >= threads.length - Math.ceil(COMMENT_PAGE / 3)) void loadMoreComments();
  }, [more, lastShown, threads.length, state.status]);

  return (
    <div className="comments-view" data-comments-status={state.status}>
      <Filters />
      {state.error && <ErrorNotice error={state.error} onRetry={() => void loadComments()} />}
      {state.status === 'ready' && threads.length === 0 ? (
        <EmptyState title={state.query.unansweredOnly ? 'Every comment here has a reply' : 'No comments stored yet'}>
          <p>Comments on your posts appear here once an account has synced.</p>
        </EmptyState>
      ) : (
        <div className="comments-scroller" ref={scrollRef}>
          <ul className="comment-list" aria-label="Comments" aria-rowcount={state.total ?? undefined} data-rendered-rows={rows.length} data-loaded-threads={threads.length} style={{ height: virtualizer.getTotalSize() }}>
            {rows.map((row) => {
              const thread = threads[row.index];
              // Placed with `top`, not a transform: a transformed row would trap the fixed-position
              // confirmation dialogs of its actions inside itself.
              return (
                <li key={row.key} ref={virtualizer.measureElement} data-index={row.index} className="comment-list__row" style={{ top: row.start }}>
                  {thread ? (
                    <Thread thread={thread} now={now} filteredToPost={state.query.postId !== null} />
                  ) : (
                    <p className="muted comment-list__more" role="status">
                      Loading more… ({formatFullNumber((state.total ?? 0) - threads.length)} left)
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
