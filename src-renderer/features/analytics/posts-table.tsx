import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { PostRow, PostSortKey } from '../../../src-preload/contract';
import { formatFullNumber, formatNumber } from '../../lib/format';
import { formatRate } from './figure-text';
import { insightsStatusText } from './post-status';
import { PostThumbnail, useVisibleThumbnails } from './post-thumbnail';

export const POST_COLUMNS = [
  { key: 'views', label: 'Views' },
  { key: 'reach', label: 'Reach' },
  { key: 'likes', label: 'Likes' },
  { key: 'comments', label: 'Comments' },
  { key: 'shares', label: 'Shares' },
  { key: 'saves', label: 'Saves' },
  { key: 'engagementRate', label: 'Engagement rate' },
] as const;
export type SortKey = PostSortKey;
export interface PostsSort {
  key: SortKey;
  descending: boolean;
}

const ROW_HEIGHT = 56;

interface PostsTableProps {
  /** Posts matching the query; `rowAt` has those read so far (main sorts, filters and pages). */
  total: number;
  rowAt: (index: number) => PostRow | undefined;
  /** Asks for the rows from `first` to `last` of the sorted list. */
  ensure: (first: number, last: number) => void;
  sort: PostsSort;
  onSort: (sort: PostsSort) => void;
  /** Changes with the filters: a new list starts at its top. */
  listKey: string;
  formatDate: (ms: number) => string;
  onOpen: (post: PostRow) => void;
}

/**
 * Every post, virtualized: only the rows in view (plus a few) are in the DOM and in memory, read
 * from main a window at a time, so 5,000 posts scroll smoothly.
 */
export function PostsTable({ total, rowAt, ensure, sort, onSort, listKey, formatDate, onOpen }: PostsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns a mutable instance, which the React Compiler cannot memoise; it still re-renders on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library -- see the line above
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8, initialRect: { width: 1000, height: 600 } });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const loaded = items.map((item) => rowAt(item.index)).filter((p): p is PostRow => p !== undefined);
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [first, last, total, ensure, rowAt]);
  // A new sort or filter starts at the top.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [listKey]);
  useVisibleThumbnails(loaded);
  const header = (key: SortKey, label: string, numeric: boolean) => (
    <div key={key} role="columnheader" className={`posts-grid__cell${numeric ? ' num' : ''}`} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" data-sort={key} onClick={() => onSort({ key, descending: sort.key === key ? !sort.descending : true })}>
        {label}
        {sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
      </button>
    </div>
  );
  return (
    <div className="posts-grid" role="table" aria-label="Posts" aria-rowcount={total + 1} data-rows={total}>
      <div role="rowgroup" className="posts-grid__head">
        <div role="row" className="posts-grid__row">
          <div role="columnheader" className="posts-grid__cell">Post</div>
          {header('publishedAt', 'Published', false)}
          {POST_COLUMNS.map((c) => header(c.key, c.label, true))}
        </div>
      </div>
      <div ref={scrollRef} className="posts-grid__body" role="rowgroup" data-testid="posts-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const post = rowAt(item.index);
            const place = { position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` } as const;
            if (!post) {
              return (
                <div role="row" key={`loading-${item.index}`} className="posts-grid__row posts-grid__row--body posts-grid__row--loading" aria-rowindex={item.index + 2} style={place}>
                  <div role="cell" className="posts-grid__cell muted">Reading…</div>
                </div>
              );
            }
            const status = insightsStatusText(post.insightsStatus);
            return (
              <div role="row" key={post.id} className="posts-grid__row posts-grid__row--body" data-post-id={post.id} aria-rowindex={item.index + 2} style={place}>
                <div role="cell" className="posts-grid__cell posts-grid__post">
                  <PostThumbnail post={post} />
                  <span className="badge">{post.kind}</span>
                  <button type="button" className="link-button clamp-1" onClick={() => onOpen(post)} title={post.caption || 'No caption'}>
                    {post.caption || 'No caption'}
                  </button>
                </div>
                <div role="cell" className="posts-grid__cell">{formatDate(post.publishedAt)}</div>
                {status ? (
                  <div role="cell" className="posts-grid__cell posts-grid__status" data-insights-status={post.insightsStatus}>No insights: {status}</div>
                ) : (
                  POST_COLUMNS.map((c) => (
                    <div role="cell" key={c.key} className="posts-grid__cell num" title={c.key === 'engagementRate' ? undefined : formatFullNumber(post[c.key])}>
                      {c.key === 'engagementRate' ? formatRate(post.engagementRate) : formatNumber(post[c.key])}
                    </div>
                  ))
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
