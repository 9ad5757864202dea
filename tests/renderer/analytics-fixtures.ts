import type { AccountOverview, AccountSummary, AnalyticsOverview, Figure, PostRow, PostsPage, PostsQuery, Result } from '../../src-preload/contract';
import { statedPeriod } from './helpers/fake-api';

export const dataAsOf = Date.UTC(2026, 11, 1, 9, 30);

const days = ['2026-11-28', '2026-11-29', '2026-11-30'];

function figure(overrides: Partial<Figure> & Pick<Figure, 'id' | 'label'>): Figure {
  return { definition: `${overrides.label} definition.`, basis: 'daily-sum', value: null, previous: null, change: null, missingReason: null, note: null, ...overrides };
}

export const instagram: AccountOverview = {
  account: { id: 2, network: 'instagram', name: 'Maple & Moss Studio', handle: 'mapleandmoss.studio', brand: 'Maple & Moss Studio' },
  days,
  bucketDays: 1,
  dataAsOf,
  figures: [
    figure({ id: 'followers', label: 'Followers', basis: 'latest', value: 18_638 }),
    figure({ id: 'reach', label: 'Reach', basis: 'period-unique', value: 161_789, previous: 198_031, change: -0.183, series: { current: [5000, 6000, 7000], previous: [4000, 4500, null] } }),
    figure({ id: 'views', label: 'Views', value: 797_205, previous: 949_888, change: -0.161, series: { current: [1, 2, 3], previous: [1, 1, 1] } }),
    figure({ id: 'interactions', label: 'Interactions', value: 27_744, previous: 20_000, change: 0.3872, parts: [{ label: 'Likes', value: 20_000 }, { label: 'Saves', value: null }], series: { current: [1, 2, 3], previous: [1, 1, 1] } }),
  ],
};

export const page: AccountOverview = {
  account: { id: 1, network: 'facebook', name: 'Maple & Moss Studio', handle: null, brand: 'Maple & Moss Studio' },
  days,
  bucketDays: 1,
  dataAsOf,
  figures: [
    figure({ id: 'reach', label: 'Viewers', value: null, missingReason: 'Meta gave no figure for these days.', series: { current: [null, null, null], previous: [null, null, null] } }),
    figure({ id: 'views', label: 'Views', value: 0, previous: 0, series: { current: [0, 0, 0], previous: [0, 0, 0] } }),
  ],
};

export function overview(accounts: AccountOverview[] = [page, instagram]): AnalyticsOverview {
  return { period: statedPeriod(), accounts, dataAsOf };
}

export const summaries: AccountSummary[] = [
  { id: 1, network: 'facebook', handle: null, name: 'Maple & Moss Studio', followersCount: 7947, mediaCount: 100, status: 'active', statusDetail: null, loginKind: 'demo', lastSyncedAt: dataAsOf, isDemo: true },
  { id: 2, network: 'instagram', handle: 'mapleandmoss.studio', name: 'Maple & Moss Studio', followersCount: 18_638, mediaCount: 600, status: 'active', statusDetail: null, loginKind: 'demo', lastSyncedAt: dataAsOf, isDemo: true },
];

export function post(id: number, overrides: Partial<PostRow> = {}): PostRow {
  return {
    id, accountId: 2, network: 'instagram', kind: 'Reel', caption: `Post number ${id}`, permalink: `https://www.instagram.com/p/${id}/`,
    publishedAt: Date.UTC(2026, 10, 1) + id * 60_000, views: id * 10, reach: id * 5, likes: id, comments: 1, shares: 0, saves: 0,
    engagementRate: (id + 1) / (id * 5), metricsAt: dataAsOf, insightsStatus: null, hasThumbnail: false, ...overrides,
  };
}

/**
 * `analytics:listPosts` as main answers it: sorted (unknown figures last, ties newest first) and
 * cut to the asked window, with the total.
 */
export function pagedPosts(posts: readonly PostRow[], dataAsOfMs: number | null = dataAsOf) {
  return (q: PostsQuery): Result<PostsPage> => {
    const { key, descending } = q.sort ?? { key: 'publishedAt', descending: true };
    const sorted = [...posts].sort((a, b) => b.publishedAt - a.publishedAt).sort((a, b) => {
      const x = a[key];
      const y = b[key];
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return descending ? y - x : x - y;
    });
    const offset = q.offset ?? 0;
    return { ok: true, data: { posts: sorted.slice(offset, q.limit === undefined ? undefined : offset + q.limit), total: sorted.length, offset, timeZone: 'UTC', dataAsOf: dataAsOfMs } };
  };
}
