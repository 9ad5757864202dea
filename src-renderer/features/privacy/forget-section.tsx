import { useId, useState, type FormEvent } from 'react';
import type { ErrorPayload, ForgetTarget, PersonMatch } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { call } from '../../lib/call';
import { formatDateTime, formatFullNumber } from '../../lib/format';
import { ForgetDialog } from './forget-dialog';
import { loadPrivacy, showReceipt, usePrivacyStore } from './privacy-store';
import { ReceiptCard } from './receipt-card';
import { SafeText } from './safe-text';

/** Find someone among the people who wrote or commented (or type a handle / id), preview, forget. */
export function ForgetSection() {
  const { data, lastReceipt } = usePrivacyStore();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<PersonMatch[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [target, setTarget] = useState<ForgetTarget | null>(null);
  const inputId = useId();

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await call(() => getApi().privacy.findPeople({ query }));
    if (result.ok) setMatches(result.data);
    else setError(result.error);
  };

  return (
    <section className="panel" aria-labelledby="forget-title" data-section="forget">
      <h2 id="forget-title">Forget a person</h2>
      <p className="muted">
        Removes everything stored about one person: their conversations and messages, comments and the replies to them, and
        their profile. Use it when someone asks to be deleted.
      </p>
      <form className="field field--inline" onSubmit={(event) => void search(event)}>
        <label htmlFor={inputId}>Name, @handle or Meta id</label>
        <input id={inputId} type="search" value={query} maxLength={200} onChange={(event) => setQuery(event.target.value)} />
        <button type="submit" className="button" disabled={!query.trim()}>
          Find
        </button>
      </form>
      {error && <ErrorNotice error={error} />}
      {matches && (
        <div className="stack" data-list="people">
          {matches.length === 0 ? (
            <p className="muted">Nobody stored matches “{<SafeText text={query} />}”.</p>
          ) : (
            <table className="table table--compact">
              <caption className="visually-hidden">People who match</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Account</th>
                  <th scope="col" className="num">Messages</th>
                  <th scope="col" className="num">Comments</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {matches.map((m) => (
                  <tr key={m.personId} data-person={m.personId}>
                    <td>
                      <SafeText text={m.name ?? m.handle} fallback={m.externalId} />
                      {m.handle && (
                        <span className="muted block">
                          @<SafeText text={m.handle} />
                        </span>
                      )}
                    </td>
                    <td>{m.accountName}</td>
                    <td className="num">{formatFullNumber(m.messages)}</td>
                    <td className="num">{formatFullNumber(m.comments)}</td>
                    <td>
                      <button type="button" className="button button--small button--danger" onClick={() => setTarget({ personId: m.personId })}>
                        Forget…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {query.trim() && (
            <button type="button" className="link-button" onClick={() => setTarget({ handleOrId: query.trim() })}>
              Forget everything stored under “{<SafeText text={query.trim()} />}” as a handle or id
            </button>
          )}
        </div>
      )}
      {lastReceipt && <ReceiptCard receipt={lastReceipt} onClose={() => showReceipt(null)} />}
      {data && data.receipts.length > 0 && (
        <details className="receipts">
          <summary>Past receipts ({data.receipts.length})</summary>
          <ul className="plain-list" data-list="receipts">
            {data.receipts.map((r) => (
              <li key={r.code}>
                <code>{r.code}</code> · {formatDateTime(r.forgottenAt)} · {formatFullNumber(r.total)} items removed
              </li>
            ))}
          </ul>
        </details>
      )}
      {target && (
        <ForgetDialog
          target={target}
          onCancel={() => setTarget(null)}
          onDone={(receipt) => {
            setTarget(null);
            setMatches(null);
            setQuery('');
            showReceipt(receipt);
            void loadPrivacy();
          }}
        />
      )}
    </section>
  );
}
