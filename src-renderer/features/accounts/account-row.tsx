import { useState } from 'react';
import type { AccountSummary } from '../../../src-preload/contract';
import { formatNumber } from '../../lib/format';
import { runSync, useSyncStore } from '../sync/sync-store';
import { pausedUntil } from '../sync/sync-text';
import { checkTokenHealth, closeTokenHealth, useAccountActionsStore } from './account-actions';
import { RemoveAccountDialog, RevokeAccessDialog } from './account-dialogs';
import { AccountSyncLine } from './account-sync-line';
import { NETWORK_MARK, NETWORK_TEXT, STATUS_TEXT } from './account-text';
import { openConnectPanel } from './connect-store';
import { TokenHealthPanel } from './token-health';

type Dialog = 'remove' | 'revoke' | null;

/** One connected account: who it is, its state, its sync, and what can be done with it. */
export function AccountRow({ account, now }: { account: AccountSummary; now: number }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const health = useAccountActionsStore((state) => state.health[account.id]);
  const revoked = useAccountActionsStore((state) => state.revoked.includes(account.id));
  const syncing = useSyncStore(
    (state) =>
      state.requested.includes(account.id) ||
      state.data?.accounts.some((item) => item.accountId === account.id && item.running) === true,
  );
  const needsReconnect = account.status === 'needs_reconnect';
  const paused = useSyncStore((state) => pausedUntil(state.data, now, account.id));

  return (
    <li
      className={`account account--${account.status}`}
      data-account-id={account.id}
      data-account-status={account.status}
      data-demo={account.isDemo ? 'true' : undefined}
    >
      <div className="account__head">
        <span className={`network-mark network-mark--${account.network}`} aria-hidden="true">
          {NETWORK_MARK[account.network]}
        </span>
        <div className="account__main">
          <p className="account__name">
            {account.name}
            {account.isDemo && <span className="badge badge--demo">Demo</span>}
          </p>
          <p className="muted">
            {NETWORK_TEXT[account.network]}
            {account.handle ? ` · @${account.handle}` : ''}
            {account.followersCount !== null ? ` · ${formatNumber(account.followersCount)} followers` : ''}
          </p>
        </div>
        <div className="account__status">
          <p className={`status status--${account.status}`}>{STATUS_TEXT[account.status]}</p>
          <AccountSyncLine account={account} now={now} />
        </div>
      </div>

      {needsReconnect && (
        <div className="notice notice--error account__reconnect">
          <p className="notice__title">Social Desk can&apos;t fetch new data for this account.</p>
          <p className="notice__next" data-status-detail="true">
            {account.statusDetail ?? 'Connect it again. Everything already saved stays on this computer.'}
          </p>
          <button type="button" className="button button--small button--primary" onClick={() => openConnectPanel(account)}>
            Reconnect
          </button>
        </div>
      )}
      {!needsReconnect && account.statusDetail && <p className="muted account__detail">{account.statusDetail}</p>}
      {revoked && (
        <p className="notice notice--success" role="status">
          Access revoked at Meta. What&apos;s saved here stays until you remove the account.
        </p>
      )}

      <div className="account__actions">
        {/* The demo is live: its accounts sync against the built-in emulator like real ones. */}
        <button
          type="button"
          className="button button--small"
          disabled={syncing || needsReconnect || paused !== null}
          title={paused !== null ? 'Meta paused syncing for a while; it starts again by itself.' : undefined}
          onClick={() => void runSync(account.id)}
        >
          Sync now
        </button>
        {!account.isDemo && (
          <>
            <button
              type="button"
              className="button button--small"
              aria-expanded={health !== undefined}
              onClick={() => void checkTokenHealth(account.id)}
            >
              Check token
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => setDialog('revoke')}>
              Revoke access at Meta
            </button>
          </>
        )}
        <button type="button" className="button button--small button--quiet button--danger-text" onClick={() => setDialog('remove')}>
          Remove account…
        </button>
      </div>

      {health && (
        <TokenHealthPanel
          health={health.data}
          loading={health.status === 'loading'}
          error={health.error}
          now={now}
          onRetry={() => void checkTokenHealth(account.id)}
          onClose={() => closeTokenHealth(account.id)}
        />
      )}
      {dialog === 'remove' && (
        <RemoveAccountDialog account={account} onDone={() => setDialog(null)} onCancel={() => setDialog(null)} />
      )}
      {dialog === 'revoke' && (
        <RevokeAccessDialog account={account} onDone={() => setDialog(null)} onCancel={() => setDialog(null)} />
      )}
    </li>
  );
}
