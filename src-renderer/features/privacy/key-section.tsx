import { useId, useState, type FormEvent } from 'react';
import type { ErrorPayload, StoreStatus } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { call } from '../../lib/call';
import { setAppState } from '../app/app-store';
import { loadPrivacy } from './privacy-store';

const MIN = 8;

/**
 * Lock now, change the passphrase, or move the key between the keychain and a passphrase. Each
 * re-wraps the data key; the database is never rewritten.
 */
export function KeySection({ backend, keychainAvailable }: { backend: StoreStatus['keyBackend']; keychainAvailable: boolean }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { current: useId(), next: useId(), again: useId() };
  const passphraseMode = backend === 'passphrase';
  const problem = next && next.length < MIN ? `At least ${MIN} characters.` : again && again !== next ? 'The two do not match.' : null;

  const lock = async () => {
    const result = await call(() => getApi().vault.lock({ reason: 'manual' }));
    if (result.ok) setAppState(result.data);
    else setError(result.error);
  };

  const submit = async (event: FormEvent, mode: 'change' | 'to-keychain' | 'to-passphrase') => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    const api = getApi();
    const result =
      mode === 'change'
        ? await call(() => api.vault.changePassphrase({ current, next }))
        : mode === 'to-keychain'
          ? await call(() => api.vault.switchProtection({ mode: 'os-keychain', current }))
          : await call(() => api.vault.switchProtection({ mode: 'passphrase', passphrase: next }));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setCurrent('');
    setNext('');
    setAgain('');
    setNotice(mode === 'change' ? 'Passphrase changed. The old one no longer opens this data.' : 'Protection changed.');
    void loadPrivacy();
  };

  return (
    <section className="panel" aria-labelledby="key-title" data-section="key">
      <h2 id="key-title">Your key</h2>
      <div className="actions">
        <button type="button" className="button" onClick={() => void lock()}>
          Lock now
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
      {notice && (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      )}
      <form className="stack" onSubmit={(event) => void submit(event, passphraseMode ? 'change' : 'to-passphrase')} noValidate>
        {passphraseMode && (
          <div className="field">
            <label htmlFor={ids.current}>Current passphrase</label>
            <input id={ids.current} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.next}>{passphraseMode ? 'New passphrase' : 'Use a passphrase instead of the keychain'}</label>
          <input id={ids.next} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.again}>Type it again</label>
          <input id={ids.again} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={problem !== null} />
          {problem && <p className="field__problem">{problem}</p>}
        </div>
        <p className="muted">Nobody can recover the data without it: there is no reset.</p>
        <div className="actions">
          <button type="submit" className="button" disabled={busy || !next || problem !== null || next !== again || (passphraseMode && !current)}>
            {passphraseMode ? 'Change passphrase' : 'Switch to a passphrase'}
          </button>
        </div>
      </form>
      {passphraseMode && keychainAvailable && (
        <form className="stack" onSubmit={(event) => void submit(event, 'to-keychain')}>
          <p className="muted">Or keep the key in this computer&apos;s keychain (enter the current passphrase above first).</p>
          <div className="actions">
            <button type="submit" className="button" disabled={busy || !current}>
              Switch to the keychain
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
