import { getApi } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { call } from '../../lib/call';
import { useWipe } from '../privacy/wipe';

/**
 * The key that protects the local data can't be opened. Exactly two ways out: erase and start
 * fresh, or quit. Nothing else, so nobody is led into a half-working state.
 */
export function KeyRecoveryScreen({ recoveryReason }: { recoveryReason: string | null }) {
  const { confirming, setConfirming, busy, error, setError, wipe } = useWipe();

  const quit = async () => {
    setError(null);
    const result = await call(() => getApi().app.quit(undefined));
    if (!result.ok) setError(result.error);
  };

  return (
    <ScreenFrame name="key-recovery">
      <section className="stack">
        <h1>Your local data can&apos;t be opened</h1>
        <p>
          The key that protects the data Social Desk keeps on this computer can no longer be opened. This can
          happen when your user profile was moved to another computer, or the system keychain was reset.
        </p>
        {recoveryReason && (
          <p className="reason" data-recovery-reason="true">
            <strong>What Social Desk found:</strong> {recoveryReason}
          </p>
        )}
        <p>
          Without that key nobody, including you, can read that data. Your Instagram and Facebook accounts themselves
          are not affected: starting fresh only erases the copy on this computer.
        </p>
        {error && <ErrorNotice error={error} />}
        <div className="actions" data-recovery-choices="true">
          <button type="button" className="button" onClick={() => void quit()} disabled={busy}>
            Quit
          </button>
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)} disabled={busy}>
            Start fresh (erase local data)
          </button>
        </div>
      </section>
      {confirming && (
        <ConfirmDialog
          title="Erase the local data and start fresh?"
          confirmLabel={busy ? 'Erasing…' : 'Erase and start fresh'}
          danger
          busy={busy}
          onConfirm={() => void wipe()}
          onCancel={() => setConfirming(false)}
        >
          <p>The unreadable data on this computer will be removed. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </ScreenFrame>
  );
}
