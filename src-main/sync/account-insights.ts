import { isMetaApiError, type MetaApiError } from '../meta/errors';
import { isUnder100Followers } from './demographics';
import { parseInsightsResponse, type InsightMetric } from '../meta/insights';
import { accountInsightRequests, accountInsightWindows, pageMetricsFor } from '../meta/metric-catalogue';
import type { DailyValue } from '../store/repositories/insights';
import type { SyncContext, SyncTarget } from './context';
import { DAY_MS, utcDay } from '../core/time';
import { getMany, insightDay, throwIfRetired, withRetiredRetry } from './graph-helpers';

/** Meta keeps two years of insights. */
export const HISTORY_MS = 730 * DAY_MS;
/** Insights settle within 48 h, so the last two days are read again on every run. */
const SETTLE_MS = 2 * DAY_MS;
const TIME_SERIES_JOB = 'ig-insights-series';
const DAILY_TOTALS_JOB = 'ig-insights-daily';
const PAGE_INSIGHTS_JOB = 'page-insights';

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Where a job resumes: its high-water mark minus the settling time, else two years back. */
function resumeFrom(ctx: SyncContext, accountId: number, job: string, today: number): number {
  const mark = Number(ctx.repos.syncRuns.getHighWater(accountId, job) ?? 0);
  return mark > 0 ? Math.max(today - HISTORY_MS, mark - SETTLE_MS) : today - HISTORY_MS;
}

function seriesValues(metric: InsightMetric): DailyValue[] {
  return metric.values
    .filter((v): v is { value: number; endTimeMs: number } => typeof v.value === 'number' && v.endTimeMs !== undefined)
    .map((v) => ({ day: insightDay(v.endTimeMs), metric: metric.name, value: v.value }));
}

const abort = (ctx: SyncContext) => (ctx.signal ? { signal: ctx.signal } : {});

/**
 * Instagram account insights: metrics Meta offers as a daily time series (reach, follower_count)
 * are read in ≤ 30-day windows; metrics Meta only gives as a total over a range (views,
 * interactions…) are read one day at a time, batched 50 days to a request.
 */
export async function syncInstagramInsights(ctx: SyncContext, target: SyncTarget): Promise<void> {
  const today = startOfUtcDay(ctx.now());
  const groups = accountInsightRequests(undefined, ctx.repos.retiredMetrics.list('ig-account'));
  const timeSeries = groups.find((g) => g.metric_type === 'time_series' && g.period === 'day')?.metric.filter((m) => m === 'follower_count') ?? [];
  const totals = groups.find((g) => g.metric_type === 'total_value' && g.period === 'day')?.metric ?? [];

  // Daily reach as a time series (it is unique per day, so it is read per day, never summed).
  const seriesFrom = resumeFrom(ctx, target.accountId, TIME_SERIES_JOB, today);
  const windows = accountInsightWindows(seriesFrom, today);
  for (const [i, w] of windows.entries()) {
    await withRetiredRetry(ctx, 'ig-account', ['reach'], async (metric) => {
      const body = await ctx.client.get(`${target.externalId}/insights`, {
        host: target.host,
        token: target.token,
        params: { metric: metric.join(','), period: 'day', metric_type: 'time_series', since: w.since, until: w.until },
        businessId: target.externalId,
        ...abort(ctx),
      });
      ctx.repos.insights.upsertDaily(target.accountId, parseInsightsResponse(body).metrics.flatMap(seriesValues), ctx.now());
      return true;
    });
    ctx.progress('Account insights', i + 1, windows.length);
  }
  // follower_count: only the last 30 days exist at Meta, and it rejects metric_type=total_value.
  // Meta withholds it under 100 followers: skip it then, and never let it stop the daily totals.
  if (timeSeries.length > 0 && !isUnder100Followers(ctx, target)) {
    await withRetiredRetry(ctx, 'ig-account', timeSeries, async (metric) => {
      const body = await ctx.client.get(`${target.externalId}/insights`, {
        host: target.host,
        token: target.token,
        params: { metric: metric.join(','), period: 'day', since: Math.floor((today - 30 * DAY_MS) / 1000), until: Math.floor(today / 1000) },
        businessId: target.externalId,
        ...abort(ctx),
      });
      ctx.repos.insights.upsertDaily(target.accountId, parseInsightsResponse(body).metrics.flatMap(seriesValues), ctx.now());
      return true;
    }).catch((error: unknown) => {
      // An object-level refusal (code 10, e.g. followers fell under 100 since the profile was read)
      // leaves the follower series for the next run; the daily totals below still run.
      if (!(isMetaApiError(error) && error.kind === 'permission')) throw error;
    });
  }
  ctx.repos.syncRuns.setHighWater(target.accountId, TIME_SERIES_JOB, String(today), ctx.now());

  await syncDailyTotals(ctx, target, totals.filter((m) => m !== 'reach'), today);
}

async function syncDailyTotals(ctx: SyncContext, target: SyncTarget, metrics: string[], today: number): Promise<void> {
  const from = resumeFrom(ctx, target.accountId, DAILY_TOTALS_JOB, today);
  // Without batching (graph.instagram.com) two years would be 730 requests: take the last 30 days
  // there, and from then on the days since the last run.
  const earliest = target.host === 'instagram' ? Math.max(from, today - 30 * DAY_MS) : from;
  const days: number[] = [];
  for (let day = startOfUtcDay(earliest); day < today; day += DAY_MS) days.push(day);
  if (days.length === 0 || metrics.length === 0) return;
  let firstFailed = Infinity;
  let firstError: MetaApiError | undefined;
  await withRetiredRetry(ctx, 'ig-account', metrics, async (current) => {
    const results = await getMany(
      ctx,
      target,
      days.map((day) => `${target.externalId}/insights?metric=${current.join(',')}&metric_type=total_value&period=day&since=${day / 1000}&until=${(day + DAY_MS) / 1000}`),
    );
    throwIfRetired(results);
    const values: DailyValue[] = [];
    for (const [i, result] of results.entries()) {
      if (!result.ok) {
        // Resume from the first day Meta did not answer, so no day is skipped for good.
        firstFailed = Math.min(firstFailed, days[i]!);
        firstError ??= result.error;
        continue;
      }
      for (const metric of parseInsightsResponse(result.body).metrics) {
        if (metric.total !== undefined) values.push({ day: utcDay(days[i]!), metric: metric.name, value: metric.total });
      }
    }
    ctx.repos.insights.upsertDaily(target.accountId, values, ctx.now());
    ctx.written.count += values.length;
    return true;
  });
  const reached = Number.isFinite(firstFailed) ? firstFailed + SETTLE_MS : today;
  ctx.repos.syncRuns.setHighWater(target.accountId, DAILY_TOTALS_JOB, String(reached), ctx.now());
  if (firstError) throw firstError;
}

/** Facebook Page insights: daily series in ≤ 90-day windows. */
export async function syncPageInsights(ctx: SyncContext, target: SyncTarget): Promise<void> {
  const today = startOfUtcDay(ctx.now());
  const windows = accountInsightWindows(resumeFrom(ctx, target.accountId, PAGE_INSIGHTS_JOB, today), today, { target: 'page' });
  for (const [i, w] of windows.entries()) {
    await withRetiredRetry(ctx, 'page', pageMetricsFor('page'), async (metric) => {
      const body = await ctx.client.get(`${target.externalId}/insights`, {
        token: target.token,
        params: { metric: metric.join(','), period: 'day', since: w.since, until: w.until },
        businessId: target.externalId,
        ...abort(ctx),
      });
      ctx.repos.insights.upsertDaily(target.accountId, parseInsightsResponse(body).metrics.filter((m) => m.period === 'day').flatMap(seriesValues), ctx.now());
      return true;
    });
    ctx.progress('Page insights', i + 1, windows.length);
  }
  ctx.repos.syncRuns.setHighWater(target.accountId, PAGE_INSIGHTS_JOB, String(today), ctx.now());
}
