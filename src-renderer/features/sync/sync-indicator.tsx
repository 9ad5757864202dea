import { useEffect } from 'react';
import { useNow } from '../../lib/use-now';
import { loadAccounts, useAccountsStore } from '../accounts/accounts-store';
import { BudgetMeter } from './budget-meter';
import { loadSyncStatus, useSyncStore } from './sync-store';
import { formatAgo, indicatorState, type IndicatorState, pauseText, pausedUntil, progressText } from './sync-text';
import './sync.css';

const ANNOUNCE: Record<IndicatorState, string> = {
  idle: 'Sync is up to date',
  running: 'Syncing with Meta',
  paused: 'Syncing is paused by Meta',
  offline: 'Offline, showing saved data',
};

/** When the newest successful sync of any account finished, from the accounts list. */
function useLastSyncedAt(): number | null {
  return useAccountsStore((state) => {
    const times = (state.data ?? []).map((account) => account.lastSyncedAt).filter((time): time is number => time !== null);
    return times.length > 0 ? Math.max(...times) : null;
  });
}

/** The small, always-visible sync state in the navigation: idle, running, paused or offline, plus the budget. */
export function SyncIndicator() {
  const { data, error, progress, requested } = useSyncStore();
  const lastSyncedAt = useLastSyncedAt();
  const now = useNow(30_000);

  useEffect(() => {
    if (useSyncStore.getState().status === 'idle') void loadSyncStatus();
    if (useAccountsStore.getState().status === 'idle') void loadAccounts();
  }, []);

  const state = indicatorState(data, requested.length > 0, now);
  const running = progress && progress.accountId !== null ? progress : null;
  const until = pausedUntil(data, now);

  let text: string;
  if (state === 'offline') text = 'Offline — showing saved data';
  else if (state === 'running') text = running ? `Syncing ${progressText(running)}` : 'Syncing…';
  else if (state === 'paused' && until !== null) text = pauseText(until, true, now);
  else if (lastSyncedAt !== null) text = `Synced ${formatAgo(lastSyncedAt, now)}`;
  else text = error && !data ? 'Sync status unavailable' : 'Not synced yet';

  return (
    <div className="sync-indicator" data-sync-state={state}>
      <p className="sync-indicator__state" title={error && !data ? error.message : undefined}>
        <span className={`sync-dot sync-dot--${state}`} aria-hidden="true" />
        <span>{text}</span>
      </p>
      {/* Announce changes of state only, not every progress step. */}
      <span className="visually-hidden" role="status">
        {ANNOUNCE[state]}
      </span>
      {state === 'running' &&
        (running && running.total > 0 ? (
          <progress value={Math.min(running.done, running.total)} max={running.total} aria-label={text} />
        ) : (
          <progress aria-label={text} />
        ))}
      {data?.backgroundFailure && (
        <p className="sync-indicator__failure" data-background-failure={data.backgroundFailure.code} title={data.backgroundFailure.message}>
          Last {data.backgroundFailure.task} failed {formatAgo(data.backgroundFailure.at, now)}: {data.backgroundFailure.message}
        </p>
      )}
      <BudgetMeter status={data} />
    </div>
  );
}
