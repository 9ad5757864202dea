/**
 * A fixed-window limiter per key (client address or device), in memory: enough to blunt
 * guessing of pairing codes and reconnect storms on one instance. Behind several instances each
 * enforces its own share, which is the harsher reading for an attacker.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || now - w.startedAt >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(key, { startedAt: now, count: 1 });
      return 0;
    }
    w.count += 1;
    return w.count > this.limit ? Math.ceil((w.startedAt + this.windowMs - now) / 1000) : 0;
  }
}
