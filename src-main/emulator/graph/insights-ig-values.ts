/** Value computation for IG account insights (validation lives in insights-ig-account.ts). */
import { igDay, onlineFollowers, type IgDay } from '../world/daily-insights';
import { demographicRows, type DemographicDimension } from '../world/demographics';
import { followersAt } from '../world/growth';
import { DAY_MS, insightsDayStart } from '../world/time';
import type { IgAccount, World } from '../world/types';

/** Unique-audience metrics are not additive over days: overlap grows with the window. */
export function dedupe(days: number): number {
  return Math.max(0.35, 1 / (1 + 0.045 * Math.max(0, days - 1)));
}

/** Insights days overlapping [since, until), capped at the world clock. */
export function daysIn(since: number, until: number, now: number): number[] {
  const out: number[] = [];
  for (let d = insightsDayStart(since); d < until && d <= now; d += DAY_MS) out.push(d);
  return out;
}

type DayField = 'reach' | 'views' | 'accounts_engaged' | 'total_interactions' | 'likes' | 'comments' | 'shares' | 'saves' | 'replies' | 'reposts' | 'profile_views' | 'profile_links_taps';

/** Sum of a daily field over days (with dedupe for unique-audience metrics). */
export function windowTotal(world: World, account: IgAccount, days: readonly number[], metric: string): number {
  if (metric === 'follows_and_unfollows') {
    return days.reduce((s, d) => {
      const day = igDay(world, account, d);
      return s + day.follows + day.unfollows;
    }, 0);
  }
  const raw = days.reduce((s, d) => s + igDay(world, account, d)[metric as DayField], 0);
  return metric === 'reach' || metric === 'accounts_engaged' ? Math.round(raw * dedupe(days.length)) : raw;
}

/** Share of a metric's total per value of a breakdown dimension over the days. */
export function breakdownShares(world: World, account: IgAccount, days: readonly number[], metric: string, dim: string): Array<[string, number]> {
  const sumDays = (f: (d: IgDay) => number): number => days.reduce((s, d) => s + f(igDay(world, account, d)), 0);
  const normalise = (pairs: Array<[string, number]>): Array<[string, number]> => {
    const total = pairs.reduce((s, [, v]) => s + v, 0) || 1;
    return pairs.map(([k, v]) => [k, v / total]);
  };
  switch (dim) {
    case 'follower_type': {
      const followers = sumDays((d) => d.reachFromFollowers);
      const all = sumDays((d) => d.reach);
      const share = metric === 'views' ? 0.55 : all ? followers / all : 0.6;
      return [['FOLLOWER', share], ['NON_FOLLOWER', 1 - share]];
    }
    case 'media_product_type': {
      const source = metric === 'views' || metric === 'reach' ? 'viewsByProduct' : 'interactionsByProduct';
      const keys = ['POST', 'REEL', 'CAROUSEL_CONTAINER', 'STORY'];
      return normalise(keys.map((k) => [k, sumDays((d) => d[source][k] ?? 0)]));
    }
    case 'follow_type': {
      return normalise([['FOLLOWER', sumDays((d) => d.follows)], ['NON_FOLLOWER', sumDays((d) => d.unfollows)]]);
    }
    case 'contact_button_type':
      return [['BOOK_NOW', 0.08], ['CALL', 0.12], ['DIRECTION', 0.3], ['EMAIL', 0.18], ['INSTANT_EXPERIENCE', 0.02], ['TEXT', 0.05], ['UNDEFINED', 0.25]];
    default:
      return [];
  }
}

/** `total_value.breakdowns[0]` for one or more (cross-product) breakdown dimensions. */
export function breakdownResults(world: World, account: IgAccount, days: readonly number[], metric: string, dims: readonly string[], total: number): unknown {
  let rows: Array<{ values: string[]; share: number }> = [{ values: [], share: 1 }];
  for (const dim of dims) {
    const shares = breakdownShares(world, account, days, metric, dim);
    rows = rows.flatMap((r) => shares.map(([k, s]) => ({ values: [...r.values, k], share: r.share * s })));
  }
  const results = rows
    .map((r) => ({ dimension_values: r.values, value: Math.round(total * r.share) }))
    .filter((r) => r.value > 0);
  return { dimension_keys: [...dims], results };
}

/** Daily time-series value for reach (day/week/days_28), follower_count or online_followers. */
export function seriesValue(world: World, account: IgAccount, metric: string, period: string, dayStart: number): unknown {
  if (metric === 'online_followers') return onlineFollowers(account, dayStart);
  if (metric === 'follower_count') return igDay(world, account, dayStart).follows;
  const span = period === 'week' ? 7 : period === 'days_28' ? 28 : 1;
  const days = Array.from({ length: span }, (_, i) => dayStart - i * DAY_MS);
  return windowTotal(world, account, days, 'reach');
}

/** Demographic rows for a demographics metric and timeframe. */
/** Fewest engaged or reached accounts in the timeframe before Meta breaks them down. */
export const MIN_AUDIENCE = 100;

export function demographicsValue(world: World, account: IgAccount, metric: string, dims: DemographicDimension[], timeframe: string): unknown {
  const now = world.now;
  const span = timeframe === 'this_week' ? 7 : 30;
  const days = daysIn(now - span * DAY_MS, now, now);
  const population =
    metric === 'follower_demographics'
      ? followersAt(account, now)
      : metric === 'engaged_audience_demographics'
        ? windowTotal(world, account, days, 'accounts_engaged')
        : windowTotal(world, account, days, 'reach');
  // Meta shows engaged/reached demographics only once enough accounts engaged or were reached in the
  // timeframe (Instagram's own Insights: "at least 100 accounts"); the API's harsher reading: below
  // that the breakdown comes back empty, not an error.
  // https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights
  if (metric !== 'follower_demographics' && population < MIN_AUDIENCE) return { breakdowns: [{ dimension_keys: dims, results: [] }] };
  const rows = demographicRows(account.id, account.niche, dims, population, metric);
  return {
    breakdowns: [{ dimension_keys: dims, results: rows.map((r) => ({ dimension_values: r.dimensionValues, value: r.value })) }],
  };
}
