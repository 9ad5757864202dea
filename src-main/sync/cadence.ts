import { DAY_MS } from '../core/time';

const HOUR_MS = 3_600_000;

/**
 * How often a post's lifetime metrics are re-read: they move fast in the first days and barely
 * after a month, so recent posts are refreshed often and old ones rarely. A snapshot is stored
 * only when due, so history stays dense where it matters without growing every hour.
 */
export function refreshInterval(ageMs: number): number {
  if (ageMs < 2 * DAY_MS) return 50 * 60_000;
  if (ageMs < 7 * DAY_MS) return 6 * HOUR_MS;
  if (ageMs < 30 * DAY_MS) return DAY_MS;
  if (ageMs < 180 * DAY_MS) return 7 * DAY_MS;
  return 30 * DAY_MS;
}

export function isSnapshotDue(publishedAt: number, lastSnapshotAt: number | null, now: number): boolean {
  if (lastSnapshotAt === null) return true;
  return now - lastSnapshotAt >= refreshInterval(now - publishedAt);
}
