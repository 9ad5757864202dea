import { lazy, Suspense, useRef } from 'react';
import type { PostRow } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { ErrorNotice } from '../../components/error-notice';
import { formatNumber } from '../../lib/format';
import { useFocusTrap } from '../../lib/use-focus-trap';
import { CsvButton, toCsv } from './csv';
import { formatRate } from './figure-text';
import { insightsStatusText } from './post-status';
import { useAnalyticsQuery } from './use-query';
import { navigate } from '../shell/nav-store';
import { setTab } from '../inbox/inbox-store';
import { showCommentsOnPost } from '../comments/comments-store';

/** The Inbox's comments of this one post, where they can be answered, hidden or deleted. */
function answerComments(post: PostRow, close: () => void): void {
  close();
  navigate('inbox');
  setTab('comments');
  showCommentsOnPost({ id: post.id, accountId: post.accountId, caption: post.caption });
}

const HistoryChart = lazy(() => import('./post-history-chart'));

/** One post: metrics over time from the stored snapshots, comments with replies, and a link to it on Meta. */
export function PostDetailPanel({ post, formatDate, onClose }: { post: PostRow; formatDate: (ms: number) => string; onClose: () => void }) {
  const detail = useAnalyticsQuery(`post:${post.id}`, () => getApi().analytics.getPost({ postId: post.id }));
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, onClose);
  const status = insightsStatusText(post.insightsStatus);
  return (
    <div className="dialog-backdrop">
      <div ref={ref} className="dialog dialog--wide" role="dialog" aria-modal="true" aria-labelledby="post-detail-title" data-post-detail={post.id}>
        <div className="panel__header">
          <h2 id="post-detail-title" className="dialog__title">{post.kind} · {formatDate(post.publishedAt)}</h2>
          <button type="button" className="button button--quiet" onClick={onClose}>Close</button>
        </div>
        <div className="post-detail__head">
          {detail.data?.thumbnail && <img className="post-detail__picture" src={detail.data.thumbnail} alt="" data-thumbnail="stored" />}
          <div>
            <p className="post-detail__caption">{post.caption || 'No caption'}</p>
            {detail.data && !detail.data.thumbnail && detail.data.thumbnailMissingReason && (
              <p className="muted small" data-thumbnail="none">No picture: {detail.data.thumbnailMissingReason}</p>
            )}
          </div>
        </div>
        <p className="toolbar small">
          <span>Views <b>{formatNumber(post.views)}</b></span>
          <span>Reach <b>{formatNumber(post.reach)}</b></span>
          <span>Likes <b>{formatNumber(post.likes)}</b></span>
          <span>Comments <b>{formatNumber(post.comments)}</b></span>
          <span>Engagement rate <b>{formatRate(post.engagementRate)}</b></span>
          {post.permalink && (
            <button type="button" className="link-button" onClick={() => void call(() => getApi().shell.openExternal({ url: post.permalink ?? '' }))}>
              Open on {post.network === 'facebook' ? 'Facebook' : 'Instagram'}
            </button>
          )}
        </p>
        {status && <p className="notice notice--warning">Meta gives no insights for this post: {status}.</p>}
        {detail.error && <ErrorNotice error={detail.error} onRetry={detail.reload} />}
        {detail.data && (
          <>
            <div className="panel__header">
              <h3>Metrics over time</h3>
              <CsvButton fileName={`post-${post.id}-history.csv`} build={() => toCsv(['read_at', 'views', 'reach', 'likes', 'comments', 'shares', 'saves'],
                detail.data!.history.map((h) => [new Date(h.at).toISOString(), h.views, h.reach, h.likes, h.comments, h.shares, h.saves]))} />
            </div>
            {detail.data.history.length === 0 ? (
              <p className="muted">No metrics were read for this post yet.</p>
            ) : (
              <Suspense fallback={<div className="chart chart--loading" />}>
                <HistoryChart history={detail.data.history} />
              </Suspense>
            )}
            <div className="panel__header">
              <h3>Comments ({detail.data.comments.length})</h3>
              {detail.data.comments.length > 0 && (
                <button type="button" className="button button--small" data-answer-comments={post.id} onClick={() => answerComments(post, onClose)}>
                  Answer in the Inbox
                </button>
              )}
            </div>
            {detail.data.comments.length === 0 && <p className="muted">No comments stored for this post.</p>}
            <ul className="comment-list">
              {detail.data.comments.map((c) => (
                <li key={c.id} data-comment-id={c.id}>
                  <p><b>{c.author}</b> <span className="muted small">{formatDate(c.createdAt)}{c.hidden ? ' · hidden' : ''}</span></p>
                  <p>{c.text ?? <span className="muted">(no text)</span>}</p>
                  {c.replies.length > 0 && (
                    <ul className="comment-list comment-list--replies">
                      {c.replies.map((r) => (
                        <li key={r.id}><p><b>{r.author}</b> <span className="muted small">{formatDate(r.createdAt)}</span></p><p>{r.text}</p></li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
