import { useId, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { call } from '../../lib/call';
import { setAppState, useAppStore } from '../app/app-store';
import { ForgotPassphrase } from './forgot-passphrase';

/**
 * The data is locked. With a passphrase: ask for it (a wrong one is said plainly, never as a
 * crash), and explain what to do when it is forgotten. With the keychain: one button asks it again.
 */
export function UnlockScreen() {
  const backend = useAppStore((s) => s.data?.keyProtection.backend);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [forgot, setForgot] = useState(false);
  const inputId = useId();
  const keychain = backend === 'os-keychain';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((!keychain && !passphrase) || busy) return;
    setBusy(true);
    setError(null);
    const result = await call(() => getApi().vault.unlock({ passphrase: keychain ? '' : passphrase }));
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setAppState(result.data);
    } else {
      setError(result.error);
    }
  };

  if (forgot) return <ForgotPassphrase onBack={() => setForgot(false)} />;

  return (
    <ScreenFrame name="locked">
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <h1>Your data is locked</h1>
        {keychain ? (
          <p>Social Desk was locked. Unlocking asks this computer&apos;s keychain for the key again.</p>
        ) : (
          <>
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
          </>
        )}
        {error && <ErrorNotice error={error} />}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy || (!keychain && !passphrase)}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
          {!keychain && (
            <button type="button" className="link-button" onClick={() => setForgot(true)}>
              Forgot passphrase?
            </button>
          )}
        </div>
      </form>
    </ScreenFrame>
  );
}
