import type { RelayConfig } from './config';
import type { Logger } from './log';
import { RateLimiter } from './rate-limit';
import type { Device, RelayStorage } from './storage/types';

/** Everything a route needs, passed in so tests can hand in a clock, a logger or a storage. */
export interface RelayDeps {
  config: RelayConfig;
  storage: RelayStorage;
  log: Logger;
  now: () => number;
  /** Meta's token endpoints (fetch by default; tests may pass a fake). */
  fetch: typeof fetch;
}

export interface RelayLimits {
  pairing: RateLimiter;
  events: RateLimiter;
  oauth: RateLimiter;
}

export function createLimits(now: () => number): RelayLimits {
  return {
    pairing: new RateLimiter(10, 60_000, now),
    events: new RateLimiter(120, 60_000, now),
    oauth: new RateLimiter(30, 60_000, now),
  };
}

/** Hono context variables set by the device-auth middleware. */
export interface RelayEnv {
  Variables: { device: Device };
}
