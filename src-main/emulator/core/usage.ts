/**
 * Rolling-hour call accounting behind `X-App-Usage` and `X-Business-Use-Case-Usage`, and the
 * throttling errors Meta returns once a budget is spent.
 */
import { GraphError } from './errors';

/** BUC type as Meta names it in the header. */
export type BucType = 'instagram' | 'pages' | 'messenger';

/** Which counter a call lands on and how it is reported. */
export interface UsageTarget {
  /** 'app' → X-App-Usage; 'buc' → X-Business-Use-Case-Usage. */
  header: 'app' | 'buc';
  /** Counter key (token, app or business object). */
  key: string;
  /** BUC: id of the business object (Page / IG account / business) reported in the header. */
  bucId?: string;
  bucType?: BucType;
  /** Error code when throttled: 4, 17, 32, 613, 80001, 80002, 80006. */
  throttleCode: number;
}

interface Entry {
  t: number;
  w: number;
}

const HOUR_MS = 3_600_000;
const RATE_DOC = 'For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.';

/** Meta's message for a throttling code. */
export function throttleMessage(code: number): string {
  switch (code) {
    case 4:
      return '(#4) Application request limit reached';
    case 17:
      return '(#17) User request limit reached';
    case 32:
      return '(#32) Page request limit reached';
    case 613:
      return '(#613) Calls to this api have exceeded the rate limit.';
    case 80001:
      return `(#80001) There have been too many calls to this Page account. Wait a bit and try again. ${RATE_DOC}`;
    case 80002:
      return `(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. ${RATE_DOC}`;
    case 80006:
      return `(#80006) There have been too many messenger api calls to this Page account. Wait a bit and try again. ${RATE_DOC}`;
    default:
      return `(#${code}) Request limit reached`;
  }
}

/** A throttling error for the code. */
export function throttleError(code: number): GraphError {
  return new GraphError(400, code, throttleMessage(code), 'OAuthException', { isTransient: true });
}

/** One key's calls in time order; `head` skips those older than the rolling hour. */
interface Window {
  entries: Entry[];
  head: number;
  weight: number;
}

/**
 * Per-key rolling windows with a shared budget (calls per hour = 100 %). Expired calls are
 * dropped from the front as the clock moves, so each call costs O(1), not a scan of the hour:
 * a bench run sends tens of thousands of calls through here.
 */
export class UsageTracker {
  private readonly windows = new Map<string, Window>();

  constructor(
    public callsPerHour: number,
    private readonly now: () => number,
  ) {}

  private window(key: string): Window {
    let w = this.windows.get(key);
    if (!w) {
      w = { entries: [], head: 0, weight: 0 };
      this.windows.set(key, w);
    }
    const cutoff = this.now() - HOUR_MS;
    while (w.head < w.entries.length && (w.entries[w.head] as Entry).t <= cutoff) {
      w.weight -= (w.entries[w.head] as Entry).w;
      w.head += 1;
    }
    if (w.head > 1024 && w.head * 2 > w.entries.length) {
      w.entries = w.entries.slice(w.head);
      w.head = 0;
    }
    return w;
  }

  private count(w: Window): number {
    return w.entries.length - w.head;
  }

  /** True once the key has spent its hourly budget. */
  isThrottled(key: string): boolean {
    return this.count(this.window(key)) >= this.callsPerHour;
  }

  /** Counts one operation; `weight` (1–2) models heavier calls such as insights in cpu/time. */
  record(key: string, weight: number): void {
    const w = this.window(key);
    const entry = { t: this.now(), w: weight };
    // Keep time order if the clock was set back (tests): insert where the time belongs.
    let at = w.entries.length;
    while (at > w.head && (w.entries[at - 1] as Entry).t > entry.t) at -= 1;
    w.entries.splice(at, 0, entry);
    w.weight += weight;
  }

  /** Minutes until the window drops back under budget (0 when not throttled). */
  minutesToRegain(key: string): number {
    const w = this.window(key);
    const count = this.count(w);
    if (count < this.callsPerHour) return 0;
    const pivot = w.entries[w.head + count - this.callsPerHour];
    if (!pivot) return 0;
    return Math.max(1, Math.ceil((pivot.t + HOUR_MS - this.now()) / 60_000));
  }

  private percents(key: string): { call_count: number; total_cputime: number; total_time: number } {
    const w = this.window(key);
    const pct = (x: number): number => Math.min(100, Math.round((100 * x) / this.callsPerHour));
    // cpu/time stay below call_count so the call budget is the one that binds.
    return { call_count: pct(this.count(w)), total_cputime: pct(0.35 * w.weight), total_time: pct(0.45 * w.weight) };
  }

  /** The usage header for a target, as Meta formats it. */
  headers(target: UsageTarget, forceThrottled = false): Record<string, string> {
    const measured = this.percents(target.key);
    // An injected rate-limit fault reports a spent budget, as a real throttle would.
    const p = forceThrottled ? { ...measured, call_count: 100 } : measured;
    if (target.header === 'app') return { 'X-App-Usage': JSON.stringify(p) };
    const minutes = forceThrottled ? Math.max(1, this.minutesToRegain(target.key)) : this.minutesToRegain(target.key);
    const body = {
      [target.bucId ?? target.key]: [{ type: target.bucType ?? 'pages', ...p, estimated_time_to_regain_access: minutes }],
    };
    return { 'X-Business-Use-Case-Usage': JSON.stringify(body) };
  }

  /** Forgets all calls (used by tests between scenarios). */
  reset(): void {
    this.windows.clear();
  }
}
