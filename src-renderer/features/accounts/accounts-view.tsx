import { useEffect, useRef } from 'react';
import { ErrorNotice } from '../../components/error-notice';
import { formatFullNumber } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { dismissRunError, loadSyncStatus, runSync, useSyncStore } from '../sync/sync-store';
import { dismissRemoval, useAccountActionsStore } from './account-actions';
import { AccountRow } from './account-row';
import { loadAccounts, useAccountsStore } from './accounts-store';
import { ConnectPanel } from './connect-panel';
import { BudgetMeter } from '../sync/budget-meter';
import { DemoOrConnect } from '../first-run/demo-or-connect';
import { openConnectPanel, useConnectStore } from './connect-store';
import './accounts.css';

/** Connected accounts: health, sync, token checks, removal; and the way to connect more. */
export function AccountsView() {
  const { data, status, error } = useAccountsStore();
  const connectOpen = useConnectStore((state) => state.open);
  const removal = useAccountActionsStore((state) => state.removal);
  const runError = useSyncStore((state) => state.runError);
  const syncStatus = useSyncStore((state) => state.data);
  const syncingAll = useSyncStore((state) => state.requested.includes('all'));
  const now = useNow(30_000);
  const removalRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (useAccountsStore.getState().status === 'idle') void loadAccounts();
    if (useSyncStore.getState().status === 'idle') void loadSyncStatus();
  }, []);

  // The removed row (and its button) is gone: put focus on the report instead of losing it.
  useEffect(() => {
    if (removal) removalRef.current?.focus();
  }, [removal]);

  const accounts = data ?? [];
  const syncable = accounts.filter((account) => !account.isDemo && account.status !== 'needs_reconnect');
  const showConnect = connectOpen || (data !== null && accounts.length === 0);

  return (
    <section className="view" data-view="accounts" data-status={status} aria-labelledby="accounts-title">
      <header className="view__header">
        <h1 id="accounts-title">Accounts</h1>
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={syncingAll || syncable.length === 0}
            title={syncable.length === 0 ? 'No connected account to sync (demo accounts are never synced).' : undefined}
            onClick={() => void runSync('all')}
          >
            {syncingAll ? 'Syncing all…' : 'Sync all'}
          </button>
          {!showConnect && (
            <button type="button" className="button button--primary" onClick={() => openConnectPanel()}>
              Connect an account
            </button>
          )}
        </div>
      </header>
      <p className="prose">
        Social Desk only ever talks to Meta (and to your brand's own relay, if you pair one in Settings). Everything it
        fetches is stored encrypted on this computer and nothing is sent anywhere else.
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void loadAccounts()} />}
      {runError && <ErrorNotice error={runError.error} onRetry={dismissRunError} retryLabel="Dismiss" />}
      {removal && (
        <div ref={removalRef} tabIndex={-1} className="notice notice--success" role="status" data-removal-report="true">
          <p className="notice__title">Removed {removal.accountName} from this computer:</p>
          <ul className="plain-list">
            <li>{formatFullNumber(removal.removed.posts)} posts</li>
            <li>{formatFullNumber(removal.removed.conversations)} conversations</li>
            <li>{formatFullNumber(removal.removed.messages)} messages</li>
            <li>{formatFullNumber(removal.removed.comments)} comments</li>
          </ul>
          <p className="notice__next">Nothing was deleted at Meta.</p>
          <button type="button" className="button button--small" onClick={dismissRemoval}>
            Dismiss
          </button>
        </div>
      )}
      {showConnect && <ConnectPanel canClose={accounts.length > 0} />}
      {syncable.length > 0 && (
        <section className="panel sync-details" aria-labelledby="sync-details-title">
          <h2 id="sync-details-title">Sync details</h2>
          <BudgetMeter status={syncStatus} />
        </section>
      )}
      {data !== null && accounts.length === 0 && (
        <div className="notice" data-demo-offer="true">
          <p>Not ready to connect yet? Look around with made-up data first; you can erase it any time.</p>
          <DemoOrConnect connect={false} />
        </div>
      )}
      {accounts.length > 0 && (
        <ul className="account-list" aria-label="Connected accounts">
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
