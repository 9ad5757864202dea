/** The arithmetic behind every derived figure, kept pure so each has a hand-computed test. */

/** Change against the previous period as a fraction (0.25 = +25 %); null when either is unknown or the base is 0. */
export function periodChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/**
 * Engagement rate of a post: interactions (likes + comments + shares + saves) divided by the
 * post's reach (accounts that saw it). Null when reach is unknown or 0, or no interaction is known;
 * a missing part (a Page post has no saves) counts as nothing rather than making the rate unknown.
 */
export function engagementRate(p: { likes: number | null; comments: number | null; shares: number | null; saves: number | null; reach: number | null }): number | null {
  if (p.reach === null || p.reach <= 0) return null;
  const parts = [p.likes, p.comments, p.shares, p.saves].filter((v): v is number => v !== null);
  if (parts.length === 0) return null;
  return parts.reduce((a, b) => a + b, 0) / p.reach;
}

/** Sum of the known values; null when none is known (no data is not zero). */
export function sumKnown(values: ReadonlyArray<number | null | undefined>): { sum: number | null; known: number } {
  let sum = 0;
  let known = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    sum += v;
    known += 1;
  }
  return { sum: known > 0 ? sum : null, known };
}

/** Minimum posts behind a heatmap cell before it is coloured: one post is an anecdote. */
export const HEATMAP_MIN_POSTS = 3;

export interface HeatmapCell {
  weekday: number;
  hour: number;
  posts: number;
  /** Median engagement rate of the cell's posts; null below the minimum or without rates. */
  medianRate: number | null;
}

/** Weekday × hour cells (7 × 24, Sunday first) from posts placed in the user's time zone. */
export function heatmapBuckets(posts: ReadonlyArray<{ weekday: number; hour: number; rate: number | null }>, minPosts = HEATMAP_MIN_POSTS): HeatmapCell[] {
  const rates: number[][] = Array.from({ length: 7 * 24 }, () => []);
  const counts = new Array<number>(7 * 24).fill(0);
  for (const p of posts) {
    const i = p.weekday * 24 + p.hour;
    counts[i] = (counts[i] ?? 0) + 1;
    if (p.rate !== null) rates[i]!.push(p.rate);
  }
  return counts.map((posts, i) => {
    const r = rates[i]!;
    return { weekday: Math.floor(i / 24), hour: i % 24, posts, medianRate: posts >= minPosts && r.length > 0 ? median(r) : null };
  });
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
