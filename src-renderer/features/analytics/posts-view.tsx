import { useId, useMemo, useState } from 'react';
import type { PostRow, StatedPeriod } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { useAnalyticsStore } from './analytics-store';
import { postsCsv } from '../../../src-preload/analytics-csv';
import { CsvButton } from './csv';
import { PostDetailPanel } from './post-detail';
import { PostsTable } from './posts-table';
import { useAnalyticsQuery } from './use-query';

const KINDS = ['Feed', 'Reel', 'Carousel', 'Story', 'Photo', 'Video', 'Status', 'Link'];

export function PostsView({ period }: { period: StatedPeriod }) {
  const scope = useAnalyticsStore((s) => s.scope);
  const [kind, setKind] = useState<string>('');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<PostRow | null>(null);
  const kindId = useId();
  const searchId = useId();
  const query = { scope, from: period.from, to: period.to, kind: kind || null, search };
  const result = useAnalyticsQuery(JSON.stringify(query), () => getApi().analytics.listPosts(query));
  const timeZone = result.data?.timeZone ?? period.timeZone;
  const formatDate = useMemo(() => {
    const f = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    return (ms: number) => f.format(new Date(ms));
  }, [timeZone]);
  const posts = result.data?.posts ?? [];
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
        <p className="muted small" role="status" data-post-count={posts.length}>
          {result.status === 'loading' && !result.data ? 'Reading posts…' : `${posts.length} posts published ${period.label}`}
        </p>
        <CsvButton fileName={`posts-${period.from}-${period.to}.csv`} build={() => postsCsv({ posts, timeZone, dataAsOf: result.data?.dataAsOf ?? null })} />
      </div>
      <p className="muted small">
        Engagement rate = (likes + comments + shares + saves) ÷ reach of the post, from the newest metrics read from Meta. Views and reach are lifetime figures of each post.
      </p>
      {result.error && <ErrorNotice error={result.error} onRetry={result.reload} />}
      {posts.length > 0 ? <PostsTable posts={posts} formatDate={formatDate} onOpen={setOpen} /> : result.status === 'ready' && <p className="muted">No post matches.</p>}
      {open && <PostDetailPanel post={open} formatDate={formatDate} onClose={() => setOpen(null)} />}
    </div>
  );
}
