/**
 * The fewest operations Meta counts (each batch item is one) that any client needs for a first,
 * full sync, computed from the size of the world and Meta's documented limits alone. It imports
 * nothing: not the sync, not the metric catalogue, not the emulator, so it cannot agree with the
 * client by construction (tests/unit/bench/lower-bound.test.ts checks the imports).
 *
 * What a full sync must obtain (the product's data, see README "Social Desk"):
 *  - every Instagram media and Page post with its lifetime insights and every comment and reply;
 *  - for every reel its watch-time metrics, and for every feed post younger than 30 days its
 *    profile metrics: metrics of one product type, which a mixed /media listing cannot carry;
 *  - two years of daily Instagram account totals, the last 30 days of follower_count, follower
 *    and engaged-audience demographics by age, gender, city and country;
 *  - two years of daily Page insights;
 *  - every DM thread: an Instagram thread's 20 newest messages, a Messenger thread's full history.
 *
 * Limits and the documentation each comes from:
 *  - A list page holds at most 100 items; `limit` is silently capped per edge, nested edges
 *    included. https://developers.facebook.com/docs/graph-api/results (cursor paging, `limit`).
 *  - Field expansion nests edges and insights in a list read, so nested data costs nothing extra
 *    until a nested edge needs its own next page.
 *    https://developers.facebook.com/docs/graph-api/guides/field-expansion
 *  - Batches hold at most 50 requests and "each call within the batch is counted separately",
 *    so batching saves HTTP requests, never operations.
 *    https://developers.facebook.com/docs/graph-api/batch-requests (Limitations)
 *  - Instagram account insights: `metric_type=total_value` gives one total for the whole
 *    since–until range, so a per-day total costs one call per day; every total_value metric of
 *    that day, reach included, fits in that one call (metric is a comma-separated list).
 *    follower_count exists for the last 30 days only (one call); insights reach back 2 years.
 *    https://developers.facebook.com/documentation/instagram-platform/api-reference/instagram-user/insights
 *  - Demographics: one breakdown dimension per call gives that dimension's buckets (a combined
 *    breakdown gives joint buckets, top 45 only, not the marginals), and both audiences ride in
 *    one call's metric list: one call per dimension.
 *    https://developers.facebook.com/documentation/instagram-platform/api-reference/instagram-user/insights
 *  - Media insights are lifetime values per media; a metric one product type lacks fails the
 *    whole request, so type-specific metrics cost one operation per media.
 *    https://developers.facebook.com/documentation/instagram-platform/reference/instagram-media/insights
 *  - Page insights: "Only 90 days of insights can be viewed at one time when using the since
 *    and until parameters"; all metrics of a period fit one call.
 *    https://developers.facebook.com/docs/graph-api/reference/insights (Limitations)
 *  - Instagram Messaging returns details for the 20 most recent messages of a thread only;
 *    Messenger threads page to their full history.
 *    https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/conversations-api
 *  - Discovery (`/me/accounts` with `instagram_business_account{…}` nested) already returns
 *    each account's profile counts, so a first sync needs no separate profile read for
 *    accounts found that way.
 */

/** Items per list page, nested edges included. */
export const ITEMS_PER_PAGE = 100;
/** Longest since–until range of one Instagram account insights call, in days. */
export const IG_INSIGHTS_WINDOW_DAYS = 30;
/** Longest since–until range of one Page insights call, in days. */
export const PAGE_INSIGHTS_WINDOW_DAYS = 90;
/** Messages of an Instagram thread Meta returns with details. */
export const IG_THREAD_MESSAGES = 20;
/** Demographic breakdown dimensions, one call each. */
export const DEMOGRAPHIC_DIMENSIONS = ['age', 'gender', 'city', 'country'] as const;

/** One media or post: how many replies each of its top-level comments has. */
export interface ItemSize {
  /** One entry per top-level comment: its number of replies. */
  replies: readonly number[];
}

/** An Instagram professional account as the sync sees it. */
export interface InstagramAccountSize {
  kind: 'instagram';
  /** Found through `/me/accounts` (profile counts come nested) or connected on its own. */
  viaDiscovery: boolean;
  media: readonly ItemSize[];
  /** Reels (watch-time metrics, one operation each). */
  reels: number;
  /** Feed posts and carousels younger than 30 days (profile metrics, one operation each). */
  feedPostsUnder30Days: number;
  /** Visible messages per DM thread; Meta details only the newest 20, nested in the thread list. */
  threadMessages: readonly number[];
}

/** A Facebook Page as the sync sees it. */
export interface PageSize {
  kind: 'page';
  viaDiscovery: boolean;
  posts: readonly ItemSize[];
  /** Visible messages per Messenger thread (full history). */
  threadMessages: readonly number[];
}

/** The world a full sync reads. */
export interface WorldSize {
  /** Days of account and Page insights history to read (Meta keeps two years). */
  historyDays: number;
  /** Pages listed by `/me/accounts` (discovery pages through all of them). */
  managedPages: number;
  accounts: ReadonlyArray<InstagramAccountSize | PageSize>;
}

/** Jobs the bound and the measured sync are compared by. */
export const JOBS = [
  'discovery',
  'profile',
  'media',
  'media type insights',
  'comments',
  'account insights',
  'demographics',
  'page posts',
  'page insights',
  'instagram messages',
  'messenger messages',
  'older posts',
  'other',
] as const;
export type Job = (typeof JOBS)[number];

/** The bound in total and by job. */
export interface LowerBound {
  total: number;
  byJob: Record<Job, number>;
}

const pages = (items: number): number => Math.ceil(items / ITEMS_PER_PAGE);
/** Pages after the first, which rides nested in its parent's read. */
const extraPages = (items: number): number => Math.max(0, pages(items) - 1);

/** Follow-up pages for comments and replies that do not fit their nested first page. */
function commentPages(items: readonly ItemSize[]): number {
  let total = 0;
  for (const item of items) {
    total += extraPages(item.replies.length);
    for (const replies of item.replies) total += extraPages(replies);
  }
  return total;
}

function emptyByJob(): Record<Job, number> {
  return Object.fromEntries(JOBS.map((job) => [job, 0])) as Record<Job, number>;
}

/** The lower bound of a first full sync of `world`. */
export function lowerBound(world: WorldSize): LowerBound {
  const byJob = emptyByJob();
  byJob.discovery = world.accounts.some((a) => a.viaDiscovery) ? Math.max(1, pages(world.managedPages)) : 0;
  for (const account of world.accounts) {
    if (!account.viaDiscovery) byJob.profile += 1;
    if (account.kind === 'instagram') {
      byJob.media += Math.max(1, pages(account.media.length));
      byJob['media type insights'] += account.reels + account.feedPostsUnder30Days;
      byJob.comments += commentPages(account.media);
      // One call per day carries every total_value metric; follower_count (last 30 days only)
      // fits one window.
      byJob['account insights'] += world.historyDays + Math.ceil(30 / IG_INSIGHTS_WINDOW_DAYS);
      byJob.demographics += DEMOGRAPHIC_DIMENSIONS.length;
      byJob['instagram messages'] += Math.max(1, pages(account.threadMessages.length));
      for (const messages of account.threadMessages) byJob['instagram messages'] += extraPages(Math.min(messages, IG_THREAD_MESSAGES));
    } else {
      byJob['page posts'] += Math.max(1, pages(account.posts.length));
      byJob.comments += commentPages(account.posts);
      byJob['page insights'] += Math.ceil(world.historyDays / PAGE_INSIGHTS_WINDOW_DAYS);
      byJob['messenger messages'] += Math.max(1, pages(account.threadMessages.length));
      for (const messages of account.threadMessages) byJob['messenger messages'] += extraPages(messages);
    }
  }
  const total = JOBS.reduce((sum, job) => sum + byJob[job], 0);
  return { total, byJob };
}

/** Operations per job, zero-filled: the shape `lowerBound` returns, for measured counts. */
export function jobCounts(): Record<Job, number> {
  return emptyByJob();
}
