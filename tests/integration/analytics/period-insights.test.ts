import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsOverview } from '../../../src-main/services/analytics/overview';
import { makeSyncHarness, T0, type SyncHarness } from '../../support/sync-harness';

const DAY_MS = 86_400_000;
const LA = 'America/Los_Angeles';
let h: SyncHarness;
let igId: number;
let pageId: number;

type Insights = { data: Array<{ name: string; values?: Array<{ value: number; end_time: string }>; total_value?: { value: number } }> };

async function graph(path: string, params: Record<string, string | number>): Promise<Insights> {
  const url = new URL(`${h.emulator.url}/v25.0/${path}`);
  for (const [k, v] of Object.entries({ access_token: h.emulator.tokens.systemUser, ...params })) url.searchParams.set(k, String(v));
  const res = await fetch(url);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Insights;
}

beforeAll(async () => {
  h = await makeSyncHarness('small');
  const results = await h.syncAll();
  expect(results.every((r) => r.status === 'ok')).toBe(true);
  const accounts = h.core.repos.accounts.list();
  igId = accounts.find((a) => a.network === 'instagram')!.id;
  pageId = accounts.find((a) => a.network === 'facebook')!.id;
});
afterAll(() => h.close());

// Meta's insights days end at Pacific midnight (07:00 UTC in the emulator's fixed offset).
const lastDayEnd = Math.floor((T0 - 7 * 3_600_000) / DAY_MS) * DAY_MS + 7 * 3_600_000;

describe('emulator: total_value over a range agrees with its daily data', () => {
  it('unique reach and accounts engaged over 7 days are at most the sum of the days, at least the best day; views add up exactly', async () => {
    const ig = h.core.repos.accounts.get(igId)!.externalId;
    const since = (lastDayEnd - 7 * DAY_MS) / 1000;
    const until = lastDayEnd / 1000;
    const daily = await graph(`${ig}/insights`, { metric: 'reach', period: 'day', metric_type: 'time_series', since, until });
    const days = daily.data[0]!.values!.map((v) => v.value);
    expect(days).toHaveLength(7);
    const total = await graph(`${ig}/insights`, { metric: 'reach,accounts_engaged,views', period: 'day', metric_type: 'total_value', since, until });
    const value = (name: string) => total.data.find((d) => d.name === name)!.total_value!.value;
    expect(value('reach')).toBeLessThanOrEqual(days.reduce((a, b) => a + b, 0));
    expect(value('reach')).toBeGreaterThanOrEqual(Math.max(...days));
    let views = 0;
    for (let d = since; d < until; d += 86_400) {
      const one = await graph(`${ig}/insights`, { metric: 'views,accounts_engaged', period: 'day', metric_type: 'total_value', since: d, until: d + 86_400 });
      views += one.data.find((x) => x.name === 'views')!.total_value!.value;
    }
    expect(value('views')).toBe(views);
  });
});

describe('sync: period totals per range, daily totals per Meta day', () => {
  it('stores Meta’s unique reach for the last 7 and 28 days and the periods before them', () => {
    const rows = h.core.repos.db.prepare(`SELECT metric, first_day, last_day FROM account_period_insights WHERE account_id = ? AND metric = 'reach' ORDER BY first_day`).all(igId);
    expect(rows).toEqual([
      { metric: 'reach', first_day: '2026-10-23', last_day: '2026-11-19' },
      { metric: 'reach', first_day: '2026-11-06', last_day: '2026-11-12' },
      { metric: 'reach', first_day: '2026-11-13', last_day: '2026-11-19' },
      { metric: 'reach', first_day: '2026-09-25', last_day: '2026-10-22' },
    ].sort((a, b) => a.first_day.localeCompare(b.first_day)));
  });

  it('reads each day’s totals over exactly one Meta day', async () => {
    const ig = h.core.repos.accounts.get(igId)!.externalId;
    const day = lastDayEnd - DAY_MS;
    const one = await graph(`${ig}/insights`, { metric: 'views', period: 'day', metric_type: 'total_value', since: day / 1000, until: (day + DAY_MS) / 1000 });
    const stored = h.core.repos.insights.daily(igId, ['views'], '2026-11-19', '2026-11-19').get('views')?.get('2026-11-19');
    expect(stored).toBe(one.data[0]!.total_value!.value);
  });

  it('the overview uses the unique figure for that exact period, and labels summed daily reach for any other', async () => {
    const week = analyticsOverview(h.core.repos, { scope: { kind: 'account', accountId: igId }, period: { preset: 7 } }, T0, LA);
    expect([week.period.from, week.period.to]).toEqual(['2026-11-13', '2026-11-19']);
    const reach = week.accounts[0]!.figures.find((f) => f.id === 'reach')!;
    expect(reach.basis).toBe('period-unique');
    const ig = h.core.repos.accounts.get(igId)!.externalId;
    const meta = await graph(`${ig}/insights`, { metric: 'reach', period: 'day', metric_type: 'total_value', since: (lastDayEnd - 7 * DAY_MS) / 1000, until: lastDayEnd / 1000 });
    expect(reach.value).toBe(meta.data[0]!.total_value!.value);
    const dailySum = reach.series!.current.reduce<number>((s, v) => s + (v ?? 0), 0);
    expect(reach.value!).toBeLessThanOrEqual(dailySum);
    expect(reach.previous).not.toBeNull();

    const custom = analyticsOverview(h.core.repos, { scope: { kind: 'account', accountId: igId }, period: { from: '2026-11-01', to: '2026-11-19' } }, T0, LA);
    const summed = custom.accounts[0]!.figures.find((f) => f.id === 'reach')!;
    expect(summed.basis).toBe('daily-summed-unique');
    expect(summed.label).toBe('Reach (daily, summed)');
    expect(summed.label).not.toMatch(/accounts/i);
    expect(summed.value).toBe(summed.series!.current.reduce<number>((s, v) => s + (v ?? 0), 0));
  });

  it('never adds Instagram and Facebook: "all" is one entry per account', () => {
    const all = analyticsOverview(h.core.repos, { scope: { kind: 'all' }, period: { preset: 28 } }, T0, LA);
    expect(all.accounts.map((a) => a.account.network).sort()).toEqual(h.core.repos.accounts.list().map((a) => a.network).sort());
    const brand = analyticsOverview(h.core.repos, { scope: { kind: 'brand', accountId: pageId }, period: { preset: 28 } }, T0, LA);
    expect(brand.accounts.map((a) => a.account.network)).toEqual(['facebook', 'instagram']);
  });

  it('a Page without reach data shows "no data" with the reason, never 0', () => {
    const db = h.core.repos.db;
    db.prepare(`DELETE FROM account_daily_insights WHERE account_id = ? AND metric = 'page_total_media_view_unique'`).run(pageId);
    db.prepare(`DELETE FROM account_period_insights WHERE account_id = ?`).run(pageId);
    const o = analyticsOverview(h.core.repos, { scope: { kind: 'account', accountId: pageId }, period: { preset: 28 } }, T0, LA);
    const viewers = o.accounts[0]!.figures.find((f) => f.id === 'reach')!;
    expect(viewers.value).toBeNull();
    expect(viewers.missingReason).toBe('Meta gave no figure for these days.');
    expect(viewers.series!.current.every((v) => v === null)).toBe(true);
    h.core.repos.retiredMetrics.add('page', 'page_total_media_view_unique', T0, 'v25.0', 'test');
    const again = analyticsOverview(h.core.repos, { scope: { kind: 'account', accountId: pageId }, period: { preset: 28 } }, T0, LA);
    expect(again.accounts[0]!.figures.find((f) => f.id === 'reach')!.missingReason).toMatch(/no longer accepts this metric/);
  });
});
