import type { AnalyticsOverview } from '../../src-preload/contract';
import type { Repositories } from '../store/repositories';
import { DAY_MS, utcDay } from '../core/time';


/** The overview Analytics shows: read only from the local cache, with its freshness. */
export function analyticsOverview(repos: Repositories, accountId: number | null, days: number, now: number): AnalyticsOverview {
  const since = now - days * DAY_MS;
  const series = repos.insights.series(accountId, utcDay(since));
  const totals = series.reduce(
    (t, p) => ({
      reach: t.reach + (p.reach ?? 0),
      views: t.views + (p.views ?? 0),
      interactions: t.interactions + (p.interactions ?? 0),
    }),
    { reach: 0, views: 0, interactions: 0 },
  );
  const accounts = repos.accounts.list().filter((a) => accountId === null || a.id === accountId);
  const syncedAt = accounts.map((a) => a.lastSyncedAt).filter((t): t is number => t !== null);
  return {
    accountId,
    days,
    series,
    totals: { ...totals, posts: repos.posts.countInRange(accountId, since, now + 1) },
    topPosts: repos.posts.top(accountId, since, now + 1, 10),
    dataAsOf: syncedAt.length > 0 ? Math.max(...syncedAt) : repos.insights.newestFetch(accountId),
  };
}
