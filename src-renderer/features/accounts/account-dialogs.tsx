import { useState } from 'react';
import type { AccountSummary, ErrorPayload } from '../../../src-preload/contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { removeAccount, revokeAccess } from './account-actions';
import { ActionNotice } from './action-notice';
import { NETWORK_TEXT } from './account-text';

interface DialogProps {
  account: AccountSummary;
  onDone: () => void;
  onCancel: () => void;
}

/** "Remove account…": says exactly what leaves this computer, and that nothing changes at Meta. */
export function RemoveAccountDialog({ account, onDone, onCancel }: DialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    const result = await removeAccount(account.id);
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  };

  return (
    <ConfirmDialog
      title={`Remove ${account.name} from this computer?`}
      confirmLabel={busy ? 'Removing…' : 'Yes, remove it'}
      danger
      busy={busy}
      onConfirm={() => void remove()}
      onCancel={onCancel}
    >
      <p>This deletes from this computer everything Social Desk saved for this {NETWORK_TEXT[account.network]}:</p>
      <ul className="plain-list">
        <li>its posts and their figures, and the daily figures</li>
        <li>its conversations, messages and comments</li>
        <li>its access token</li>
      </ul>
      <p>
        <strong>Nothing is deleted at Meta.</strong> The account, its posts and its messages stay as they are on{' '}
        {account.network === 'instagram' ? 'Instagram' : 'Facebook'}. This can&apos;t be undone here; connecting it
        again later fetches what Meta still offers.
      </p>
      {error && <ErrorNotice error={error} />}
    </ConfirmDialog>
  );
}

/** "Revoke access at Meta": Meta takes back the app's permissions; local data stays. */
export function RevokeAccessDialog({ account, onDone, onCancel }: DialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const revoke = async () => {
    setBusy(true);
    setError(null);
    const failed = await revokeAccess(account.id);
    setBusy(false);
    if (failed) setError(failed);
    else onDone();
  };

  return (
    <ConfirmDialog
      title={`Revoke Social Desk's access to ${account.name} at Meta?`}
      confirmLabel={busy ? 'Revoking…' : 'Yes, revoke access'}
      danger
      busy={busy}
      onConfirm={() => void revoke()}
      onCancel={onCancel}
    >
      <p>
        Social Desk asks Meta to remove the permissions you gave it. After that it can&apos;t fetch anything new for
        this account until you connect it again.
      </p>
      <p>
        What is already on this computer stays. To delete that too, use <strong>Remove account…</strong>.
      </p>
      {error && <ActionNotice action="revoke" error={error} />}
    </ConfirmDialog>
  );
}
