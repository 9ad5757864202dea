import { useEffect } from 'react';
import type { PostRow } from '../../../src-preload/contract';
import { loadThumbnails, useAnalyticsStore } from './analytics-store';

/** Reads the thumbnails of the rows in view from the local store (never the network). */
export function useVisibleThumbnails(posts: ReadonlyArray<Pick<PostRow, 'id' | 'hasThumbnail'>>): void {
  const ids = posts.filter((p) => p.hasThumbnail).map((p) => p.id).join(',');
  // After a sync (a new revision) the rows in view read their pictures again: one may have changed.
  const revision = useAnalyticsStore((s) => s.revision);
  useEffect(() => {
    if (ids) void loadThumbnails(ids.split(',').map(Number));
  }, [ids, revision]);
}

/** A post's stored picture, or a plain tile saying there is none (never a broken image). */
export function PostThumbnail({ post }: { post: Pick<PostRow, 'id' | 'hasThumbnail' | 'kind'> }) {
  const src = useAnalyticsStore((s) => s.thumbnails[post.id]);
  if (post.hasThumbnail && src) return <img className="post-thumb" src={src} alt="" width={40} height={50} data-thumbnail="stored" />;
  return (
    <span className="post-thumb post-thumb--none" data-thumbnail={post.hasThumbnail ? 'loading' : 'none'} title={post.hasThumbnail ? undefined : 'No picture stored for this post'} aria-hidden="true">
      {post.hasThumbnail ? '' : post.kind.slice(0, 1)}
    </span>
  );
}
