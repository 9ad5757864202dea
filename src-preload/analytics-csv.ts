/**
 * The CSV of each Analytics view, one row per item: built from the same payloads the views draw,
 * by the views' "Export CSV" buttons and by `report --format csv --view …`, so a view and the CLI
 * give the same file for the same accounts and period. Pure functions (no Node, no DOM).
 */
import type { AnalyticsOverview, AudienceReport, EngagedPerson, HeatmapReport, PostsPage } from './analytics-types';

/** Quotes a cell; text a spreadsheet would run as a formula is defused with a leading quote mark. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_VIEWS = ['overview', 'days', 'posts', 'best-time', 'people', 'audience'] as const;
export type CsvView = (typeof CSV_VIEWS)[number];

/** Overview: one row per account and figure, with its definition and how it was obtained. */
export function figuresCsv(o: AnalyticsOverview): string {
  return toCsv(
    ['account_id', 'network', 'account', 'handle', 'figure', 'value', 'previous_period_value', 'change', 'basis', 'from', 'to', 'previous_from', 'previous_to', 'time_zone', 'missing_reason', 'definition'],
    o.accounts.flatMap((a) => a.figures.map((f) => [a.account.id, a.account.network, a.account.name, a.account.handle, f.label, f.value, f.previous, f.change, f.basis,
      o.period.from, o.period.to, o.period.previousFrom, o.period.previousTo, o.period.timeZone, f.missingReason, f.definition])),
  );
}

/** Days (weeks beyond four months): one row per account, point and charted figure, with the previous period's value at the same position. */
export function daysCsv(o: AnalyticsOverview): string {
  return toCsv(
    ['account_id', 'network', 'from_day', 'days', 'partial', 'time_zone', 'figure', 'value', 'previous_period_value'],
    o.accounts.flatMap((a) => a.days.flatMap((day, i) => a.figures.filter((f) => f.series).map((f) => [
      a.account.id, a.account.network, day, a.bucketDays, o.period.includesToday && i === a.days.length - 1 ? 'partial' : '', o.period.timeZone, f.label, f.series!.current[i], f.series!.previous[i],
    ]))),
  );
}

/** Posts: one row per post, newest first. */
export function postsCsv(page: PostsPage): string {
  return toCsv(
    ['post_id', 'published', 'time_zone', 'account_id', 'network', 'type', 'caption', 'views', 'reach', 'likes', 'comments', 'shares', 'saves', 'engagement_rate', 'metrics_read_at', 'no_insights_reason', 'permalink'],
    page.posts.map((p) => [p.id, new Date(p.publishedAt).toISOString(), page.timeZone, p.accountId, p.network, p.kind, p.caption, p.views, p.reach, p.likes, p.comments, p.shares, p.saves,
      p.engagementRate, p.metricsAt ? new Date(p.metricsAt).toISOString() : null, p.insightsStatus, p.permalink]),
  );
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Best time: one row per network and weekday × hour bucket in the user's time zone. */
export function bestTimeCsv(r: HeatmapReport): string {
  return toCsv(['network', 'weekday', 'hour', 'posts', 'median_engagement_rate', 'coloured', 'time_zone', 'from', 'to'],
    r.networks.flatMap((n) => n.cells.map((c) => [n.network, WEEKDAYS[c.weekday], c.hour, c.posts, c.medianRate, c.posts >= r.minPosts ? 'yes' : 'no', r.period.timeZone, r.period.from, r.period.to])));
}

/** Engaged people: one row per person. */
export function peopleCsv(people: readonly EngagedPerson[]): string {
  return toCsv(['person_id', 'name', 'account_id', 'comments', 'messages', 'last_seen'], people.map((p) => [p.id, p.name, p.accountId, p.comments, p.messages, new Date(p.lastSeenAt).toISOString()]));
}

/** Audience: one row per account, audience and bucket; an account without data says why. */
export function audienceCsv(reports: readonly AudienceReport[]): string {
  return toCsv(['account_id', 'audience', 'timeframe', 'breakdown', 'group', 'people', 'as_of', 'missing_reason'],
    reports.flatMap((r) => (r.breakdowns.length === 0
      ? [[r.account.id, null, null, null, null, null, r.asOf, r.missingReason]]
      : r.breakdowns.flatMap((b) => b.buckets.map((x) => [r.account.id, b.audience, b.timeframe ?? null, b.breakdown, x.label, x.value, r.asOf, null])))));
}
