import { useState } from 'react';
import type { ErrorPayload, KeyProtection } from '../../../src-preload/contract';
import { ErrorNotice } from '../../components/error-notice';
import { keychainName } from './keychain-names';
import { PassphraseForm } from './passphrase-form';
import { createVault, type VaultChoice } from './demo-flow';

interface KeySetupProps {
  keyProtection: KeyProtection;
  onBack: () => void;
  onCreated: () => void;
}

/** Before the vault exists: explain, in plain words, where the key that locks the data is kept. */
export function KeySetup({ keyProtection, onBack, onCreated }: KeySetupProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const useKeychain = keyProtection.osProtectionAvailable;

  const create = async (choice: VaultChoice) => {
    setBusy(true);
    setError(null);
    const result = await createVault(choice);
    setBusy(false);
    if (result.ok) onCreated();
    else setError(result.error);
  };

  return (
    <section className="stack" data-step="key" data-key-mode={useKeychain ? 'os-keychain' : 'passphrase'}>
      <h1>How your data is protected</h1>
      <p>
        Social Desk keeps everything (figures, posts and messages) on this computer only, encrypted. Nothing is
        sent anywhere but Meta.
      </p>
      {useKeychain ? (
        <>
          <p>
            Your data is locked with a key kept in this computer&apos;s keychain (
            {keychainName(keyProtection.osBackendName)}). Only your user account on this computer can open it, so
            there is no password to remember.
          </p>
          {error && <ErrorNotice error={error} />}
          <div className="actions">
            <button type="button" className="button" onClick={onBack} disabled={busy}>
              Back
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void create({ mode: 'os-keychain' })}
            >
              {busy ? 'Setting up…' : 'Use the keychain and continue'}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            This computer has no keychain Social Desk can trust to keep that key safe. Instead, you&apos;ll choose a
            passphrase: the key is locked with it, and you&apos;ll type it each time you open Social Desk.
          </p>
          {error && <ErrorNotice error={error} />}
          <PassphraseForm
            busy={busy}
            onBack={onBack}
            onSubmit={(passphrase) => void create({ mode: 'passphrase', passphrase })}
          />
        </>
      )}
    </section>
  );
}
