import { useEffect, useId } from 'react';
import type { CommentItem, CommentThread, Network } from '../../../src-preload/contract';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { formatFullNumber, formatWhen } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { CappedText, SafeText } from '../inbox/safe-text';
import { useInboxStore } from '../inbox/inbox-store';
import { ForgetPersonButton } from '../privacy/forget-person-button';
import { loadCounts } from '../inbox/list-actions';
import { loadCommentedPosts, loadComments, loadMoreComments, markCommentsSeen, setCommentQuery, useCommentsStore } from './comments-store';
import { CommentActions, type CommentForActions } from './comment-actions';
import './comments.css';

function CommentBody({ comment, now }: { comment: CommentItem; now: number }) {
  return (
    <>
      <p className="comment__top">
        <strong>
          <SafeText text={comment.fromUs ? `${comment.author} (you)` : comment.author} />
        </strong>
        <time dateTime={new Date(comment.createdAt).toISOString()}>{formatWhen(comment.createdAt, now)}</time>
        {comment.hidden && <span className="badge">Hidden</span>}
        {comment.likeCount !== null && comment.likeCount > 0 && (
          <span className="muted">
            {formatFullNumber(comment.likeCount)} like{comment.likeCount === 1 ? '' : 's'}
          </span>
        )}
      </p>
      <p className="comment__text">{comment.text ? <CappedText text={comment.text} /> : <em className="muted">No text</em>}</p>
    </>
  );
}

/** What the actions need of a comment; the thread gives the network of its replies. */
function forActions(comment: CommentItem, network: Network): CommentForActions {
  return { id: comment.id, network, author: comment.author, text: comment.text, createdAt: comment.createdAt, hidden: comment.hidden, isOwn: comment.fromUs, privateReplied: comment.privateReplied };
}

function Thread({ thread, now }: { thread: CommentThread; now: number }) {
  return (
    <li className={`comment-thread${thread.unanswered ? ' comment-thread--unanswered' : ''}`} data-comment-id={thread.id} data-unanswered={thread.unanswered}>
      <p className="comment-thread__post muted">
        <span className="badge badge--account">
          <SafeText text={thread.accountName} />
        </span>{' '}
        on “<SafeText text={thread.postCaption.length > 80 ? `${thread.postCaption.slice(0, 80).trim()}…` : thread.postCaption || 'a post without caption'} />”
        {thread.unanswered && <span className="badge badge--window-human-agent">Unanswered</span>}
      </p>
      <div className="comment">
        <CommentBody comment={thread} now={now} />
        <div className="comment__actions" data-comment-id={thread.id}>
          <CommentActions comment={forActions(thread, thread.network)} onDone={() => void loadComments()} />
          {!thread.fromUs && <ForgetPersonButton target={{ commentId: thread.id }} who={thread.author} onForgotten={() => void loadComments()} />}
        </div>
      </div>
      {thread.replies.length > 0 && (
        <ul className="comment-replies" aria-label="Replies">
          {thread.replies.map((reply) => (
            <li key={reply.id} className={`comment comment--reply${reply.fromUs ? ' comment--ours' : ''}`} data-comment-id={reply.id}>
              <CommentBody comment={reply} now={now} />
              <div className="comment__actions" data-comment-id={reply.id}>
                <CommentActions comment={forActions(reply, thread.network)} onDone={() => void loadComments()} />
                {!reply.fromUs && <ForgetPersonButton target={{ commentId: reply.id }} who={reply.author} onForgotten={() => void loadComments()} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Comments per account and per post, newest first, replies threaded, with an "unanswered" filter. */
export function CommentsView() {
  const state = useCommentsStore();
  const accounts = useInboxStore((s) => s.counts?.byAccount ?? []);
  const now = useNow();
  const id = useId();
  const threads = state.data ?? [];

  useEffect(() => {
    if (useCommentsStore.getState().status === 'idle') {
      void loadComments();
      void loadCommentedPosts();
    }
    void loadCounts();
    void markCommentsSeen();
  }, []);

  return (
    <div className="comments-view" data-comments-status={state.status}>
      <div className="list-filters comments-filters" role="group" aria-label="Filter comments">
        <label htmlFor={`${id}-account`} className="visually-hidden">
          Account
        </label>
        <select id={`${id}-account`} value={state.query.accountId ?? ''} onChange={(e) => setCommentQuery({ accountId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">All accounts</option>
          {accounts.map((a) => (
            <option key={a.accountId} value={a.accountId}>
              {a.accountName}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-post`} className="visually-hidden">
          Post
        </label>
        <select id={`${id}-post`} value={state.query.postId ?? ''} onChange={(e) => setCommentQuery({ postId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">All posts</option>
          {state.posts.map((p) => (
            <option key={p.id} value={p.id}>
              {(p.caption || 'Post without caption').slice(0, 50)} ({formatFullNumber(p.comments)})
            </option>
          ))}
        </select>
        <button type="button" className="chip" aria-pressed={state.query.unansweredOnly} data-filter="unanswered" onClick={() => setCommentQuery({ unansweredOnly: !state.query.unansweredOnly })}>
          Unanswered only
        </button>
        <p className="muted" aria-live="polite" data-comments-total={state.total ?? ''}>
          {state.total === null ? 'Counting…' : `${formatFullNumber(state.total)} comment${state.total === 1 ? '' : 's'}${state.query.unansweredOnly ? ' without a reply from you' : ''}, newest first`}
        </p>
      </div>
      {state.error && <ErrorNotice error={state.error} onRetry={() => void loadComments()} />}
      {state.status === 'ready' && threads.length === 0 ? (
        <EmptyState title={state.query.unansweredOnly ? 'Every comment here has a reply' : 'No comments stored yet'}>
          <p>Comments on your posts appear here once an account has synced.</p>
        </EmptyState>
      ) : (
        <ul className="comment-list" aria-label="Comments">
          {threads.map((thread) => (
            <Thread key={thread.id} thread={thread} now={now} />
          ))}
        </ul>
      )}
      {state.total !== null && threads.length < state.total && (
        <button type="button" className="button button--small" disabled={state.loadingMore} onClick={() => void loadMoreComments()}>
          {state.loadingMore ? 'Loading…' : `Show more (${formatFullNumber(state.total - threads.length)} left)`}
        </button>
      )}
    </div>
  );
}
