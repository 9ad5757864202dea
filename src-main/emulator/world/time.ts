/** Time helpers shared by the world and the server. */

/** One hour in ms. */
export const HOUR_MS = 3_600_000;
/** One day in ms. */
export const DAY_MS = 86_400_000;
/**
 * Insights days end at Pacific midnight, which Meta prints as `T07:00:00+0000` (PDT). We use a
 * fixed 7 h offset instead of real DST so that day arithmetic stays exact.
 */
export const INSIGHTS_DAY_OFFSET_MS = 7 * HOUR_MS;

/** Graph timestamp format, e.g. `2019-04-05T07:56:32+0000`. */
export function formatGraphTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+0000');
}

/** Start (ms) of the insights day containing `ms`. */
export function insightsDayStart(ms: number): number {
  return Math.floor((ms - INSIGHTS_DAY_OFFSET_MS) / DAY_MS) * DAY_MS + INSIGHTS_DAY_OFFSET_MS;
}

/**
 * Relative posting likelihood per UTC hour: brands post before work, at lunch and in the
 * evening, which gives "best time to post" analyses a real signal to find.
 */
export const POSTING_HOUR_WEIGHTS: readonly number[] = [
  0.2, 0.1, 0.05, 0.05, 0.05, 0.2, 0.8, 2.5, 3.2, 1.6, 1.0, 1.4,
  2.6, 2.2, 1.0, 0.8, 1.0, 1.8, 3.4, 3.8, 2.6, 1.4, 0.8, 0.4,
];

/**
 * Engagement multiplier per UTC posting hour: evening posts do best, night posts worst. Kept
 * separate from the posting weights so the best time is not simply the most common time.
 */
export const ENGAGEMENT_HOUR_FACTOR: readonly number[] = [
  0.6, 0.5, 0.45, 0.45, 0.5, 0.6, 0.75, 0.95, 1.0, 0.9, 0.85, 0.95,
  1.05, 1.0, 0.9, 0.9, 1.0, 1.15, 1.35, 1.45, 1.3, 1.1, 0.85, 0.7,
];

/** Engagement multiplier per UTC weekday (0 = Sunday). */
export const ENGAGEMENT_WEEKDAY_FACTOR: readonly number[] = [1.2, 0.9, 0.95, 1.1, 1.0, 0.9, 1.05];
