/**
 * The dashboard reads (overview series, posts list, best-time placement) against hand-computed
 * fixtures: they are written for speed (packed reads, a newest-metrics table, a cached zone offset),
 * and these pin down that the faster paths give the same figures.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../../../src-main/store/repositories';
import { analyticsOverview } from '../../../src-main/services/analytics/overview';
import { listPosts } from '../../../src-main/services/analytics/posts';
import { bestTimes } from '../../../src-main/services/analytics/audience';
import { weekdayHours, zonedParts } from '../../../src-main/services/analytics/calendar';
import { useTempStore } from '../../support/temp-store';
import { engagementRate } from '../../../src-main/services/analytics/figures';
import { PostAnalyticsQueries, type MetricSnapshot } from '../../../src-main/store/repositories/posts';

const NOW = Date.UTC(2026, 11, 1, 12);
const store = useTempStore(5);
let repos: Repositories;

beforeEach(() => {
  ({ repos } = store);
});

function instagram(): number {
  const id = repos.accounts.upsert({ network: 'instagram', externalId: 'ig', handle: 'shop', name: 'Shop', loginKind: 'demo' }, NOW);
  repos.accounts.markSynced(id, NOW);
  return id;
}

describe('overview series', () => {
  it('sums a year into weekly points from the period start, leaving weeks Meta never reported empty, not zero', () => {
    const id = instagram();
    // A year preset ending Nov 30 starts Dec 1, 2025: week 0 = Dec 1–7, week 1 = Dec 8–14, ... week 52 = Nov 30 alone.
    repos.insights.upsertDaily(id, [
      { day: '2025-12-01', metric: 'views', value: 10 },
      { day: '2025-12-07', metric: 'views', value: 5 },
      { day: '2025-12-08', metric: 'views', value: 7 },
      // week 2 (Dec 15–21) has no value at all
      { day: '2025-12-22', metric: 'views', value: 1 },
      { day: '2026-11-30', metric: 'views', value: 100 },
      { day: '2025-11-30', metric: 'views', value: 1000 }, // the day before: the previous period's last week
      { day: '2026-12-01', metric: 'views', value: 9999 }, // today: outside the period
      { day: '2025-12-03', metric: 'likes', value: 4 },
      { day: '2026-06-01', metric: 'likes', value: 6 },
    ], NOW);
    const [account] = analyticsOverview(repos, { scope: { kind: 'account', accountId: id }, period: { preset: 365 } }, NOW, 'UTC').accounts;
    expect(account!.bucketDays).toBe(7);
    expect(account!.days).toHaveLength(53);
    const views = account!.figures.find((f) => f.id === 'views')!;
    expect(views.series!.current.slice(0, 4)).toEqual([15, 7, null, 1]);
    expect(views.series!.current[52]).toBe(100);
    expect(views.series!.current.filter((v) => v !== null)).toHaveLength(4);
    expect(views.value).toBe(123);
    expect(views.previous).toBe(1000);
    expect(views.series!.previous[52]).toBe(1000);
    expect(views.note).toBe('5 of 365 days reported by Meta');
    const interactions = account!.figures.find((f) => f.id === 'interactions')!;
    expect(interactions.value).toBeNull();
    expect(interactions.parts).toEqual([{ label: 'Likes', value: 10 }, { label: 'Comments', value: null }, { label: 'Shares', value: null }, { label: 'Saves', value: null }]);
  });
});

describe('overview reads', () => {
  it('takes a year\'s whole weeks from the weekly roll-up and the short last week from its days', () => {
    const id = instagram();
    const days = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2025, 11, 1 + i)).toISOString().slice(0, 10));
    repos.insights.upsertDaily(id, days.map((day) => ({ day, metric: 'views', value: 1 })), NOW);
    const read = () => analyticsOverview(repos, { scope: { kind: 'all' }, period: { preset: 365 } }, NOW, 'UTC').accounts[0]!.figures.find((f) => f.id === 'views')!;
    expect(read().series!.current.slice(0, 2)).toEqual([7, 7]);
    expect(read().series!.current[52]).toBe(1);
    expect(read().value).toBe(365);
    // Were the days read one by one, a change to the roll-up alone would show nowhere.
    repos.db.prepare(`UPDATE account_insight_weeks SET total = total + 1000 WHERE account_id = ? AND metric = 'views' AND last_day IN ('2025-12-07', '2026-11-30')`).run(id);
    expect(read().series!.current.slice(0, 2)).toEqual([1007, 7]);
    expect(read().series!.current[52]).toBe(1);
    expect(read().value).toBe(1365);
  });

  it('places each day or week of a series where it belongs, with days missing at the start, the end or in between', () => {
    const id = instagram();
    const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n)).toISOString().slice(0, 10);
    // reach: days 2–5 (a run, Meta's first and newest days missing); views: days 0, 1, 4 (a hole).
    repos.insights.upsertDaily(id, [2, 3, 4, 5].map((n) => ({ day: day(n), metric: 'reach', value: n * 10 })), NOW);
    repos.insights.upsertDaily(id, [0, 1, 4].map((n) => ({ day: day(n), metric: 'views', value: n + 1 })), NOW);
    const days = repos.insights.windowSeries([id], ['reach', 'views', 'saves'], day(0), 7, 1).get(id)!;
    expect(days.get('reach')).toEqual({ values: [null, null, 20, 30, 40, 50, null], known: 4 });
    expect(days.get('views')).toEqual({ values: [1, 2, null, null, 5, null, null], known: 3 });
    expect(days.has('saves')).toBe(false);
    // Weeks ending on day 6 and day 13: the first holds everything, the second nothing.
    const weeks = repos.insights.windowSeries([id], ['reach', 'views'], day(6), 2, 7).get(id)!;
    expect(weeks.get('reach')).toEqual({ values: [140, null], known: 4 });
    expect(weeks.get('views')).toEqual({ values: [8, null], known: 3 });
    // Weeks ending on days 2, 9: both hold some days.
    expect(repos.insights.windowSeries([id], ['reach'], day(2), 2, 7).get(id)!.get('reach')).toEqual({ values: [20, 120], known: 4 });
    expect(repos.insights.rangeTotals([id], ['reach', 'views'], day(1), day(9)).get(id)).toEqual(new Map([['reach', { sum: 140, days: 4 }], ['views', { sum: 7, days: 2 }]]));
  });

  it('gives each account of the scope its own series from the one read', () => {
    const ig = instagram();
    const page = repos.accounts.upsert({ network: 'facebook', externalId: 'p', name: 'Shop', loginKind: 'demo' }, NOW);
    repos.insights.upsertDaily(ig, [{ day: '2026-11-29', metric: 'views', value: 5 }], NOW);
    repos.insights.upsertDaily(page, [{ day: '2026-11-29', metric: 'page_media_view', value: 9 }, { day: '2026-11-30', metric: 'views', value: 999 }], NOW);
    const accounts = analyticsOverview(repos, { scope: { kind: 'all' }, period: { preset: 7 } }, NOW, 'UTC').accounts;
    const views = (accountId: number) => accounts.find((a) => a.account.id === accountId)!.figures.find((f) => f.id === 'views')!;
    expect(views(ig).value).toBe(5);
    expect(views(ig).series!.current).toEqual([null, null, null, null, null, 5, null]);
    // The Page's views are page_media_view; an Instagram metric name stored under it is not read as the Page's.
    expect(views(page).value).toBe(9);
  });
});

describe('posts list', () => {
  it('shows each post with its newest metrics, whatever order the snapshots were stored in', () => {
    const id = instagram();
    const a = repos.posts.upsert(id, { externalId: 'a', caption: 'Spring drop', mediaType: 'VIDEO', productType: 'REELS', publishedAt: NOW - 3 * 86_400_000 }, NOW);
    const b = repos.posts.upsert(id, { externalId: 'b', caption: 'No metrics yet', mediaType: 'IMAGE', productType: 'FEED', publishedAt: NOW - 86_400_000 }, NOW);
    repos.posts.addSnapshot(a, NOW - 1000, { views: 900, reach: 400, likes: 30, comments: 5, shares: 3, saves: 2 });
    repos.posts.addSnapshot(a, NOW - 5000, { views: 100, reach: 50, likes: 1 }); // an older read stored later
    const page = listPosts(repos, { scope: { kind: 'all' }, from: null, to: null, kind: null, search: '' }, 'UTC');
    expect(page.posts.map((p) => [p.id, p.kind, p.views, p.reach, p.metricsAt, p.hasThumbnail])).toEqual([
      [b, 'Feed', null, null, null, false],
      [a, 'Reel', 900, 400, NOW - 1000, false],
    ]);
    expect(page.posts[1]!.engagementRate).toBeCloseTo(40 / 400);
  });
});

describe('best time placement', () => {
  it('places posts by local hour on the days clocks change, too', () => {
    // Berlin leaves summer time at 01:00 UTC on Oct 25, 2026: 00:30 UTC is 02:30 CEST, 01:30 UTC is 02:30 CET.
    expect(zonedParts(Date.UTC(2026, 9, 25, 0, 30), 'Europe/Berlin')).toEqual({ day: '2026-10-25', weekday: 0, hour: 2 });
    expect(zonedParts(Date.UTC(2026, 9, 25, 1, 30), 'Europe/Berlin')).toEqual({ day: '2026-10-25', weekday: 0, hour: 2 });
    expect(zonedParts(Date.UTC(2026, 9, 25, 22, 30), 'Europe/Berlin')).toEqual({ day: '2026-10-25', weekday: 0, hour: 23 });
    expect(zonedParts(Date.UTC(2026, 9, 24, 22, 30), 'Europe/Berlin')).toEqual({ day: '2026-10-25', weekday: 0, hour: 0 });
    expect(zonedParts(Date.UTC(2026, 2, 8, 7, 30), 'America/New_York')).toEqual({ day: '2026-03-08', weekday: 0, hour: 3 });
    expect(zonedParts(Date.UTC(2026, 2, 8, 6, 30), 'America/New_York')).toEqual({ day: '2026-03-08', weekday: 0, hour: 1 });
  });

  it('reads each post\'s engagement rate in SQL exactly as figures.ts defines it, unknown where it is', () => {
    const id = instagram();
    const cases: MetricSnapshot[] = [
      { reach: 400, likes: 30, comments: 5, shares: 3, saves: 2 },
      { reach: 3, likes: 1 }, // a missing part counts as nothing
      { reach: 0, likes: 4 }, // no reach: no rate
      { reach: 250 }, // no interaction figure at all: no rate
      { likes: 9 }, // reach unknown
      { reach: 7, likes: 0, comments: 0 }, // a real 0 %
    ];
    cases.forEach((m, i) => repos.posts.addSnapshot(repos.posts.upsert(id, { externalId: `r${i}`, publishedAt: NOW - (i + 1) * 60_000 }, NOW), NOW, m));
    repos.posts.upsert(id, { externalId: 'never-read', publishedAt: NOW - 3_600_000 }, NOW);
    const rates = new PostAnalyticsQueries(repos.db).ratesInRange([id], 0, NOW).sort((a, b) => b.publishedAt - a.publishedAt);
    const expected = cases.map((m) => engagementRate({ likes: null, comments: null, shares: null, saves: null, reach: null, ...m }));
    expect(rates.map((r) => r.rate)).toEqual([...expected, null]);
    expect(expected.filter((r) => r === null)).toHaveLength(3);
  });

  it('places many instants at once exactly as one by one, across clock changes and before 1970', () => {
    const instants = Array.from({ length: 2000 }, (_, i) => Date.UTC(2026, 0, 1) + i * 4_391_117 * 1.37); // ~ every 100 min over a year
    instants.push(Date.UTC(2026, 9, 25, 0, 30), Date.UTC(2026, 9, 25, 1, 30), Date.UTC(2026, 2, 29, 0, 59), Date.UTC(2026, 2, 29, 1, 0), Date.UTC(1969, 11, 31, 23, 30));
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC']) {
      expect(weekdayHours(instants, zone)).toEqual(instants.map((ms) => {
        const { weekday, hour } = zonedParts(ms, zone);
        return { weekday, hour };
      }));
    }
  });

  it('counts every post of the period in its local weekday and hour cell', () => {
    const id = instagram();
    const times = [Date.UTC(2026, 10, 9, 16), Date.UTC(2026, 10, 16, 16, 59), Date.UTC(2026, 10, 23, 16, 5), Date.UTC(2026, 10, 24, 8)];
    times.forEach((t, i) => {
      const p = repos.posts.upsert(id, { externalId: `p${i}`, publishedAt: t }, NOW);
      repos.posts.addSnapshot(p, NOW, { reach: 100, likes: 10 * (i + 1) });
    });
    const report = bestTimes(repos, { scope: { kind: 'all' }, period: { preset: 28 } }, NOW, 'America/Los_Angeles');
    // Mondays 16:xx UTC are Mondays 08:xx in Los Angeles (PST, UTC−8); Tue 08:00 UTC is Tue 00:00.
    expect(report.networks.map((n) => [n.network, n.posts])).toEqual([['instagram', 4]]);
    const cells = report.networks[0]!.cells;
    expect(cells.find((c) => c.weekday === 1 && c.hour === 8)).toEqual({ weekday: 1, hour: 8, posts: 3, medianRate: 0.2 });
    expect(cells.find((c) => c.weekday === 2 && c.hour === 0)).toMatchObject({ posts: 1, medianRate: null });
  });

  it('keeps Instagram and Facebook posts of the same hour in separate maps: their rates are never one median', () => {
    const ig = instagram();
    const page = repos.accounts.upsert({ network: 'facebook', externalId: 'page', handle: null, name: 'Shop Page', loginKind: 'demo' }, NOW);
    repos.accounts.markSynced(page, NOW);
    const mondays = [Date.UTC(2026, 10, 9, 16), Date.UTC(2026, 10, 16, 16), Date.UTC(2026, 10, 23, 16)];
    mondays.forEach((t, i) => {
      repos.posts.addSnapshot(repos.posts.upsert(ig, { externalId: `ig${i}`, publishedAt: t }, NOW), NOW, { reach: 100, likes: 10 });
      repos.posts.addSnapshot(repos.posts.upsert(page, { externalId: `fb${i}`, publishedAt: t }, NOW), NOW, { reach: 100, likes: 50 });
    });
    const report = bestTimes(repos, { scope: { kind: 'all' }, period: { preset: 28 } }, NOW, 'UTC');
    const monday16 = (network: string) => report.networks.find((n) => n.network === network)?.cells.find((c) => c.weekday === 1 && c.hour === 16);
    expect(report.networks.map((n) => n.network)).toEqual(['instagram', 'facebook']);
    expect(monday16('instagram')).toEqual({ weekday: 1, hour: 16, posts: 3, medianRate: 0.1 });
    expect(monday16('facebook')).toEqual({ weekday: 1, hour: 16, posts: 3, medianRate: 0.5 });
    // One account's view has that account's network only.
    expect(bestTimes(repos, { scope: { kind: 'account', accountId: page }, period: { preset: 28 } }, NOW, 'UTC').networks.map((n) => n.network)).toEqual(['facebook']);
  });
});
