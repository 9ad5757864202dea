import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewCsv } from '../../../src-main/cli/report-command';
import { audienceReport } from '../../../src-main/services/analytics/audience';
import { makeSyncHarness, T0, type SyncHarness } from '../../support/sync-harness';

let h: SyncHarness;
const all = { kind: 'all' } as const;
const TZ = 'America/Los_Angeles';
const FROM = '2026-10-20';
const TO = '2026-11-18';

beforeAll(async () => {
  h = await makeSyncHarness('small');
  expect((await h.syncAll()).every((r) => r.status === 'ok')).toBe(true);
}, 60_000);
afterAll(() => h.close());

function parse(csv: string): Array<Record<string, string>> {
  const lines = csv.trimEnd().split('\r\n');
  const cells = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
  const header = cells(lines[0]!);
  return lines.slice(1).map((l) => Object.fromEntries(cells(l).map((v, i) => [header[i], v])));
}
const csv = (view: Parameters<typeof viewCsv>[1]) => parse(viewCsv(h.core.repos, view, all, FROM, TO, T0, TZ));

describe('report --format csv --view: one row per item of each view, agreeing with each other', () => {
  it('days add up to the overview figure of every additive metric, per account', () => {
    const overview = csv('overview');
    const days = csv('days');
    const views = overview.filter((r) => r.figure === 'Views');
    expect(views.length).toBe(2);
    for (const figure of views) {
      const sum = days.filter((d) => d.account_id === figure.account_id && d.figure === 'Views').reduce((s, d) => s + (d.value === '' ? 0 : Number(d.value)), 0);
      expect(sum).toBe(Number(figure.value));
    }
    expect(new Set(days.map((d) => d.from_day)).size).toBe(30);
  });

  it('posts: one row per post of the period, as many as "Posts published"; best time counts the same posts', () => {
    const published = csv('overview').filter((r) => r.figure === 'Posts published').reduce((s, r) => s + Number(r.value), 0);
    const posts = csv('posts');
    expect(posts.length).toBe(published);
    expect(new Set(posts.map((p) => p.post_id)).size).toBe(posts.length);
    const cells = csv('best-time');
    // One map per network of the scope, never one median over both networks' rates.
    const networks = [...new Set(cells.map((c) => c.network))].sort();
    expect(networks).toEqual(['facebook', 'instagram']);
    expect(cells).toHaveLength(networks.length * 7 * 24);
    expect(cells.reduce((s, c) => s + Number(c.posts), 0)).toBe(published);
  });

  it('people: one row per person; audience: one row per bucket with its as-of date, or why there is none', () => {
    const people = csv('people');
    // Every stored person but the brand's own accounts, which write replies but are not people who engaged.
    const stored = (h.core.repos.db.prepare(
      `SELECT count(*) AS n FROM people p
       WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE p.external_id = a.external_id OR (a.handle IS NOT NULL AND lower(p.username) = lower(a.handle)))`,
    ).get() as { n: number }).n;
    expect(stored).toBeGreaterThan(0);
    expect(people).toHaveLength(stored);
    const audience = csv('audience');
    expect(audience.length).toBeGreaterThan(0);
    for (const row of audience) expect(row.as_of !== '' || row.missing_reason !== '').toBe(true);
  });

  it('audience: followers beside the engaged and reached audiences, with the timeframe, or "no data" with the reason', () => {
    const ig = h.core.repos.accounts.list().find((a) => a.network === 'instagram')!;
    const report = audienceReport(h.core.repos, ig.id);
    expect(report.audiences).toEqual([
      { audience: 'follower', timeframe: null, missingReason: null },
      { audience: 'engaged', timeframe: 'this_month', missingReason: null },
      { audience: 'reached', timeframe: 'this_month', missingReason: null },
    ]);
    expect(report.breakdowns.filter((b) => b.audience === 'reached').map((b) => b.breakdown).sort()).toEqual(['age', 'city', 'country', 'gender']);
    const rows = csv('audience').filter((r) => r.audience === 'reached');
    expect(rows.length).toBeGreaterThan(4);
    expect(rows.every((r) => r.timeframe === 'this_month')).toBe(true);
    // Meta gave no engaged breakdown at that read (too few engaged accounts): said so, not drawn empty.
    h.core.repos.db.prepare(`DELETE FROM audience_demographics WHERE account_id = ? AND audience = 'engaged'`).run(ig.id);
    const after = audienceReport(h.core.repos, ig.id).audiences!.find((a) => a.audience === 'engaged')!;
    expect(after.missingReason).toMatch(/at least 100 accounts engaged with the account in the last 30 days; it gave none on \d{4}-\d{2}-\d{2}/);
  });
});
