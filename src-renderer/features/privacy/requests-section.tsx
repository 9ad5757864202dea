import { useId, useState, type FormEvent } from 'react';
import type { DeletionRequest, DeletionRequestSource, ErrorPayload } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { call } from '../../lib/call';
import { formatDateTime } from '../../lib/format';
import { ForgetDialog } from './forget-dialog';
import { loadPrivacy, usePrivacyStore } from './privacy-store';
import { SafeText } from './safe-text';

const SOURCES: Array<[DeletionRequestSource, string]> = [
  ['email', 'Email'],
  ['form', 'Web form'],
  ['meta_callback', "Meta's data-deletion callback"],
  ['other', 'Other'],
];
const SOURCE_WORDS = Object.fromEntries(SOURCES) as Record<DeletionRequestSource, string>;

/** The log of deletion requests: who asked, when, the code, open → done with the forget's receipt. */
export function RequestsSection() {
  const { data } = usePrivacyStore();
  const [requester, setRequester] = useState('');
  const [source, setSource] = useState<DeletionRequestSource>('email');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [carrying, setCarrying] = useState<DeletionRequest | null>(null);
  const ids = { who: useId(), source: useId() };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await call(() => getApi().privacy.addRequest({ requester, source }));
    if (!result.ok) return setError(result.error);
    setRequester('');
    void loadPrivacy();
  };

  const requests = data?.requests ?? [];
  return (
    <section className="panel" aria-labelledby="requests-title" data-section="requests">
      <h2 id="requests-title">Deletion requests</h2>
      <p className="muted">
        Log each request as it arrives. Each gets a confirmation code to give back to the person; carrying it out forgets them and
        links the receipt.
      </p>
      <form className="request-form" onSubmit={(event) => void add(event)}>
        <div className="field">
          <label htmlFor={ids.who}>Who asked (@handle or Meta id)</label>
          <input id={ids.who} value={requester} maxLength={200} onChange={(event) => setRequester(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.source}>Received by</label>
          <select id={ids.source} value={source} onChange={(event) => setSource(event.target.value as DeletionRequestSource)}>
            {SOURCES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={!requester.trim()}>
          Log request
        </button>
      </form>
      {error && <ErrorNotice error={error} />}
      {requests.length === 0 ? (
        <p className="muted">No deletion requests yet.</p>
      ) : (
        <table className="table table--compact" data-list="requests">
          <caption className="visually-hidden">Deletion requests</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Received</th>
              <th scope="col">Who</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.code} data-request={r.code} data-request-status={r.status}>
                <td>
                  <code>{r.code}</code>
                </td>
                <td>
                  {formatDateTime(r.receivedAt)}
                  <span className="muted block">{SOURCE_WORDS[r.source]}</span>
                </td>
                <td>
                  {r.status === 'open' ? <SafeText text={r.requester} /> : <span className="muted">Forgotten</span>}
                  {r.status === 'open' && r.note && (
                    <span className="muted block" data-request-note="true">
                      {r.note}
                    </span>
                  )}
                </td>
                <td>
                  {r.status === 'open' ? (
                    <button type="button" className="button button--small button--danger" onClick={() => setCarrying(r)}>
                      Carry out…
                    </button>
                  ) : (
                    <>
                      Done {r.doneAt ? formatDateTime(r.doneAt) : ''}
                      <span className="muted block">Receipt {r.receiptCode}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {carrying && (
        <ForgetDialog
          target={{ handleOrId: carrying.requester ?? '' }}
          requestCode={carrying.code}
          onCancel={() => setCarrying(null)}
          onDone={() => {
            setCarrying(null);
            void loadPrivacy();
          }}
        />
      )}
    </section>
  );
}
