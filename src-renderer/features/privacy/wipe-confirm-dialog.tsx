import { ConfirmDialog } from '../../components/confirm-dialog';

/** The one confirmation of a wipe (Privacy, and the lock screen's "Forgot passphrase?"). */
export function WipeConfirmDialog({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog
      title="Erase everything on this computer?"
      confirmLabel={busy ? 'Erasing…' : 'Yes, erase everything'}
      danger
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        All local data and its key will be removed, and Meta access is revoked for each connected account. This cannot be
        undone. Social Desk will start over.
      </p>
    </ConfirmDialog>
  );
}
