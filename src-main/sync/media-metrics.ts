import { metricsFor } from '../meta/metric-catalogue';

/**
 * Metrics valid for every media in a /media listing (feed posts, carousels and reels alike), so
 * they can be nested in the listing through field expansion: one call per 100 posts instead of
 * one per post. A metric valid for only one product type would fail the whole listing.
 */
export function listingMetrics(login: 'facebook' | 'instagram'): string[] {
  const feed = metricsFor('FEED', 'IMAGE', { login });
  const reels = new Set(metricsFor('REELS', 'VIDEO', { login }));
  const carousel = new Set(metricsFor('FEED', 'CAROUSEL_ALBUM', { login }));
  return feed.filter((m) => reels.has(m) && carousel.has(m));
}
