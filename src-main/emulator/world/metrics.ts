/**
 * Lifetime media metrics as a pure function of time. Each metric grows along a saturating
 * curve (most of it in the first day or two, a tail over weeks) so snapshots taken at
 * different times differ, exactly what the app's history back-fill needs.
 */
import { unitHash } from './prng';
import { HOUR_MS } from './time';
import type { Media, PagePost, World } from './types';

/** Current (2026) media metric names with their values. */
export type MediaMetrics = Record<string, number>;

/** Share of the final value reached `ageMs` after posting. */
export function growthFraction(ageMs: number, fastHours: number): number {
  if (ageMs <= 0) return 0;
  const h = ageMs / HOUR_MS;
  return 0.85 * (1 - Math.exp(-h / fastHours)) + 0.15 * (1 - Math.exp(-h / 240));
}

/** Stable per-media factor in [lo, hi). */
function factor(id: string, key: string, lo: number, hi: number): number {
  return lo + unitHash(id, key) * (hi - lo);
}

/** Comments (incl. replies) on the target existing at time t: real threads, not a formula. */
export function commentCountAt(world: World, commentIds: readonly string[], t: number): number {
  let n = 0;
  for (const id of commentIds) {
    const c = world.comments[id];
    if (!c || c.timestamp > t) continue;
    n++;
    for (const r of c.replyIds) if ((world.comments[r]?.timestamp ?? Infinity) <= t) n++;
  }
  return n;
}

/** Lifetime metrics of a media object at `atMs`, given its comment count at that time. */
export function mediaMetricsAt(media: Media, comments: number, atMs: number): MediaMetrics {
  if (media.productType === 'STORY') return storyMetricsAt(media, atMs);
  const reels = media.productType === 'REELS';
  const id = media.id;
  const g = growthFraction(atMs - media.timestamp, reels ? 40 : 16);
  const reachRate = reels ? 0.55 : media.mediaType === 'CAROUSEL_ALBUM' ? 0.27 : media.mediaType === 'VIDEO' ? 0.25 : 0.22;
  const reachFinal = media.followersAtPost * reachRate * media.popularity;
  const viewsPerReach =
    media.mediaType === 'CAROUSEL_ALBUM' ? factor(id, 'v', 1.8, 2.6) : reels ? factor(id, 'v', 1.5, 2.3) : factor(id, 'v', 1.3, 1.7);
  const likesFinal = reachFinal * (reels ? factor(id, 'l', 0.03, 0.07) : factor(id, 'l', 0.04, 0.09));
  const savedFinal = likesFinal * factor(id, 's', 0.05, media.mediaType === 'CAROUSEL_ALBUM' ? 0.25 : 0.15);
  const sharesFinal = likesFinal * (reels ? factor(id, 'sh', 0.06, 0.2) : factor(id, 'sh', 0.02, 0.08));
  const at = (final: number): number => Math.round(final * g);
  const reach = at(reachFinal);
  const likes = at(likesFinal);
  const saved = at(savedFinal);
  const shares = at(sharesFinal);
  const reposts = at(sharesFinal * factor(id, 'rp', 0.05, 0.15));
  const out: MediaMetrics = {
    views: at(reachFinal * viewsPerReach),
    reach,
    likes,
    comments,
    saved,
    shares,
    reposts,
    total_interactions: likes + comments + saved + shares + reposts,
  };
  if (reels) {
    const avgWatch = Math.round(factor(id, 'w', 3500, 14000));
    out.ig_reels_avg_watch_time = avgWatch;
    out.ig_reels_video_view_total_time = (out.views ?? 0) * avgWatch;
    out.reels_skip_rate = Math.round(factor(id, 'sk', 0.25, 0.6) * 1000) / 1000;
  } else {
    const visitsFinal = reachFinal * factor(id, 'pv', 0.01, 0.03);
    out.follows = at(reachFinal * factor(id, 'f', 0.001, 0.004));
    out.profile_visits = at(visitsFinal);
    out.profile_activity = at(visitsFinal * factor(id, 'pa', 0.08, 0.2));
  }
  return out;
}

/** Story metrics: most views in the first hours (stories live for 24 h). */
function storyMetricsAt(media: Media, atMs: number): MediaMetrics {
  const id = media.id;
  const g = growthFraction(atMs - media.timestamp, 3);
  const reachFinal = media.followersAtPost * factor(id, 'r', 0.06, 0.14) * media.popularity;
  const at = (final: number): number => Math.round(final * g);
  const views = at(reachFinal * factor(id, 'v', 1.1, 1.4));
  const replies = at(reachFinal * factor(id, 'rep', 0.002, 0.008));
  const shares = at(reachFinal * factor(id, 'sh', 0.001, 0.004));
  const visits = reachFinal * factor(id, 'pv', 0.01, 0.03);
  return {
    views,
    reach: at(reachFinal),
    replies,
    shares,
    total_interactions: replies + shares,
    follows: at(reachFinal * factor(id, 'f', 0.0005, 0.002)),
    profile_visits: at(visits),
    profile_activity: at(visits * factor(id, 'pa', 0.05, 0.15)),
    navigation: Math.round(views * 0.9),
  };
}

/**
 * A media's lifetime metrics as of `atMs` (undefined if the media does not exist or was not
 * yet posted). Exported for the app's demo, which back-fills snapshot history from it.
 */
export function metricsAt(world: World, mediaId: string, atMs: number): MediaMetrics | undefined {
  const media = world.media[mediaId];
  if (!media || media.timestamp > atMs) return undefined;
  return mediaMetricsAt(media, commentCountAt(world, media.commentIds, atMs), atMs);
}

/** Lifetime Page-post metrics (post_* names) at `atMs`. */
export function postMetricsAt(world: World, post: PagePost, atMs: number): Record<string, number | Record<string, number>> {
  const id = post.id;
  const g = growthFraction(atMs - post.createdTime, 12);
  const uniqueFinal = post.fansAtPost * 0.18 * post.popularity;
  const at = (final: number): number => Math.round(final * g);
  const reactionsFinal = uniqueFinal * factor(id, 'r', 0.02, 0.06);
  const shares = [0.72, 0.16, 0.03, 0.05, 0.02, 0.02].map((s, i) => at(reactionsFinal * s * factor(id, `rt${i}`, 0.8, 1.2)));
  const [like = 0, love = 0, haha = 0, wow = 0, sorry = 0, anger = 0] = shares;
  const reactions: Record<string, number> = { like, love, haha, wow, sorry, anger };
  for (const k of Object.keys(reactions)) if (reactions[k] === 0) delete reactions[k];
  return {
    post_media_view: at(uniqueFinal * factor(id, 'v', 1.3, 1.9)),
    post_total_media_view_unique: at(uniqueFinal),
    post_clicks: at(uniqueFinal * factor(id, 'c', 0.01, 0.05)),
    post_reactions_by_type_total: reactions,
    comments: commentCountAt(world, post.commentIds, atMs),
  };
}
