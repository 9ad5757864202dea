import type { AccountOverview, AnalyticsOverview, Figure, FigureBasis, PeriodQuery, StatedPeriod } from '../../../src-preload/contract';
import type { AccountRecord } from '../../store/repositories/accounts';
import type { Repositories } from '../../store/repositories';
import type { WindowSeries } from '../../store/repositories/insights';
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

type PeriodSeries = Map<number, Map<string, Series>>;

function toSeries(read: { values: Array<number | null>; known: number } | undefined, points: number, partial: { sum: number; days: number } | undefined): Series {
  const values = read ? [...read.values] : [];
  while (values.length < points) values.push(null);
  if (partial) values[points - 1] = partial.sum;
  const known = (read?.known ?? 0) + (partial?.days ?? 0);
  let sum: number | null = null;
  for (const v of values) if (v !== null) sum = (sum ?? 0) + v;
  return { values, sum, known };
}

/** One period's chart points per account: whole buckets read as windows, a year's short last week as a total. */
interface PeriodRead {
  whole: WindowSeries;
  partial: Map<number, Map<string, { sum: number; days: number }>> | null;
}

function readDays(repos: Repositories, ids: number[], metrics: readonly string[], p: StatedPeriod): Record<'current' | 'previous', PeriodRead> {
  // The two periods are adjacent: one range read, split in two.
  const both = repos.insights.windowSeries(ids, metrics, p.previousFrom, 2 * p.days, 1);
  const half = (start: number): WindowSeries => new Map([...both].map(([id, byMetric]) => [id, new Map([...byMetric].map(([metric, s]) => {
    const values = s.values.slice(start, start + p.days);
    return [metric, { values, known: values.filter((v) => v !== null).length }];
  }))]));
  return { previous: { whole: half(0), partial: null }, current: { whole: half(p.days), partial: null } };
}

function readWeeks(repos: Repositories, ids: number[], metrics: readonly string[], from: string, days: number): PeriodRead {
  const whole = Math.floor(days / 7);
  return {
    whole: whole > 0 ? repos.insights.windowSeries(ids, metrics, addDays(from, 6), whole, 7) : new Map(),
    partial: whole * 7 < days ? repos.insights.rangeTotals(ids, metrics, addDays(from, whole * 7), addDays(from, days - 1)) : null,
  };
}

/**
 * Every account's series of `metrics` for the period and the one before it, one value per bucket
 * from the period's first day, null where Meta gave nothing, in two to four reads whatever the
 * number of accounts: days in one range; whole weeks from the weekly roll-up, a year's short last
 * week from its days.
 */
function readSeries(repos: Repositories, ids: number[], metrics: readonly string[], p: StatedPeriod, bucketDays: 1 | 7): Record<'current' | 'previous', PeriodSeries> {
  const points = Math.ceil(p.days / bucketDays);
  const reads = bucketDays === 1
    ? readDays(repos, ids, metrics, p)
    : { current: readWeeks(repos, ids, metrics, p.from, p.days), previous: readWeeks(repos, ids, metrics, p.previousFrom, p.days) };
  const series = (read: PeriodRead): PeriodSeries =>
    new Map(ids.map((id) => [id, new Map(metrics.map((m) => [m, toSeries(read.whole.get(id)?.get(m), points, read.partial?.get(id)?.get(m))]))]));
  return { current: series(reads.current), previous: series(reads.previous) };
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

/** The first day of each chart point, the same for every account of the overview. */
function bucketStarts(p: StatedPeriod): string[] {
  const step = bucketDaysFor(p.days);
  return Array.from({ length: Math.ceil(p.days / step) }, (_, i) => addDays(p.from, i * step));
}

function accountOverview(repos: Repositories, a: AccountRecord, p: StatedPeriod, days: string[], read: SeriesRead): AccountOverview {
  const specs = specsOf(a.network);
  return {
    account: accountRef(repos, a),
    days: [...days],
    bucketDays: bucketDaysFor(p.days),
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
  const parts = repos.insights.rangeTotals(ids, specs.flatMap((s) => s.parts?.map((x) => x.metric) ?? []), period.from, period.to);
  const days = bucketStarts(period);
  const accounts = chosen.map((a) => accountOverview(repos, a, period, days, {
    current: read.current.get(a.id)!,
    previous: read.previous.get(a.id)!,
    parts: new Map([...(parts.get(a.id) ?? [])].map(([metric, t]) => [metric, t.sum])),
  }));
  const synced = accounts.map((a) => a.dataAsOf).filter((t): t is number => t !== null);
  return { period, accounts, dataAsOf: synced.length > 0 ? Math.max(...synced) : null };
}
