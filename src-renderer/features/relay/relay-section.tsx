import { useEffect, useId, useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { useNow } from '../../lib/use-now';
import { loadRelayStatus, pairRelay, unpairRelay, useRelayStore } from './relay-store';
import { formatAgo } from '../sync/sync-text';
import { connectionText, lastEventText } from './relay-text';
import './relay.css';

/** Settings → Relay: pair with the brand's Social Desk Relay, see the live connection, unpair. */
export function RelaySection() {
  const { data, error, busy, actionError } = useRelayStore();
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [confirming, setConfirming] = useState(false);
  const now = useNow(30_000);
  const ids = { url: useId(), code: useId(), title: useId() };

  useEffect(() => {
    if (useRelayStore.getState().status === 'idle') void loadRelayStatus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !url.trim() || !code.trim()) return;
    if (await pairRelay(url.trim(), code.trim())) setCode('');
  };

  return (
    <fieldset className="panel relay" data-relay-connection={data?.connection ?? 'unknown'}>
      <legend id={ids.title}>Relay</legend>
      <p className="muted">
        A Social Desk Relay that your brand runs on a small server receives Meta&apos;s webhooks, so new messages arrive
        within a second, and handles Meta&apos;s deletion callback. It only ever holds them encrypted for this computer.
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void loadRelayStatus()} />}
      {data && data.connection !== 'not-paired' && (
        <div className="stack relay__status">
          <p>
            <span className={`relay__dot relay__dot--${data.connection}`} aria-hidden="true" />
            <strong>{connectionText(data)}</strong> — {data.relayUrl}
          </p>
          {data.lastError && <p className="relay__problem">{data.lastError}</p>}
          <dl className="relay__facts">
            <dt>Events received</dt>
            <dd>{data.eventsReceived.toLocaleString()}</dd>
            <dt>Newest</dt>
            <dd>{lastEventText(data, now)}</dd>
            <dt>Messages recovered by sync</dt>
            <dd title="Messages a catch-up sync found that no webhook had brought (after a reconnect or a gap).">{data.messagesRecoveredBySync.toLocaleString()}</dd>
            <dt>Gaps in the event sequence</dt>
            <dd>{data.gapsDetected.toLocaleString()}</dd>
          </dl>
          <div className="actions">
            <button type="button" className="button" onClick={() => setConfirming(true)} disabled={busy}>
              Unpair this computer…
            </button>
          </div>
        </div>
      )}
      {data?.connection === 'not-paired' && (
        <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={ids.url}>Relay address</label>
            <input id={ids.url} type="url" inputMode="url" placeholder="https://relay.example.com" value={url} onChange={(e) => setUrl(e.target.value)} disabled={busy} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor={ids.code}>Pairing code</label>
            <input id={ids.code} value={code} onChange={(e) => setCode(e.target.value)} placeholder="XXXX-XXXX-XXXX" disabled={busy} autoComplete="off" spellCheck={false} />
            <p className="muted">Run <code>npm run relay -- pair-code</code> on the relay; each code works once, for 15 minutes.</p>
          </div>
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy || !url.trim() || !code.trim()}>
              {busy ? 'Pairing…' : 'Pair with relay'}
            </button>
          </div>
        </form>
      )}
      {actionError && (
        // The relay's refusals are written for people (bad code, unreachable, revoked), and the
        // generic wording for the code would name the wrong cause, so the message is shown itself.
        <div className="notice notice--error" role="alert" data-error-code={actionError.code}>
          <p className="notice__title">{data?.connection === 'not-paired' ? 'Pairing did not work.' : 'That did not work.'}</p>
          <p className="notice__next">{actionError.message}</p>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title="Unpair from the relay?"
          confirmLabel="Unpair"
          danger
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void unpairRelay().then(() => setConfirming(false))}
        >
          <p>This computer forgets the relay and deletes its relay key. Events the relay still holds for it can then never be opened; syncing with Meta goes on as before.</p>
          <p>To stop the relay keeping events for this computer, also run <code>npm run relay -- devices revoke {data?.deviceId}</code> on the relay.</p>
        </ConfirmDialog>
      )}
    </fieldset>
  );
}

/** One line in the sync indicator while a relay is paired: live or not, and the newest event. */
export function RelayIndicatorLine() {
  const data = useRelayStore((state) => state.data);
  const now = useNow(30_000);
  useEffect(() => {
    if (useRelayStore.getState().status === 'idle') void loadRelayStatus();
  }, []);
  if (!data || data.connection === 'not-paired') return null;
  return (
    <p className="relay-line" data-relay-connection={data.connection} title={data.lastError ?? lastEventText(data, now)}>
      <span className={`relay__dot relay__dot--${data.connection}`} aria-hidden="true" />
      Relay: {connectionText(data)}
      {data.lastEventAt !== null && ` · event ${formatAgo(data.lastEventAt, now)}`}
    </p>
  );
}
