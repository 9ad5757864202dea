/**
 * Client-side pacing so we stay under Meta's limits instead of hitting them (meta-api.md §7): slow
 * down proportionally above ~75% usage, pause a key (the app or one business object) until Meta's
 * `estimated_time_to_regain_access`, otherwise back off exponentially with jitter 60 s → 15 min.
 * Clock, sleep and randomness are injected so tests run on a fake clock.
 */
import { RateLimitPausedError, RequestAbortedError } from './errors';
import type { UsageReport } from './usage';

/** Governor key for the app-wide platform limit (`X-App-Usage`). */
export const APP_KEY = 'app';

/** Governor key for one business object (Page, IG account, WABA) as named in `X-Business-Use-Case-Usage`. */
export function businessKey(id: string): string {
  return `business:${id}`;
}

/** Keys a request to `businessId` must respect. */
export function usageKeysFor(businessId?: string): string[] {
  return businessId ? [APP_KEY, businessKey(businessId)] : [APP_KEY];
}

/** Sleep that rejects with `RequestAbortedError` when the signal fires. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new RequestAbortedError('Request cancelled'));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new RequestAbortedError('Request cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Tuning and injected effects for `RateGovernor`. */
export interface RateGovernorOptions {
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Returns a number in [0, 1); injected so jitter is deterministic in tests. */
  random?: () => number;
  /** Usage percent above which requests are slowed down. */
  throttleThresholdPercent?: number;
  /** Delay added per request at 100% usage; scales linearly from the threshold. */
  maxThrottleDelayMs?: number;
  /** Longest pause `beforeRequest` waits out in-line; longer pauses throw `RateLimitPausedError` so the scheduler can reschedule. */
  maxPauseWaitMs?: number;
  /** Usage readings older than this no longer throttle (Meta's windows roll). */
  staleAfterMs?: number;
  rateLimitBaseMs?: number;
  rateLimitMaxMs?: number;
  transientBaseMs?: number;
  transientMaxMs?: number;
}

/** One row of the UI budget meter. */
export interface UsageSnapshotEntry {
  key: string;
  percent: number;
  pausedUntil?: number;
}

interface KeyState {
  percent: number;
  updatedAt: number;
  pausedUntil?: number;
  backoffAttempt: number;
}

/** Tracks usage per key and decides how long the next request must wait. */
export class RateGovernor {
  private readonly state = new Map<string, KeyState>();
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly threshold: number;
  private readonly maxThrottleDelayMs: number;
  private readonly maxPauseWaitMs: number;
  private readonly staleAfterMs: number;
  private readonly rateLimitBaseMs: number;
  private readonly rateLimitMaxMs: number;
  private readonly transientBaseMs: number;
  private readonly transientMaxMs: number;

  constructor(options: RateGovernorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.threshold = options.throttleThresholdPercent ?? 75;
    this.maxThrottleDelayMs = options.maxThrottleDelayMs ?? 30_000;
    this.maxPauseWaitMs = options.maxPauseWaitMs ?? 60_000;
    this.staleAfterMs = options.staleAfterMs ?? 10 * 60_000;
    this.rateLimitBaseMs = options.rateLimitBaseMs ?? 60_000;
    this.rateLimitMaxMs = options.rateLimitMaxMs ?? 15 * 60_000;
    this.transientBaseMs = options.transientBaseMs ?? 1_000;
    this.transientMaxMs = options.transientMaxMs ?? 8_000;
  }

  private entry(key: string): KeyState {
    let s = this.state.get(key);
    if (!s) {
      s = { percent: 0, updatedAt: 0, backoffAttempt: 0 };
      this.state.set(key, s);
    }
    return s;
  }

  /** Waits out short pauses and the proportional throttle; throws `RateLimitPausedError` for long pauses. */
  async beforeRequest(keys: string | readonly string[], signal?: AbortSignal): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : keys;
    for (;;) {
      if (signal?.aborted) throw new RequestAbortedError('Request cancelled');
      const now = this.now();
      let pausedKey: string | undefined;
      let pausedUntil = 0;
      for (const key of list) {
        const until = this.state.get(key)?.pausedUntil;
        if (until !== undefined && until > now && until > pausedUntil) {
          pausedUntil = until;
          pausedKey = key;
        }
      }
      if (pausedKey === undefined) break;
      if (pausedUntil - now > this.maxPauseWaitMs) throw new RateLimitPausedError(pausedKey, pausedUntil, now);
      await this.sleep(pausedUntil - now, signal);
    }
    const delay = this.throttleDelayMs(list);
    if (delay > 0) await this.sleep(delay, signal);
  }

  /** Proportional slow-down for the busiest fresh key: 0 at the threshold, `maxThrottleDelayMs` at 100%. */
  throttleDelayMs(keys: readonly string[]): number {
    const now = this.now();
    let percent = 0;
    for (const key of keys) {
      const s = this.state.get(key);
      if (s && now - s.updatedAt <= this.staleAfterMs) percent = Math.max(percent, s.percent);
    }
    if (percent <= this.threshold) return 0;
    const fraction = Math.min(1, (percent - this.threshold) / (100 - this.threshold));
    return Math.round(fraction * this.maxThrottleDelayMs);
  }

  /** Records the usage headers of one response; pauses business keys that report a regain-access estimate. */
  recordUsage(report: UsageReport): void {
    const now = this.now();
    if (report.app) {
      const s = this.entry(APP_KEY);
      s.percent = Math.max(report.app.callCount, report.app.totalCputime, report.app.totalTime);
      s.updatedAt = now;
    }
    // Several use-case types may be reported for one business; the busiest one decides.
    const perBusiness = new Map<string, { percent: number; regainMin: number }>();
    for (const b of report.business) {
      const prev = perBusiness.get(b.businessId) ?? { percent: 0, regainMin: 0 };
      perBusiness.set(b.businessId, {
        percent: Math.max(prev.percent, b.callCount, b.totalCputime, b.totalTime),
        regainMin: Math.max(prev.regainMin, b.estimatedTimeToRegainAccessMin),
      });
    }
    for (const [id, { percent, regainMin }] of perBusiness) {
      const key = businessKey(id);
      const s = this.entry(key);
      s.percent = percent;
      s.updatedAt = now;
      if (regainMin > 0) this.pause(key, now + regainMin * 60_000 + this.jitterMs(regainMin * 60_000));
    }
  }

  /** Blocks `key` until `untilMs`; an earlier pause never shortens a later one. */
  pause(key: string, untilMs: number): void {
    const s = this.entry(key);
    if (s.pausedUntil === undefined || untilMs > s.pausedUntil) s.pausedUntil = untilMs;
  }

  /**
   * Reacts to a rate-limit error on `key`: pauses for Meta's estimate (+ jitter) when known, else
   * backs off exponentially (60 s floor, full jitter up to a doubling ceiling capped at 15 min).
   * Returns the time the key is paused until.
   */
  onRateLimited(key: string, retryAfterMs?: number): number {
    const now = this.now();
    const s = this.entry(key);
    let delay: number;
    if (retryAfterMs !== undefined && retryAfterMs > 0) {
      delay = retryAfterMs + this.jitterMs(retryAfterMs);
    } else {
      const ceiling = Math.min(this.rateLimitMaxMs, this.rateLimitBaseMs * 2 ** (s.backoffAttempt + 1));
      delay = this.rateLimitBaseMs + this.random() * Math.max(0, ceiling - this.rateLimitBaseMs);
    }
    s.backoffAttempt += 1;
    this.pause(key, now + Math.round(delay));
    return s.pausedUntil ?? now;
  }

  /** A successful call ends the exponential backoff streak for these keys. */
  onSuccess(keys: readonly string[]): void {
    for (const key of keys) {
      const s = this.state.get(key);
      if (s) s.backoffAttempt = 0;
    }
  }

  /** Short full-jitter delay before transient retry number `attempt` (0-based). */
  transientDelayMs(attempt: number): number {
    const ceiling = Math.min(this.transientMaxMs, this.transientBaseMs * 2 ** attempt);
    return Math.round(this.random() * ceiling);
  }

  /** Pause end for `key` if it is still in the future. */
  pausedUntil(key: string): number | undefined {
    const until = this.state.get(key)?.pausedUntil;
    return until !== undefined && until > this.now() ? until : undefined;
  }

  /** Current usage and pauses for a budget meter, busiest first. */
  snapshot(): UsageSnapshotEntry[] {
    const now = this.now();
    const rows: UsageSnapshotEntry[] = [];
    for (const [key, s] of this.state) {
      const paused = s.pausedUntil !== undefined && s.pausedUntil > now;
      rows.push({ key, percent: s.percent, ...(paused ? { pausedUntil: s.pausedUntil } : {}) });
    }
    return rows.sort((a, b) => b.percent - a.percent || a.key.localeCompare(b.key));
  }

  /** Up to 10% of the wait (max 60 s) plus up to 1 s, so paused clients don't all return at once. */
  private jitterMs(baseMs: number): number {
    return Math.round(this.random() * (Math.min(60_000, baseMs * 0.1) + 1_000));
  }
}
