/** Most points a chart draws; longer series are reduced, keeping each bucket's highest and lowest point. */
export const MAX_CHART_POINTS = 1500;

/**
 * Reduces a series to at most `max` points by splitting it into buckets and keeping, per bucket,
 * its minimum and maximum (in their original order), so peaks and dips survive. Nulls (days Meta
 * gave nothing) are kept where a bucket has no value at all, so gaps stay gaps.
 */
export function downsample<T>(points: readonly T[], value: (p: T) => number | null, max = MAX_CHART_POINTS): T[] {
  if (points.length <= max) return [...points];
  const buckets = Math.floor(max / 2);
  const size = points.length / buckets;
  const out: T[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(points.length, Math.floor((b + 1) * size));
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = value(points[i]!);
      if (v === null) continue;
      if (lo < 0 || v < value(points[lo]!)!) lo = i;
      if (hi < 0 || v > value(points[hi]!)!) hi = i;
    }
    if (lo < 0) out.push(points[start]!);
    else if (lo === hi) out.push(points[lo]!);
    else out.push(points[Math.min(lo, hi)]!, points[Math.max(lo, hi)]!);
  }
  return out;
}
