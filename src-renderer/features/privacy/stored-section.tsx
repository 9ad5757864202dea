import type { StoreStatus } from '../../../src-preload/contract';
import { formatBytes, formatDateTime, formatFullNumber } from '../../lib/format';

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

/** What is stored here: protection, folder, size, freshness and a count per kind. */
export function StoredSection({ store }: { store: StoreStatus }) {
  return (
    <section className="panel" aria-labelledby="stored-title" data-section="stored">
      <h2 id="stored-title">What is stored here</h2>
      <dl className="facts">
        <dt>Protection</dt>
        <dd data-key-backend={store.keyBackend}>{KEY_TEXT[store.keyBackend]}</dd>
        <dt>Data folder</dt>
        <dd className="path">{store.dataDir}</dd>
        <dt>Size on disk</dt>
        <dd>{formatBytes(store.databaseBytes)}</dd>
        <dt>Last synced</dt>
        <dd>{store.lastSyncedAt ? formatDateTime(store.lastSyncedAt) : 'Never synced'}</dd>
        <dt>Storage format version</dt>
        <dd>{store.schemaVersion}</dd>
      </dl>
      <table className="table table--compact" data-table="counts">
        <caption className="visually-hidden">Items stored on this computer</caption>
        <tbody>
          {COUNT_LABELS.map(([key, label]) => (
            <tr key={key} data-count={key}>
              <th scope="row">{label}</th>
              <td className="num">{formatFullNumber(store.counts[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
