import type { AccountSyncState, SyncStatus } from '../../../src-preload/contract';
import { formatDate, formatFullNumber } from '../../lib/format';
import type { SyncProgress } from './sync-store';

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Above this share of Meta's hourly budget the meter turns to warning colours. */
export const BUDGET_WARNING_PERCENT = 75;

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function formatAgo(epochMs: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - epochMs) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return days === 1 ? 'yesterday' : `${days} days ago`;
  return `on ${formatDate(epochMs)}`;
}

/** A time of day (14:05) when it is today, otherwise with the date. */
export function formatClock(epochMs: number, now: number): string {
  const sameDay = new Date(epochMs).toDateString() === new Date(now).toDateString();
  return sameDay ? clock.format(epochMs) : `${formatDate(epochMs)} ${clock.format(epochMs)}`;
}

/** "Instagram posts 300" or "Page insights 3 of 10": jobs already arrive in plain words. */
export function progressText(progress: SyncProgress): string {
  if (progress.total > 0) return `${progress.job} ${formatFullNumber(progress.done)} of ${formatFullNumber(progress.total)}`;
  return progress.done > 0 ? `${progress.job} ${formatFullNumber(progress.done)}` : progress.job;
}

/** The latest pause that is still in the future, from the account or the shared budget. */
export function pausedUntil(status: SyncStatus | null, now: number, accountId?: number): number | null {
  if (!status) return null;
  const accounts = accountId === undefined ? status.accounts : status.accounts.filter((a) => a.accountId === accountId);
  const times = [...accounts.map((a) => a.pausedUntil), ...status.budget.map((b) => b.pausedUntil)];
  const future = times.filter((time): time is number => time !== null && time > now);
  return future.length > 0 ? Math.max(...future) : null;
}

export function pauseText(until: number, online: boolean, now: number): string {
  return online ? `Paused by Meta until ${formatClock(until, now)}` : `Offline — next try at ${formatClock(until, now)}`;
}

/** The highest share of Meta's API budget used, or null when Meta has not reported any yet. */
export function budgetPercent(status: SyncStatus | null): number | null {
  if (!status || status.budget.length === 0) return null;
  return Math.min(100, Math.max(0, ...status.budget.map((entry) => entry.percent)));
}

export type IndicatorState = 'idle' | 'running' | 'paused' | 'offline';

export function indicatorState(status: SyncStatus | null, busy: boolean, now: number): IndicatorState {
  if (status && !status.online) return 'offline';
  if (busy || status?.accounts.some((account) => account.running)) return 'running';
  if (pausedUntil(status, now) !== null) return 'paused';
  return 'idle';
}

/** The last run's outcome, when it needs saying (a clean run needs no words). */
export function lastRunText(state: AccountSyncState | undefined): string | null {
  const run = state?.lastRun;
  if (!run) return null;
  switch (run.status) {
    case 'ok':
      return null;
    case 'partial':
      return 'The last sync got part of the data; the rest follows on the next one.';
    case 'failed':
      return "The last sync didn't finish. What was saved before is still here.";
    case 'cancelled':
      return 'The last sync was stopped before it finished.';
  }
}
