/**
 * Figures Meta defines over a whole range, which no sum of days can give: unique reach and
 * accounts engaged count each person once per range, and follows vs unfollows only split over a
 * range. Read for the last 7 and 28 finished insights days and the 7 and 28 before them (for the
 * change against the previous period), and stored per range.
 *
 * Instagram: `metric_type=total_value` with `since`/`until` over the range ("reach … use
 * total_value to get unique accounts over the time range", and ≤ 30 days between since and until):
 * https://developers.facebook.com/documentation/instagram-platform/api-reference/instagram-user/insights
 * Pages: `page_total_media_view_unique` with `period=week|days_28` is Meta's own rolling unique
 * count, read at the range's last day: https://developers.facebook.com/docs/graph-api/reference/insights/
 */
import { parseInsightsResponse, type InsightMetric } from '../meta/insights';
import type { PeriodValue } from '../store/repositories/insights';
import { DAY_MS } from '../core/time';
import type { SyncContext, SyncTarget } from './context';
import { getMany, insightDay, throwIfRetired, withRetiredRetry } from './graph-helpers';

/** Period lengths whose unique figures are stored; Instagram refuses ranges over 30 days. */
export const PERIOD_LENGTHS = [7, 28] as const;
const IG_UNIQUE = ['reach', 'accounts_engaged'];

interface Range {
  since: number;
  until: number;
  firstDay: string;
  lastDay: string;
}

/** The current and previous range of each length, ending where the last finished insights day ends. */
export function periodRanges(lastDayEnd: number): Range[] {
  return PERIOD_LENGTHS.flatMap((n) =>
    [0, 1].map((back) => {
      const until = lastDayEnd - back * n * DAY_MS;
      const since = until - n * DAY_MS;
      return { since, until, firstDay: insightDay(since + DAY_MS), lastDay: insightDay(until) };
    }),
  );
}

/**
 * Where the last finished insights day ends: Meta's days end at midnight in its reporting time
 * zone (07:00 or 08:00 UTC for Pacific time), learned from a daily value's `end_time`; UTC
 * midnight when none was seen.
 */
export function lastFinishedDayEnd(now: number, boundaryOffsetMs: number): number {
  const end = Math.floor((now - boundaryOffsetMs) / DAY_MS) * DAY_MS + boundaryOffsetMs;
  return end;
}

/** Reads `metrics` (plus `extra` parameters) as a total over each range and stores what `toValues` makes of it. */
async function readRanges(
  ctx: SyncContext,
  target: SyncTarget,
  ranges: readonly Range[],
  metrics: readonly string[],
  extra: string,
  toValues: (metric: InsightMetric, range: Range) => PeriodValue[],
): Promise<void> {
  await withRetiredRetry(ctx, 'ig-account', metrics, async (current) => {
    const results = await getMany(
      ctx,
      target,
      ranges.map((r) => `${target.externalId}/insights?metric=${current.join(',')}${extra}&metric_type=total_value&period=day&since=${r.since / 1000}&until=${r.until / 1000}`),
    );
    throwIfRetired(results);
    const values = results.flatMap((result, i) => (result.ok ? parseInsightsResponse(result.body).metrics.flatMap((m) => toValues(m, ranges[i]!)) : []));
    ctx.repos.insights.upsertPeriod(target.accountId, values, ctx.now());
    ctx.written.count += values.length;
    return true;
  });
}

export async function syncInstagramPeriods(ctx: SyncContext, target: SyncTarget, boundaryOffsetMs: number): Promise<void> {
  const ranges = periodRanges(lastFinishedDayEnd(ctx.now(), boundaryOffsetMs));
  await readRanges(ctx, target, ranges, IG_UNIQUE, '', (m, r) => (m.total === undefined ? [] : [{ metric: m.name, firstDay: r.firstDay, lastDay: r.lastDay, value: m.total }]));
  // Follows and unfollows: only the follow_type breakdown tells them apart (FOLLOWER = follows).
  const kinds: Record<string, string> = { FOLLOWER: 'follows', NON_FOLLOWER: 'unfollows' };
  await readRanges(ctx, target, ranges, ['follows_and_unfollows'], '&breakdown=follow_type', (m, r) =>
    m.breakdowns
      .flatMap((b) => b.results)
      .filter((row) => kinds[row.dimensionValues[0] ?? ''])
      .map((row) => ({ metric: kinds[row.dimensionValues[0]!]!, firstDay: r.firstDay, lastDay: r.lastDay, value: row.value })),
  );
}

/** Page viewers over 7 and 28 days: Meta's `week` and `days_28` values at each range's last day. */
export async function syncPagePeriods(ctx: SyncContext, target: SyncTarget, boundaryOffsetMs: number): Promise<void> {
  const lastEnd = lastFinishedDayEnd(ctx.now(), boundaryOffsetMs);
  const ranges = periodRanges(lastEnd);
  const wanted = new Map(ranges.map((r) => [`${r.lastDay}/${Math.round((r.until - r.since) / DAY_MS)}`, r]));
  const since = Math.floor((lastEnd - (PERIOD_LENGTHS.at(-1)! + 1) * DAY_MS) / 1000);
  await withRetiredRetry(ctx, 'page', ['page_total_media_view_unique'], async (metrics) => {
    const values: PeriodValue[] = [];
    for (const [period, days] of [['week', 7], ['days_28', 28]] as const) {
      const body = await ctx.client.get(`${target.externalId}/insights`, {
        token: target.token,
        params: { metric: metrics.join(','), period, since, until: Math.floor(lastEnd / 1000) },
        businessId: target.externalId,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      for (const m of parseInsightsResponse(body).metrics.filter((x) => x.period === period)) {
        for (const v of m.values) {
          const range = v.endTimeMs !== undefined ? wanted.get(`${insightDay(v.endTimeMs)}/${days}`) : undefined;
          if (range && typeof v.value === 'number') values.push({ metric: 'page_reach_unique', firstDay: range.firstDay, lastDay: range.lastDay, value: v.value });
        }
      }
    }
    ctx.repos.insights.upsertPeriod(target.accountId, values, ctx.now());
    ctx.written.count += values.length;
    return true;
  });
}

/** The insights-day boundary as an offset from UTC midnight, from a daily value's `end_time`. */
export function boundaryOffsetOf(endTimeMs: number | undefined): number | null {
  if (endTimeMs === undefined) return null;
  return ((endTimeMs % DAY_MS) + DAY_MS) % DAY_MS;
}
