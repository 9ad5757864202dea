import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { PostRow } from '../../../src-preload/contract';
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
export type SortKey = 'publishedAt' | (typeof POST_COLUMNS)[number]['key'];

const ROW_HEIGHT = 56;

/** Sorted copy; posts without the figure always go last, whichever the direction. */
export function sortPosts(posts: readonly PostRow[], key: SortKey, descending: boolean): PostRow[] {
  return [...posts].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return descending ? y - x : x - y;
  });
}

interface PostsTableProps {
  posts: readonly PostRow[];
  formatDate: (ms: number) => string;
  onOpen: (post: PostRow) => void;
}

/** Every post, virtualized: only the rows in view (plus a few) are in the DOM, so 5,000 posts scroll smoothly. */
export function PostsTable({ posts, formatDate, onOpen }: PostsTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'publishedAt', descending: true });
  const sorted = useMemo(() => sortPosts(posts, sort.key, sort.descending), [posts, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns a mutable instance, which the React Compiler cannot memoise; it still re-renders on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library -- see the line above
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8, initialRect: { width: 1000, height: 600 } });
  const items = virtualizer.getVirtualItems();
  useVisibleThumbnails(items.map((item) => sorted[item.index]!).filter(Boolean));
  const header = (key: SortKey, label: string, numeric: boolean) => (
    <div key={key} role="columnheader" className={`posts-grid__cell${numeric ? ' num' : ''}`} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" data-sort={key} onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : true }))}>
        {label}
        {sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
      </button>
    </div>
  );
  return (
    <div className="posts-grid" role="table" aria-label="Posts" aria-rowcount={sorted.length + 1} data-rows={sorted.length}>
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
            const post = sorted[item.index]!;
            const status = insightsStatusText(post.insightsStatus);
            return (
              <div role="row" key={post.id} className="posts-grid__row posts-grid__row--body" data-post-id={post.id} aria-rowindex={item.index + 2}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
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
