/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` (UTC) of a unix-ms time: the key of every daily figure in the store. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
