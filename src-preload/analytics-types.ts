/**
 * Analytics and report payloads. Every figure carries its definition and how it was obtained,
 * and a missing figure carries the reason instead of a zero.
 */
import type { InsightsStatus, Network, PostSummary } from './api-types';

/** Which accounts a view covers. A brand is a Facebook Page with its linked Instagram account. */
export type AnalyticsScope = { kind: 'all' } | { kind: 'brand'; accountId: number } | { kind: 'account'; accountId: number };

/** A preset period (N finished days ending yesterday) or an explicit range of days, both ends included. */
export type PeriodChoice = { preset: 7 | 28 | 90 | 365 } | { from: string; to: string };

export interface PeriodQuery {
  scope: AnalyticsScope;
  period: PeriodChoice;
}

/** The period as stated on screen, in the user's time zone. */
export interface StatedPeriod {
  /** `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  days: number;
  /** "Nov 1 – Nov 30, 2026". */
  label: string;
  previousFrom: string;
  previousTo: string;
  previousLabel: string;
  /** The period ends today, whose figures are still partial. */
  includesToday: boolean;
  today: string;
  timeZone: string;
}

/**
 * How a figure was obtained. `period-unique`: Meta's own total over exactly this period (each
 * person once). `daily-sum`: an additive daily figure summed. `daily-summed-unique`: a unique daily
 * figure summed because Meta gave no total for this period (people count once per day they were reached).
 * `latest`: the value at the last sync. `difference`: last day minus the day before the period.
 * `count`: counted in this app's store.
 */
export type FigureBasis = 'period-unique' | 'daily-sum' | 'daily-summed-unique' | 'latest' | 'difference' | 'count';

export interface Figure {
  id: string;
  label: string;
  /** The one definition shown beside the figure ("what is this"). */
  definition: string;
  basis: FigureBasis;
  value: number | null;
  previous: number | null;
  /** Change against the previous period as a fraction; null when it cannot be computed. */
  change: number | null;
  /** Why `value` is missing (never drawn as 0). */
  missingReason: string | null;
  /** E.g. "28 of 30 days reported by Meta". */
  note: string | null;
  /** Parts of this figure (interactions by type), each with the same basis. */
  parts?: Array<{ label: string; value: number | null }>;
  /** Values per point of `AccountOverview.days`, and the previous period aligned by position. */
  series?: { current: Array<number | null>; previous: Array<number | null> };
}

export interface AnalyticsAccountRef {
  id: number;
  network: Network;
  name: string;
  handle: string | null;
  /** Brand name: the Page's name for a Page and its linked Instagram account. */
  brand: string;
}

export interface AccountOverview {
  account: AnalyticsAccountRef;
  figures: Figure[];
  /** First day (`YYYY-MM-DD`) of each point the series are aligned with. */
  days: string[];
  /** Days per point: 1 (daily) up to four months, 7 (weekly sums) for longer periods. */
  bucketDays: number;
  /** When this account was last synced; null if never. */
  dataAsOf: number | null;
}

export interface AnalyticsOverview {
  period: StatedPeriod;
  /** One column per account, grouped by brand: Instagram and Facebook figures are never added together. */
  accounts: AccountOverview[];
  /** The newest sync among the accounts shown. */
  dataAsOf: number | null;
}

/** A post as the Analytics table shows it: the stored summary, its kind in words and its engagement rate. */
export interface PostRow extends Omit<PostSummary, 'mediaType' | 'productType' | 'insightsStatus'> {
  /** Instagram: feed / reel / story / carousel; Facebook: photo / video / status / link. */
  kind: string;
  engagementRate: number | null;
  /** Why Meta gives no insights for this post, when it does not. */
  insightsStatus: InsightsStatus | null;
  /** A downscaled image of the post is stored on this computer (read with `analytics:getThumbnail`). */
  hasThumbnail: boolean;
}

/** What the posts table sorts by: the publish time or one of the figures (posts without it go last). */
export type PostSortKey = 'publishedAt' | 'views' | 'reach' | 'likes' | 'comments' | 'shares' | 'saves' | 'engagementRate';

export interface PostsQuery {
  scope: AnalyticsScope;
  from: string | null;
  to: string | null;
  kind: string | null;
  search: string;
  /** Default: newest first. */
  sort?: { key: PostSortKey; descending: boolean };
  /** A window of the sorted posts (the table asks for the rows in view); without `limit`, all of them. */
  offset?: number;
  limit?: number;
}

export interface PostsPage {
  posts: PostRow[];
  /** Posts matching the query, of which `posts` is the window from `offset`. */
  total: number;
  offset: number;
  timeZone: string;
  dataAsOf: number | null;
}

export interface PostDetail {
  post: PostRow;
  /** The stored thumbnail as a data URL, or why there is none (null reason: not fetched yet). */
  thumbnail: string | null;
  thumbnailMissingReason: string | null;
  /** Lifetime metrics as read at each sync. */
  history: Array<{ at: number; views: number | null; reach: number | null; likes: number | null; comments: number | null; shares: number | null; saves: number | null }>;
  comments: Array<{ id: number; author: string; text: string | null; createdAt: number; hidden: boolean; replies: Array<{ id: number; author: string; text: string | null; createdAt: number }> }>;
}

export interface AudienceBreakdown {
  audience: 'follower' | 'engaged' | 'reached';
  /** Meta's window for engaged/reached audiences (e.g. `this_month`); followers are the current picture. */
  timeframe?: string;
  breakdown: 'age' | 'gender' | 'city' | 'country';
  buckets: Array<{ label: string; value: number }>;
}

export interface AudienceReport {
  account: AnalyticsAccountRef;
  /** Date Meta's picture was read; null when never. */
  asOf: string | null;
  followers: number | null;
  breakdowns: AudienceBreakdown[];
  /** Why there is nothing (under 100 followers, a Page, never synced). */
  missingReason: string | null;
  /** Per audience (followers, engaged, reached): Meta's timeframe, and why it has no breakdown when it has none. */
  audiences?: Array<{ audience: AudienceBreakdown['audience']; timeframe: string | null; missingReason: string | null }>;
}

/**
 * Best time to post, one map per network in the scope: Instagram and Facebook define a post's reach
 * (the engagement rate's denominator) differently, so their rates are never pooled in one median.
 */
export interface HeatmapReport {
  period: StatedPeriod;
  minPosts: number;
  networks: Array<{
    network: 'instagram' | 'facebook';
    cells: Array<{ weekday: number; hour: number; posts: number; medianRate: number | null }>;
    posts: number;
  }>;
}

export interface EngagedPerson {
  id: number;
  accountId: number;
  name: string;
  comments: number;
  messages: number;
  lastSeenAt: number;
  /** Their most recent conversation with the brand, to open in the Inbox; null when they only commented. */
  conversationId: number | null;
}

export interface LeadershipReportRequest {
  scope: AnalyticsScope;
  from: string;
  to: string;
  topBy: 'views' | 'reach' | 'engagementRate';
}
