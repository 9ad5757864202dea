import type { AccountSummary } from '../../../src-preload/contract';
import { useSyncStore } from '../sync/sync-store';
import { formatAgo, lastRunText, pauseText, pausedUntil, progressText } from '../sync/sync-text';

/** "Last synced 5 min ago", a spinner and the current job while it runs, or until when Meta paused it. */
export function AccountSyncLine({ account, now }: { account: AccountSummary; now: number }) {
  const status = useSyncStore((state) => state.data);
  const progress = useSyncStore((state) => state.byAccount[account.id]);
  const requested = useSyncStore((state) => state.requested.includes(account.id) || state.requested.includes('all'));
  const state = status?.accounts.find((item) => item.accountId === account.id);
  const running = state?.running === true || (requested && !account.isDemo);
  const until = pausedUntil(status, now, account.id);
  const problem = lastRunText(state);

  return (
    <div className="account__sync" data-account-sync={running ? 'running' : until ? 'paused' : 'idle'} data-last-synced={account.lastSyncedAt ?? undefined}>
      {running ? (
        <p className="account__running">
          <span className="spinner" aria-hidden="true" />
          {progress ? `Syncing ${progressText(progress)}` : 'Syncing…'}
        </p>
      ) : (
        <p className="muted">
          {account.isDemo
            ? `Demo data, loaded ${account.lastSyncedAt ? formatAgo(account.lastSyncedAt, now) : ''} — made up, never synced with Meta`
            : account.lastSyncedAt
              ? `Last synced ${formatAgo(account.lastSyncedAt, now)}`
              : 'Never synced'}
        </p>
      )}
      {until !== null && !running && <p className="account__paused">{pauseText(until, status?.online ?? true, now)}</p>}
      {problem && !running && (
        <p className="muted" title={state?.lastRun?.error ?? undefined}>
          {problem}
        </p>
      )}
    </div>
  );
}
