import type { AudienceBreakdown, AudienceReport, EngagedPerson, HeatmapReport, PeriodQuery } from '../../../src-preload/contract';
import { AppError } from '../../core/app-error';
import { PERSON_IS_OWN_ACCOUNT_SQL } from '../../store/repositories/own-accounts';
import { PostAnalyticsQueries } from '../../store/repositories/posts';
import type { Repositories } from '../../store/repositories';
import { addDays, startOfDayInZone, weekdayHours } from './calendar';
import { HEATMAP_MIN_POSTS, heatmapBuckets } from './figures';
import { accountRef, scopeAccounts, statePeriod } from './scope';

const BREAKDOWNS = ['age', 'gender', 'city', 'country'] as const;
const AUDIENCES = ['follower', 'engaged', 'reached'] as const;
const TIMEFRAMES: Record<string, string> = { this_week: 'the last 7 days', this_month: 'the last 30 days' };

/** Why an audience has no breakdown although the sync read demographics that day. */
function noBreakdownReason(audience: (typeof AUDIENCES)[number], timeframe: string | null, capturedOn: string): string {
  if (audience === 'follower') return `Meta gave no follower breakdown on ${capturedOn}.`;
  const who = audience === 'engaged' ? 'engaged with' : 'were reached by';
  return `Meta breaks this audience down only when at least 100 accounts ${who} the account in ${TIMEFRAMES[timeframe ?? ''] ?? timeframe}; it gave none on ${capturedOn}.`;
}
const GENDERS: Record<string, string> = { F: 'Women', M: 'Men', U: 'Not specified' };

/**
 * Followers' and engaged people's demographics as Meta last gave them. Meta returns them only for
 * accounts with at least 100 followers, and only for Instagram professional accounts:
 * https://developers.facebook.com/documentation/instagram-platform/api-reference/instagram-user/insights
 */
export function audienceReport(repos: Repositories, accountId: number): AudienceReport {
  const account = repos.accounts.get(accountId);
  if (!account) throw new AppError('NOT_FOUND', 'That account is no longer connected.');
  const ref = accountRef(repos, account);
  const base = { account: ref, followers: account.followersCount };
  if (account.network !== 'instagram') {
    return { ...base, asOf: null, breakdowns: [], missingReason: 'Meta no longer gives audience demographics for Facebook Pages (page_fans_city/country were replaced by follower totals only). The linked Instagram account has them.' };
  }
  const latest = repos.insights.latestDemographics(accountId);
  if (!latest || latest.buckets.length === 0) {
    const under100 = account.demographicsStatus === 'under_100_followers' || (account.followersCount !== null && account.followersCount < 100);
    return {
      ...base,
      asOf: latest?.capturedOn ?? null,
      breakdowns: [],
      missingReason: under100
        ? `Meta shows demographics only for accounts with at least 100 followers${account.followersCount !== null ? `; this one has ${account.followersCount}` : ''}.`
        : account.lastSyncedAt === null
          ? 'Never synced: sync this account to read its audience.'
          : 'Meta gave no demographics at the last sync.',
    };
  }
  const breakdowns: AudienceBreakdown[] = [];
  const audiences: NonNullable<AudienceReport['audiences']> = [];
  for (const audience of AUDIENCES) {
    const rows = latest.buckets.filter((b) => b.audience === audience);
    const timeframe = audience === 'follower' ? null : (rows[0]?.timeframe ?? 'this_month');
    audiences.push({ audience, timeframe, missingReason: rows.length > 0 ? null : noBreakdownReason(audience, timeframe, latest.capturedOn) });
    for (const breakdown of BREAKDOWNS) {
      const buckets = rows
        .filter((b) => b.breakdown === breakdown)
        .map((b) => ({ label: breakdown === 'gender' ? (GENDERS[b.bucket] ?? b.bucket) : b.bucket, value: b.value }));
      if (buckets.length > 0) {
        breakdowns.push({ audience, ...(timeframe ? { timeframe } : {}), breakdown, buckets: breakdown === 'age' ? buckets.sort((x, y) => x.label.localeCompare(y.label)) : buckets });
      }
    }
  }
  return { ...base, asOf: latest.capturedOn, breakdowns, missingReason: null, audiences };
}

/**
 * Best time to post: each post of the period placed by weekday and hour in the user's time zone, one
 * map per network of the scope (never one median over Instagram's and Facebook's different rates).
 */
export function bestTimes(repos: Repositories, query: PeriodQuery, now: number, timeZone: string): HeatmapReport {
  const period = statePeriod(query.period, now, timeZone);
  const accounts = scopeAccounts(repos, query.scope);
  const queries = new PostAnalyticsQueries(repos.db);
  const [from, to] = [startOfDayInZone(period.from, timeZone), startOfDayInZone(addDays(period.to, 1), timeZone)];
  const networks = (['instagram', 'facebook'] as const)
    .map((network) => ({ network, ids: accounts.filter((a) => a.network === network).map((a) => a.id) }))
    .filter(({ ids }) => ids.length > 0)
    .map(({ network, ids }) => {
      const posts = queries.ratesInRange(ids, from, to);
      const placed = weekdayHours(posts.map((p) => p.publishedAt), timeZone).map((at, i) => ({ weekday: at.weekday, hour: at.hour, rate: posts[i]!.rate }));
      return { network, cells: heatmapBuckets(placed), posts: posts.length };
    });
  return { period, minPosts: HEATMAP_MIN_POSTS, networks };
}

/** People who commented or messaged, most active first. */
export function engagedPeople(repos: Repositories, query: PeriodQuery['scope']): EngagedPerson[] {
  const ids = scopeAccounts(repos, query).map((a) => a.id);
  return repos.db.prepare(
    `SELECT p.id, p.account_id AS accountId, coalesce(p.username, p.name, 'Unknown') AS name,
            (SELECT count(*) FROM comments c WHERE c.person_id = p.id) AS comments,
            (SELECT count(*) FROM messages m JOIN conversations cv ON cv.id = m.conversation_id WHERE cv.person_id = p.id AND m.direction = 'in') AS messages,
            p.last_seen_at AS lastSeenAt,
            (SELECT cv.id FROM conversations cv WHERE cv.person_id = p.id ORDER BY cv.last_message_at DESC LIMIT 1) AS conversationId
     FROM people p WHERE p.account_id IN (SELECT value FROM json_each(?))
       -- The brand's own accounts write too: they are not people who engaged with the brand.
       AND NOT EXISTS (SELECT 1 FROM accounts a WHERE ${PERSON_IS_OWN_ACCOUNT_SQL})
     ORDER BY comments + messages DESC, p.last_seen_at DESC`,
  ).all(JSON.stringify(ids)) as EngagedPerson[];
}
