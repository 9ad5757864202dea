import { useEffect } from 'react';
import type { AccountSummary } from '../../../src-preload/contract';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { formatDateTime, formatNumber } from '../../lib/format';
import { loadAccounts, useAccountsStore } from './accounts-store';
import './accounts.css';

const STATUS_TEXT: Record<AccountSummary['status'], string> = {
  active: 'Connected',
  needs_reconnect: 'Needs reconnecting',
  paused: 'Paused',
};

const NETWORK_TEXT: Record<AccountSummary['network'], string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  whatsapp: 'WhatsApp',
};

export function AccountsView() {
  const { data, status, error } = useAccountsStore();

  useEffect(() => {
    if (useAccountsStore.getState().status === 'idle') void loadAccounts();
  }, []);

  return (
    <section className="view" data-view="accounts" data-status={status} aria-labelledby="accounts-title">
      <header className="view__header">
        <h1 id="accounts-title">Accounts</h1>
      </header>
      <p className="prose">
        Connecting your own Instagram and Facebook accounts arrives in the next version. Social Desk only ever talks to
        Meta; everything it fetches is stored encrypted on this computer and nothing is sent anywhere else.
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void loadAccounts()} />}
      {data && data.length === 0 && (
        <EmptyState title="No accounts yet — connect an account or explore the demo" />
      )}
      {data && data.length > 0 && (
        <ul className="account-list">
          {data.map((account) => (
            <li className="account" key={account.id} data-account-id={account.id} data-account-status={account.status}>
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
                {account.statusDetail && <p className="muted">{account.statusDetail}</p>}
                <p className="muted">
                  {account.lastSyncedAt ? `Last synced ${formatDateTime(account.lastSyncedAt)}` : 'Never synced'}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
