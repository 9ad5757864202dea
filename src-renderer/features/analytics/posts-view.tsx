import { useId, useMemo, useState } from 'react';
import type { PostRow, StatedPeriod } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { useAnalyticsStore } from './analytics-store';
import { postsCsv } from '../../../src-preload/analytics-csv';
import { CsvButton } from './csv';
import { PostDetailPanel } from './post-detail';
import { PostsTable, type PostsSort } from './posts-table';
import { usePostsWindow } from './use-posts-window';

const KINDS = ['Feed', 'Reel', 'Carousel', 'Story', 'Photo', 'Video', 'Status', 'Link'];

export function PostsView({ period }: { period: StatedPeriod }) {
  const scope = useAnalyticsStore((s) => s.scope);
  const [kind, setKind] = useState<string>('');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<PostRow | null>(null);
  const [sort, setSort] = useState<PostsSort>({ key: 'publishedAt', descending: true });
  const kindId = useId();
  const searchId = useId();
  const query = { scope, from: period.from, to: period.to, kind: kind || null, search, sort };
  const posts = usePostsWindow(query);
  const timeZone = posts.timeZone ?? period.timeZone;
  const formatDate = useMemo(() => {
    const f = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    return (ms: number) => f.format(new Date(ms));
  }, [timeZone]);
  const total = posts.total ?? 0;
  // The file holds every matching post in the table's order, read when asked for.
  const buildCsv = async () => {
    const result = await getApi().analytics.listPosts(query);
    if (!result.ok) throw new Error(result.error.message);
    return postsCsv(result.data);
  };
  return (
    <div className="stack" data-panel="posts">
      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor={kindId}>Type</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">All types</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>{k}</option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={searchId}>Caption contains</label>
          <input id={searchId} type="search" value={search} maxLength={200} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <p className="muted small" role="status" data-post-count={total}>
          {posts.total === null ? 'Reading posts…' : `${total} posts published ${period.label}`}
        </p>
        <CsvButton fileName={`posts-${period.from}-${period.to}.csv`} build={buildCsv} />
      </div>
      <p className="muted small">
        Engagement rate = (likes + comments + shares + saves) ÷ reach of the post, from the newest metrics read from Meta. Views and reach are lifetime figures of each post.
      </p>
      {posts.error && <ErrorNotice error={posts.error} onRetry={posts.reload} />}
      {total > 0 ? (
        <PostsTable total={total} rowAt={posts.rowAt} ensure={posts.ensure} sort={sort} onSort={setSort} listKey={JSON.stringify(query)} formatDate={formatDate} onOpen={setOpen} />
      ) : (
        posts.settled && posts.total === 0 && <p className="muted">No post matches.</p>
      )}
      {open && <PostDetailPanel post={open} formatDate={formatDate} onClose={() => setOpen(null)} />}
    </div>
  );
}
