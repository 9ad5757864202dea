import type { AccountOverview, AnalyticsOverview, Figure, FigureBasis, PeriodQuery, StatedPeriod } from '../../../src-preload/contract';
import type { AccountRecord } from '../../store/repositories/accounts';
import type { Repositories } from '../../store/repositories';
import { PostAnalyticsQueries } from '../../store/repositories/posts';
import { retiredMetricInfo } from '../../meta/metric-catalogue';
import { addDays, startOfDayInZone } from './calendar';
import { periodChange } from './figures';
import { accountRef, scopeAccounts, statePeriod } from './scope';

/** A figure read from daily values: its Meta metric, how days combine, and its one definition. */
interface DailySpec {
  id: string;
  label: string;
  metric: string;
  definition: string;
  /** Unique per day (reach): summing days counts a person once per day, so prefer Meta's period total. */
  periodMetric?: string;
  parts?: Array<{ label: string; metric: string }>;
}

const META_DAY = "Meta's days run midnight to midnight Pacific time.";

const INSTAGRAM: DailySpec[] = [
  { id: 'reach', label: 'Reach', metric: 'reach', periodMetric: 'reach', definition: 'Accounts that saw any of your content at least once in the period, each counted once (Meta\'s unique reach).' },
  { id: 'views', label: 'Views', metric: 'views', definition: 'Times your content was played or shown, repeats included.' },
  { id: 'engaged', label: 'Accounts engaged', metric: 'accounts_engaged', periodMetric: 'accounts_engaged', definition: 'Accounts that liked, commented, shared, saved or replied, each counted once in the period.' },
  {
    id: 'interactions', label: 'Interactions', metric: 'total_interactions', definition: 'Likes, comments, shares, saves, replies and reposts on your content, as Meta counts them.',
    parts: [{ label: 'Likes', metric: 'likes' }, { label: 'Comments', metric: 'comments' }, { label: 'Shares', metric: 'shares' }, { label: 'Saves', metric: 'saves' }],
  },
  { id: 'profile_views', label: 'Profile visits', metric: 'profile_views', definition: 'Times your profile was visited.' },
  { id: 'link_taps', label: 'Profile link taps', metric: 'profile_links_taps', definition: 'Taps on the links and contact buttons on your profile.' },
];

const FACEBOOK: DailySpec[] = [
  { id: 'reach', label: 'Viewers', metric: 'page_total_media_view_unique', periodMetric: 'page_reach_unique', definition: 'People who saw any of the Page\'s content in the period, each counted once (Meta\'s page_total_media_view_unique).' },
  { id: 'views', label: 'Views', metric: 'page_media_view', definition: 'Times the Page\'s content was played or shown, repeats included.' },
  { id: 'engagements', label: 'Post engagements', metric: 'page_post_engagements', definition: 'Reactions, comments, shares and clicks on the Page\'s posts (Facebook\'s definition, not Instagram\'s interactions).' },
  { id: 'actions', label: 'Page actions', metric: 'page_total_actions', definition: 'Clicks on the Page\'s contact details and call-to-action button.' },
  { id: 'page_visits', label: 'Page visits', metric: 'page_views_total', definition: 'Times the Page\'s profile was viewed.' },
];

function missingReason(repos: Repositories, a: AccountRecord, metric: string, neverSynced: boolean): string {
  if (neverSynced) return 'Never synced: connect and sync this account to see it.';
  const scope = a.network === 'facebook' ? 'page' : 'ig-account';
  const known = retiredMetricInfo(metric, scope);
  if (known) return `Meta retired this metric on ${known.retiredOn}; it has no figure to show.`;
  if (repos.retiredMetrics.list(scope).has(metric)) return 'Meta no longer accepts this metric (it refused it during a sync); it has no figure to show.';
  return 'Meta gave no figure for these days.';
}

/** Days per point of the series: daily up to four months, weekly sums beyond (a year is 53 points, not 365). */
export function bucketDaysFor(days: number): 1 | 7 {
  return days > 120 ? 7 : 1;
}

interface Series {
  values: Array<number | null>;
  /** Sum over the period; null when Meta reported none of its days (no data is not zero). */
  sum: number | null;
  known: number;
}

/** How a period's chart points are read: whole buckets by their last day, and a shorter last bucket day by day. */
interface BucketPlan {
  points: number;
  lastDays: string[];
  partialDays: string[];
}

function planBuckets(from: string, days: number, bucketDays: number): BucketPlan {
  const whole = Math.floor(days / bucketDays);
  const lastDays = Array.from({ length: whole }, (_, i) => addDays(from, i * bucketDays + bucketDays - 1));
  const partialDays = Array.from({ length: days - whole * bucketDays }, (_, i) => addDays(from, whole * bucketDays + i));
  return { points: Math.ceil(days / bucketDays), lastDays, partialDays };
}

type PeriodSeries = Map<number, Map<string, Series>>;

/**
 * Every account's series of `metrics` for the period and the one before it, in two reads at most:
 * whole buckets from the weekly roll-up (or single days when buckets are days), a year's last
 * short bucket from its daily values. One value per bucket from the period's first day, null
 * where Meta gave nothing.
 */
function readSeries(repos: Repositories, accountIds: number[], metrics: readonly string[], p: StatedPeriod, bucketDays: 1 | 7): { current: PeriodSeries; previous: PeriodSeries } {
  const plans = { current: planBuckets(p.from, p.days, bucketDays), previous: planBuckets(p.previousFrom, p.days, bucketDays) };
  const slot = new Map<string, { period: 'current' | 'previous'; bucket: number }>();
  for (const period of ['current', 'previous'] as const) {
    const plan = plans[period];
    plan.lastDays.forEach((day, bucket) => slot.set(day, { period, bucket }));
    plan.partialDays.forEach((day) => slot.set(day, { period, bucket: plan.lastDays.length }));
  }
  const ids = accountIds;
  // Days: the two periods are adjacent, one range. Weeks: whole ones from the roll-up, the short last one from its days.
  const reads = bucketDays === 1
    ? [repos.insights.daySums(ids, metrics, p.previousFrom, p.to)]
    : [];
  for (const plan of bucketDays === 7 ? [plans.current, plans.previous] : []) {
    if (plan.lastDays.length > 0) reads.push(repos.insights.weekSums(ids, metrics, plan.lastDays[0]!, plan.lastDays[plan.lastDays.length - 1]!));
    if (plan.partialDays.length > 0) reads.push(repos.insights.daySums(ids, metrics, plan.partialDays[0]!, plan.partialDays[plan.partialDays.length - 1]!));
  }
  const out = { current: new Map() as PeriodSeries, previous: new Map() as PeriodSeries };
  for (const accountId of accountIds) {
    for (const period of ['current', 'previous'] as const) {
      const series = new Map<string, Series>();
      for (const metric of metrics) series.set(metric, { values: new Array<number | null>(plans[period].points).fill(null), sum: null, known: 0 });
      out[period].set(accountId, series);
    }
    for (const read of reads) {
      for (const [metric, windows] of read.get(accountId) ?? []) {
        for (const [day, total, days] of windows) {
          const at = slot.get(day)!;
          const s = out[at.period].get(accountId)!.get(metric)!;
          s.values[at.bucket] = (s.values[at.bucket] ?? 0) + total;
          s.sum = (s.sum ?? 0) + total;
          s.known += days;
        }
      }
    }
  }
  return out;
}

const EMPTY: Series = { values: [], sum: null, known: 0 };

function dailyFigure(repos: Repositories, a: AccountRecord, spec: DailySpec, p: StatedPeriod, read: SeriesRead): Figure {
  const current = read.current.get(spec.metric) ?? EMPTY;
  const before = read.previous.get(spec.metric) ?? EMPTY;
  let basis: FigureBasis = 'daily-sum';
  let value = current.sum;
  let prevValue = before.sum;
  let label = spec.label;
  let definition = spec.definition;
  if (spec.periodMetric) {
    const unique = repos.insights.periodValue(a.id, spec.periodMetric, p.from, p.to);
    const uniquePrev = repos.insights.periodValue(a.id, spec.periodMetric, p.previousFrom, p.previousTo);
    if (unique !== null) {
      basis = 'period-unique';
      value = unique;
      prevValue = uniquePrev;
    } else {
      basis = 'daily-summed-unique';
      label = `${spec.label} (daily, summed)`;
      definition = `Daily ${spec.label.toLowerCase()} added up over the days: someone seen on 3 days counts 3 times, so this is not the number of people. Meta gives the unique figure only for ranges of up to 30 days, which the sync reads for the last 7 and 28 days.`;
    }
  }
  const inPeriod = p.includesToday ? p.days - 1 : p.days;
  const note = current.known > 0 && current.known < inPeriod ? `${current.known} of ${inPeriod} days reported by Meta` : null;
  return {
    id: spec.id,
    label,
    definition: `${definition} ${META_DAY}`,
    basis,
    value,
    previous: prevValue,
    change: periodChange(value, prevValue),
    missingReason: value === null ? missingReason(repos, a, spec.metric, a.lastSyncedAt === null) : null,
    note,
    ...(spec.parts ? { parts: spec.parts.map((x) => ({ label: x.label, value: read.parts.get(x.metric) ?? null })) } : {}),
    series: { current: current.values, previous: before.values },
  };
}

function followerFigures(repos: Repositories, a: AccountRecord, p: StatedPeriod): Figure[] {
  const followers: Figure = {
    id: 'followers', label: 'Followers', basis: 'latest', value: a.followersCount, previous: null, change: null, note: null,
    definition: 'People following the account when it was last synced (Meta gives only the current count).',
    missingReason: a.followersCount === null ? 'Meta has not reported a follower count for this account.' : null,
  };
  const base = { id: 'net_followers', label: 'Net follower growth', note: null } as const;
  if (a.network === 'facebook') {
    // page_follows is the follower total each day: growth = last day − the day before the period.
    const at = (day: string) => repos.insights.daily(a.id, ['page_follows'], day, day).get('page_follows')?.get(day) ?? null;
    const lastDay = p.includesToday ? addDays(p.to, -1) : p.to;
    const diff = (end: number | null, start: number | null) => (end !== null && start !== null ? end - start : null);
    const value = diff(at(lastDay), at(addDays(p.from, -1)));
    const previous = diff(at(p.previousTo), at(addDays(p.previousFrom, -1)));
    return [followers, {
      ...base, basis: 'difference', value, previous, change: periodChange(value, previous),
      definition: 'Followers at the end of the period minus followers the day before it (Meta\'s page_follows).',
      missingReason: value === null ? 'Meta gave no follower totals for the start or end of this period.' : null,
    }];
  }
  const get = (metric: string, from: string, to: string) => repos.insights.periodValue(a.id, metric, from, to);
  const net = (from: string, to: string) => {
    const f = get('follows', from, to);
    const u = get('unfollows', from, to);
    return f !== null && u !== null ? f - u : null;
  };
  const value = net(p.from, p.to);
  const previous = net(p.previousFrom, p.previousTo);
  return [followers, {
    ...base, basis: 'period-unique', value, previous, change: periodChange(value, previous),
    definition: 'Follows minus unfollows in the period. Meta tells them apart only as totals over a range, which the sync reads for the last 7 and 28 days.',
    missingReason: value === null ? 'Meta gives follows and unfollows only for ranges the sync read (the last 7 and 28 days); choose one of those periods.' : null,
  }];
}

function postsFigure(repos: Repositories, a: AccountRecord, p: StatedPeriod): Figure {
  const tz = p.timeZone;
  const posts = new PostAnalyticsQueries(repos.db);
  const count = (from: string, to: string) => posts.countInRange(a.id, startOfDayInZone(from, tz), startOfDayInZone(addDays(to, 1), tz));
  const value = count(p.from, p.to);
  const previous = count(p.previousFrom, p.previousTo);
  return {
    id: 'posts', label: 'Posts published', basis: 'count', value, previous, change: periodChange(value, previous), note: null, missingReason: null,
    definition: `Posts published on these days in your time zone (${tz}), as stored on this computer.`,
  };
}

interface SeriesRead {
  current: Map<string, Series>;
  previous: Map<string, Series>;
  /** Totals of the interaction types over the period. */
  parts: Map<string, number>;
}

function specsOf(network: string): DailySpec[] {
  return network === 'facebook' ? FACEBOOK : INSTAGRAM;
}

function accountOverview(repos: Repositories, a: AccountRecord, p: StatedPeriod, read: SeriesRead): AccountOverview {
  const bucketDays = bucketDaysFor(p.days);
  const points = Math.ceil(p.days / bucketDays);
  const specs = specsOf(a.network);
  return {
    account: accountRef(repos, a),
    days: Array.from({ length: points }, (_, i) => addDays(p.from, i * bucketDays)),
    bucketDays,
    dataAsOf: a.lastSyncedAt,
    figures: [...followerFigures(repos, a, p), ...specs.map((s) => dailyFigure(repos, a, s, p, read)), postsFigure(repos, a, p)],
  };
}

/** The overview Analytics shows: read only from the local store, per account, never summed across networks. */
export function analyticsOverview(repos: Repositories, query: PeriodQuery, now: number, timeZone: string): AnalyticsOverview {
  const period = statePeriod(query.period, now, timeZone);
  const chosen = scopeAccounts(repos, query.scope);
  // One read for every account of the scope (the series of Instagram and Page metrics never mix:
  // each account keeps its own metric names).
  const ids = chosen.map((a) => a.id);
  const specs = [...new Set(chosen.map((a) => a.network))].flatMap(specsOf);
  const read = readSeries(repos, ids, specs.map((s) => s.metric), period, bucketDaysFor(period.days));
  const parts = repos.insights.totals(ids, specs.flatMap((s) => s.parts?.map((x) => x.metric) ?? []), period.from, period.to);
  const accounts = chosen.map((a) => accountOverview(repos, a, period, { current: read.current.get(a.id)!, previous: read.previous.get(a.id)!, parts: parts.get(a.id) ?? new Map() }));
  const synced = accounts.map((a) => a.dataAsOf).filter((t): t is number => t !== null);
  return { period, accounts, dataAsOf: synced.length > 0 ? Math.max(...synced) : null };
}
