import { useEffect } from 'react';
import type { StoreStatus } from '../../../src-preload/contract';
import { ErrorNotice } from '../../components/error-notice';
import { formatBytes, formatDateTime, formatFullNumber } from '../../lib/format';
import { loadPrivacy, usePrivacyStore } from './privacy-store';
import { WipeSection } from './wipe-section';
import './privacy.css';

const KEY_TEXT: Record<StoreStatus['keyBackend'], string> = {
  'os-keychain': "Locked with a key kept in this computer's keychain. Only your user account here can open it.",
  passphrase: 'Locked with your passphrase. Nobody can open it without that passphrase.',
  none: 'Not set up yet.',
};

const COUNT_LABELS: Array<[keyof StoreStatus['counts'], string]> = [
  ['accounts', 'Accounts'],
  ['posts', 'Posts'],
  ['postSnapshots', 'Post figure snapshots'],
  ['dailyInsights', 'Daily figures'],
  ['demographics', 'Audience breakdowns'],
  ['people', 'People'],
  ['conversations', 'Conversations'],
  ['messages', 'Messages'],
  ['comments', 'Comments'],
  ['syncRuns', 'Sync runs'],
  ['auditEntries', 'Audit log entries'],
];

/** Audit actions are dotted identifiers (`sync.completed`); show them as words. */
function actionText(action: string): string {
  const words = action.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function PrivacyView() {
  const { data, status, error } = usePrivacyStore();

  useEffect(() => {
    if (usePrivacyStore.getState().status === 'idle') void loadPrivacy();
  }, []);

  return (
    <section className="view" data-view="privacy" data-status={status} aria-labelledby="privacy-title">
      <header className="view__header">
        <h1 id="privacy-title">Privacy</h1>
      </header>
      <p className="prose">
        Everything Social Desk knows is stored encrypted on this computer. It talks only to Meta, and nothing is sent
        anywhere else.
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void loadPrivacy()} />}
      {data && (
        <div className="columns">
          <section className="panel" aria-labelledby="stored-title">
            <h2 id="stored-title">What is stored here</h2>
            <dl className="facts">
              <dt>Protection</dt>
              <dd data-key-backend={data.store.keyBackend}>{KEY_TEXT[data.store.keyBackend]}</dd>
              <dt>Data folder</dt>
              <dd className="path">{data.store.dataDir}</dd>
              <dt>Size on disk</dt>
              <dd>{formatBytes(data.store.databaseBytes)}</dd>
              <dt>Last synced</dt>
              <dd>{data.store.lastSyncedAt ? formatDateTime(data.store.lastSyncedAt) : 'Never synced'}</dd>
              <dt>Storage format version</dt>
              <dd>{data.store.schemaVersion}</dd>
            </dl>
            <table className="table table--compact" data-table="counts">
              <caption className="visually-hidden">Items stored on this computer</caption>
              <tbody>
                {COUNT_LABELS.map(([key, label]) => (
                  <tr key={key} data-count={key}>
                    <th scope="row">{label}</th>
                    <td className="num">{formatFullNumber(data.store.counts[key])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel" aria-labelledby="audit-title">
            <h2 id="audit-title">Recent activity</h2>
            {data.audit.length === 0 ? (
              <p className="muted">Nothing recorded yet.</p>
            ) : (
              <ol className="audit" data-list="audit">
                {data.audit.map((entry) => (
                  <li key={entry.id}>
                    <time className="muted">{formatDateTime(entry.at)}</time>
                    <span className="audit__action" data-action={entry.action}>
                      {actionText(entry.action)}
                    </span>
                    {entry.subject && <span> · {entry.subject}</span>}
                    {entry.detail && <span className="muted"> · {entry.detail}</span>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
      <WipeSection />
    </section>
  );
}
