import { ErrorNotice } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { useWipe } from '../privacy/wipe';
import { WipeConfirmDialog } from '../privacy/wipe-confirm-dialog';

/**
 * A forgotten passphrase has no reset: the data is encrypted with a key only the passphrase opens,
 * and Social Desk keeps no copy anywhere. Say so, and offer the one way forward: start over.
 */
export function ForgotPassphrase({ onBack }: { onBack: () => void }) {
  const { confirming, setConfirming, busy, error, wipe } = useWipe();

  return (
    <ScreenFrame name="forgot-passphrase">
      <div className="stack">
        <h1>Forgot your passphrase?</h1>
        <p>
          Nothing can recover the data without it. The passphrase is the only way to open the key that encrypts everything stored
          here; Social Desk never kept a copy, and there is no reset by email or by Meta.
        </p>
        <p>
          If you remember it later, come back and unlock. Otherwise you can erase this computer&apos;s copy and start over: your
          Instagram and Facebook accounts are untouched, and a new sync fetches their recent data again.
        </p>
        {error && <ErrorNotice error={error} />}
        <div className="actions">
          <button type="button" className="button button--primary" onClick={onBack}>
            Back to unlock
          </button>
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            Erase and start over…
          </button>
        </div>
      </div>
      {confirming && (
        <WipeConfirmDialog busy={busy} onConfirm={() => void wipe()} onCancel={() => setConfirming(false)} />
      )}
    </ScreenFrame>
  );
}
