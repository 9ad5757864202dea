import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { useStartupActions } from '../app/startup-actions';
import { useWipe } from '../privacy/wipe';

/**
 * The key that protects the local data can't be opened (and only then: a busy, full, read-only
 * or damaged store has its own screen). "Try again" first, because a locked keychain is the
 * commonest cause; then the data folder, quit, and last, erasing and starting fresh.
 */
export function KeyRecoveryScreen({ recoveryReason }: { recoveryReason: string | null }) {
  const { confirming, setConfirming, busy: wiping, error: wipeError, wipe } = useWipe();
  const actions = useStartupActions();
  const busy = wiping || actions.busy;
  const error = actions.error ?? wipeError;

  return (
    <ScreenFrame name="key-recovery">
      <section className="stack">
        <h1>Your local data can&apos;t be opened</h1>
        <p>
          The key that protects the data Social Desk keeps on this computer can no longer be opened. This can
          happen when the system keychain is locked, when your user profile was moved to another computer, or when
          the keychain was reset.
        </p>
        {recoveryReason && (
          <p className="reason" data-recovery-reason="true">
            <strong>What Social Desk found:</strong> {recoveryReason}
          </p>
        )}
        <p>
          If the keychain is just locked, unlock it and try again. If the key is gone, nobody, including you, can
          read that data any more. Your Instagram and Facebook accounts themselves are not affected: starting fresh
          only erases the copy on this computer.
        </p>
        {error && <ErrorNotice error={error} />}
        <div className="actions" data-recovery-choices="true">
          <button type="button" className="button button--primary" onClick={() => void actions.retry()} disabled={busy}>
            Try again
          </button>
          <button type="button" className="button" onClick={() => void actions.showDataFolder()} disabled={busy}>
            Show data folder
          </button>
          <button type="button" className="button" onClick={() => void actions.quit()} disabled={busy}>
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
          confirmLabel={wiping ? 'Erasing…' : 'Erase and start fresh'}
          danger
          busy={wiping}
          onConfirm={() => void wipe()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            The unreadable database, its key, settings and logs on this computer will be removed. This cannot be
            undone.
          </p>
        </ConfirmDialog>
      )}
    </ScreenFrame>
  );
}
