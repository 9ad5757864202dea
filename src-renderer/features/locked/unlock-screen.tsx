import { useId, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { call } from '../../lib/call';
import { setAppState } from '../app/app-store';

/** The data is protected by a passphrase: ask for it. A wrong one is said plainly, never as a crash. */
export function UnlockScreen() {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase || busy) return;
    setBusy(true);
    setError(null);
    const result = await call(() => getApi().vault.unlock({ passphrase }));
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setAppState(result.data);
    } else {
      setError(result.error);
    }
  };

  return (
    <ScreenFrame name="locked">
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <h1>Your data is locked</h1>
        <p>Enter the passphrase you chose when you set up Social Desk on this computer.</p>
        <div className="field">
          <label htmlFor={inputId}>Passphrase</label>
          <input
            id={inputId}
            type="password"
            autoComplete="current-password"
            autoFocus
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            aria-invalid={error?.code === 'WRONG_PASSPHRASE'}
          />
        </div>
        {error && <ErrorNotice error={error} />}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy || !passphrase}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
