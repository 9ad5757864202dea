import { GraphApiError } from '../meta/errors';
import { parseInsightsResponse } from '../meta/insights';
import { DEMOGRAPHIC_BREAKDOWNS, demographicsParams } from '../meta/metric-catalogue';
import type { DemographicBucket } from '../store/repositories/insights';
import { utcDay } from '../core/time';
import type { SyncContext, SyncTarget } from './context';
import { getMany } from './graph-helpers';

/**
 * "follower_count and online_followers metrics are not available on Instagram business or creator
 * accounts with fewer than 100 followers", and demographics need 100 followers
 * (https://developers.facebook.com/documentation/instagram-platform/api-reference/instagram-user/insights/).
 */
const MIN_FOLLOWERS = 100;

/** True when the account's last known follower count is under Meta's threshold. */
export function isUnder100Followers(ctx: SyncContext, target: SyncTarget): boolean {
  const followers = ctx.repos.accounts.get(target.accountId)?.followersCount;
  return followers !== null && followers !== undefined && followers < MIN_FOLLOWERS;
}

/**
 * Follower and engaged-audience demographics by age, gender, city and country, read once a day.
 * Under 100 followers Meta refuses them (or returns nothing): the account is marked
 * 'under_100_followers' so the UI can say why, no call is spent, and the job succeeds.
 */
export async function syncDemographics(ctx: SyncContext, target: SyncTarget): Promise<void> {
  const today = utcDay(ctx.now());
  if (isUnder100Followers(ctx, target)) {
    ctx.repos.accounts.setDemographicsStatus(target.accountId, 'under_100_followers');
    return;
  }
  if (ctx.repos.syncRuns.getHighWater(target.accountId, 'ig-demographics') === today) return;
  // Engaged and reached audiences are per timeframe (this_week / this_month); followers are the current picture.
  // https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights
  const audiences = [
    ['follower_demographics', 'follower'],
    ['engaged_audience_demographics', 'engaged'],
    ['reached_audience_demographics', 'reached'],
  ] as const;
  const requests = audiences.flatMap(([metric, audience]) =>
    DEMOGRAPHIC_BREAKDOWNS.map((breakdown) => ({ audience, breakdown, params: demographicsParams(metric, [breakdown]) })),
  );
  const results = await getMany(
    ctx,
    target,
    requests.map((r) => `${target.externalId}/insights?${new URLSearchParams(r.params).toString()}`),
  );
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) {
    // The follower count read before may be stale: Meta's refusal is the final word.
    if (failed.error instanceof GraphApiError && failed.error.kind === 'permission' && /followers/i.test(failed.error.message)) {
      ctx.repos.accounts.setDemographicsStatus(target.accountId, 'under_100_followers');
      return;
    }
    throw failed.error;
  }
  const buckets: DemographicBucket[] = [];
  for (const [i, result] of results.entries()) {
    const request = requests[i];
    if (!request || !result.ok) continue;
    for (const metric of parseInsightsResponse(result.body).metrics) {
      for (const breakdown of metric.breakdowns) {
        for (const r of breakdown.results) {
          buckets.push({ audience: request.audience, timeframe: request.params.timeframe ?? 'this_month', breakdown: request.breakdown, bucket: r.dimensionValues.join('|'), value: r.value });
        }
      }
    }
  }
  ctx.repos.accounts.setDemographicsStatus(target.accountId, null);
  ctx.repos.insights.replaceDemographics(target.accountId, today, buckets);
  ctx.repos.syncRuns.setHighWater(target.accountId, 'ig-demographics', today, ctx.now());
}
