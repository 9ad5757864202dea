import type { BackgroundWork } from '../core/app-core';
import type { AccountRecord } from '../store/repositories/accounts';
import type { AccountRunResult, SyncEngine } from './engine';

export interface AccountSyncStatus {
  accountId: number;
  running: boolean;
  /** Next time a sync may start (rate-limit pause or offline back-off); null when free. */
  notBefore: number | null;
  lastResult: AccountRunResult | null;
}

export interface SchedulerOptions {
  engine: () => SyncEngine;
  accounts: () => AccountRecord[];
  intervalMs: () => number;
  now: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  onStatus?: (status: AccountSyncStatus) => void;
  /** The app's task supervisor: scheduled passes are fire-and-forget, so their failures go there. */
  runTask: (task: string, work: () => Promise<unknown>) => void;
}

const MINUTE = 60_000;

/**
 * Runs syncs on start, every N minutes and on demand. Never two runs of one account at once (a
 * second request joins the running one); an account paused by Meta waits until Meta said; when
 * offline, retries back off from 1 to 30 minutes instead of looping.
 */
export class SyncScheduler implements BackgroundWork {
  private readonly running = new Map<number, Promise<AccountRunResult>>();
  private readonly notBefore = new Map<number, number>();
  private readonly last = new Map<number, AccountRunResult>();
  private offlineStreak = 0;
  private timer: unknown = null;
  private controller = new AbortController();
  private stopped = true;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    this.stopped = false;
    this.controller = new AbortController();
    this.options.runTask('scheduled sync', () => this.tick());
  }

  /** Syncs one account now (or joins its running sync). */
  runAccount(accountId: number, kind: 'full' | 'routine' | 'manual' = 'manual'): Promise<AccountRunResult> {
    const current = this.running.get(accountId);
    if (current) return current;
    const run = this.options
      .engine()
      .syncAccount(accountId, kind, this.controller.signal)
      .then((result) => this.record(accountId, result))
      .finally(() => {
        this.running.delete(accountId);
        this.emit(accountId);
      });
    this.running.set(accountId, run);
    this.emit(accountId);
    return run;
  }

  status(): AccountSyncStatus[] {
    return this.options.accounts().map((a) => this.statusOf(a.id));
  }

  /** One pass: start every account that is due, then sleep until the next one is. */
  async tick(): Promise<void> {
    if (this.stopped) return;
    const now = this.options.now();
    const interval = this.options.intervalMs();
    const due = this.options
      .accounts()
      .filter((a) => !a.isDemo && a.status !== 'needs_reconnect')
      .filter((a) => (this.notBefore.get(a.id) ?? 0) <= now && (a.lastSyncedAt === null || now - a.lastSyncedAt >= interval));
    for (const account of due) {
      const result = await this.runAccount(account.id, account.lastSyncedAt === null ? 'full' : 'routine');
      if (result.offline) break;
    }
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.controller.abort();
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
    await Promise.allSettled([...this.running.values()]);
  }

  private record(accountId: number, result: AccountRunResult): AccountRunResult {
    this.last.set(accountId, result);
    const now = this.options.now();
    if (result.offline) {
      this.offlineStreak += 1;
      this.notBefore.set(accountId, now + Math.min(30 * MINUTE, MINUTE * 2 ** (this.offlineStreak - 1)));
    } else {
      this.offlineStreak = 0;
      if (result.pausedUntil) this.notBefore.set(accountId, result.pausedUntil);
      else this.notBefore.delete(accountId);
    }
    return result;
  }

  private schedule(): void {
    if (this.stopped) return;
    const now = this.options.now();
    const waits = [this.options.intervalMs(), ...[...this.notBefore.values()].map((t) => t - now)].filter((ms) => ms > 0);
    const delay = Math.max(30_000, Math.min(...waits));
    this.timer = (this.options.setTimer ?? setTimeout)(() => this.options.runTask('scheduled sync', () => this.tick()), delay);
  }

  private statusOf(accountId: number): AccountSyncStatus {
    return {
      accountId,
      running: this.running.has(accountId),
      notBefore: this.notBefore.get(accountId) ?? null,
      lastResult: this.last.get(accountId) ?? null,
    };
  }

  private emit(accountId: number): void {
    this.options.onStatus?.(this.statusOf(accountId));
  }
}
