/**
 * Daily account/Page insights, computed lazily and deterministically (nothing is stored for the
 * two years of days). Post-driven metrics are the day's deltas of the media lifetime curves, so
 * account totals agree with the per-media insights a client may also fetch.
 */
import { fansAt, followersAt } from './growth';
import { commentCountAt, metricsAt, postMetricsAt } from './metrics';
import { unitHash } from './prng';
import { DAY_MS, ENGAGEMENT_HOUR_FACTOR, ENGAGEMENT_WEEKDAY_FACTOR } from './time';
import type { IgAccount, Page, World } from './types';

/** One day of IG account activity. */
export interface IgDay {
  reach: number;
  reachFromFollowers: number;
  views: number;
  viewsByProduct: Record<string, number>;
  interactionsByProduct: Record<string, number>;
  accounts_engaged: number;
  total_interactions: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  replies: number;
  reposts: number;
  profile_views: number;
  profile_links_taps: number;
  follows: number;
  unfollows: number;
}

/** One day of Facebook Page activity. */
export interface PageDay {
  page_media_view: number;
  page_total_media_view_unique: number;
  page_post_engagements: number;
  page_total_actions: number;
  page_follows: number;
  page_daily_follows: number;
  page_daily_unfollows: number;
  page_views_total: number;
  page_video_views: number;
  paid_follows: number;
}

const LOOKBACK_MS = 60 * DAY_MS;
const cache = new WeakMap<World, { revision: number; days: Map<string, IgDay | PageDay> }>();

function cached<T extends IgDay | PageDay>(world: World, key: string, dayStart: number, make: () => T): T {
  // The current day still changes as the clock moves, so only finished days are cached.
  if (dayStart + DAY_MS > world.now) return make();
  let entry = cache.get(world);
  if (!entry || entry.revision !== world.revision) {
    entry = { revision: world.revision, days: new Map() };
    cache.set(world, entry);
  }
  const hit = entry.days.get(key);
  if (hit) return hit as T;
  const value = make();
  entry.days.set(key, value);
  return value;
}

/** Day-level noise in [0.8, 1.2). */
function noise(...key: Array<string | number>): number {
  return 0.8 + 0.4 * unitHash(...key);
}

/** Follows/unfollows of a day from the follower curve: net = follows - unfollows. */
function followSplit(net: number, key: string, day: number): { follows: number; unfollows: number } {
  const unfollows = Math.max(0, Math.round(Math.abs(net) * 0.35 + 2 * unitHash(key, day, 'u')));
  return { follows: Math.max(0, net + unfollows), unfollows };
}

/** IG account activity for the insights day starting at `dayStart`. */
export function igDay(world: World, account: IgAccount, dayStart: number): IgDay {
  return cached(world, `ig:${account.id}:${dayStart}`, dayStart, () => {
    // The current day is partial: only what happened up to the world clock counts.
    const end = Math.min(dayStart + DAY_MS, world.now);
    const elapsed = Math.max(0, (end - dayStart) / DAY_MS);
    const sum: Record<string, number> = {};
    const viewsByProduct: Record<string, number> = { POST: 0, REEL: 0, CAROUSEL_CONTAINER: 0, STORY: 0 };
    const interactionsByProduct: Record<string, number> = { POST: 0, REEL: 0, CAROUSEL_CONTAINER: 0, STORY: 0 };
    for (const id of account.mediaIds) {
      const m = world.media[id];
      if (!m || m.timestamp >= end) continue;
      if (m.timestamp < dayStart - LOOKBACK_MS) break; // newest-first list: the rest is older
      const after = metricsAt(world, id, end) ?? {};
      const before = metricsAt(world, id, dayStart) ?? {};
      const product = m.productType === 'REELS' ? 'REEL' : m.mediaType === 'CAROUSEL_ALBUM' ? 'CAROUSEL_CONTAINER' : 'POST';
      for (const k of ['reach', 'views', 'likes', 'comments', 'saved', 'shares', 'reposts', 'profile_visits', 'total_interactions']) {
        sum[k] = (sum[k] ?? 0) + ((after[k] ?? 0) - (before[k] ?? 0));
      }
      viewsByProduct[product] = (viewsByProduct[product] ?? 0) + (after.views ?? 0) - (before.views ?? 0);
      interactionsByProduct[product] =
        (interactionsByProduct[product] ?? 0) + (after.total_interactions ?? 0) - (before.total_interactions ?? 0);
    }
    const followers = followersAt(account, dayStart);
    const weekday = ENGAGEMENT_WEEKDAY_FACTOR[new Date(dayStart).getUTCDay()] ?? 1;
    // Stories and profile browsing reach people even on days without posts.
    const baseReach = Math.round(followers * 0.03 * weekday * elapsed * noise(account.id, dayStart, 'r'));
    const storyViews = Math.round(baseReach * 1.6);
    const replies = Math.round(baseReach * 0.002 * noise(account.id, dayStart, 'rep'));
    viewsByProduct.STORY = storyViews;
    interactionsByProduct.STORY = replies;
    const reach = Math.round((sum.reach ?? 0) * 0.85) + baseReach;
    const likes = sum.likes ?? 0;
    const comments = sum.comments ?? 0;
    const saves = sum.saved ?? 0;
    const shares = sum.shares ?? 0;
    const reposts = sum.reposts ?? 0;
    const total = likes + comments + saves + shares + reposts + replies;
    const profileViews = (sum.profile_visits ?? 0) + Math.round(baseReach * 0.02);
    const net = Math.round(followersAt(account, end)) - Math.round(followers);
    return {
      reach,
      reachFromFollowers: Math.round(reach * 0.62),
      views: (sum.views ?? 0) + storyViews,
      viewsByProduct,
      interactionsByProduct,
      accounts_engaged: Math.round(total * 0.72),
      total_interactions: total,
      likes,
      comments,
      shares,
      saves,
      replies,
      reposts,
      profile_views: profileViews,
      profile_links_taps: Math.round(profileViews * 0.05 * noise(account.id, dayStart, 'lt')),
      ...followSplit(net, account.id, dayStart),
    };
  });
}

/** Followers online per UTC hour on a day (keys "0".."23"), for `online_followers`. */
export function onlineFollowers(account: IgAccount, dayStart: number): Record<string, number> {
  const followers = followersAt(account, dayStart);
  const out: Record<string, number> = {};
  ENGAGEMENT_HOUR_FACTOR.forEach((f, h) => {
    out[String(h)] = Math.round(followers * 0.22 * f * noise(account.id, dayStart, h));
  });
  return out;
}

/** Facebook Page activity for the insights day starting at `dayStart`. */
export function pageDay(world: World, page: Page, dayStart: number): PageDay {
  return cached(world, `page:${page.id}:${dayStart}`, dayStart, () => {
    const end = Math.min(dayStart + DAY_MS, world.now);
    const elapsed = Math.max(0, (end - dayStart) / DAY_MS);
    let views = 0;
    let unique = 0;
    let engagements = 0;
    let videoViews = 0;
    for (const id of page.postIds) {
      const p = world.posts[id];
      if (!p || p.createdTime >= end) continue;
      if (p.createdTime < dayStart - LOOKBACK_MS) break;
      const a = postMetricsAt(world, p, end);
      const b = postMetricsAt(world, p, dayStart);
      const num = (r: typeof a, k: string): number => (typeof r[k] === 'number' ? (r[k] as number) : 0);
      const reactions = (r: typeof a): number =>
        Object.values((r.post_reactions_by_type_total as Record<string, number>) ?? {}).reduce((x, y) => x + y, 0);
      const dv = num(a, 'post_media_view') - num(b, 'post_media_view');
      views += dv;
      unique += num(a, 'post_total_media_view_unique') - num(b, 'post_total_media_view_unique');
      engagements += reactions(a) - reactions(b) + num(a, 'post_clicks') - num(b, 'post_clicks');
      engagements += commentCountAt(world, p.commentIds, end) - commentCountAt(world, p.commentIds, dayStart);
      if (p.statusType === 'added_video') videoViews += Math.round(dv * 0.6);
    }
    const fans = fansAt(page, dayStart);
    const base = Math.round(fans * 0.04 * elapsed * noise(page.id, dayStart, 'b'));
    const net = Math.round(fansAt(page, end)) - Math.round(fans);
    const split = followSplit(net, page.id, dayStart);
    return {
      page_media_view: views + Math.round(base * 1.4),
      page_total_media_view_unique: Math.round(unique * 0.8) + base,
      page_post_engagements: engagements,
      page_total_actions: Math.round(base * 0.01 * noise(page.id, dayStart, 'a')),
      page_follows: Math.round(fansAt(page, end)),
      page_daily_follows: split.follows,
      page_daily_unfollows: split.unfollows,
      page_views_total: Math.round(base * 0.08 * noise(page.id, dayStart, 'v')),
      page_video_views: videoViews,
      paid_follows: Math.round(split.follows * 0.04),
    };
  });
}
