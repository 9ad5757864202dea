import { useEffect, useState } from 'react';
import type { ErrorPayload, ForgetPreview, ForgetReceipt, ForgetTarget } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { call } from '../../lib/call';
import { formatFullNumber } from '../../lib/format';
import { HeldFileRows, TABLE_WORDS } from './receipt-card';
import { SafeText } from './safe-text';

interface ForgetDialogProps {
  target: ForgetTarget;
  /** Carrying out a deletion request: completes it (a receipt is written even when nothing is stored). */
  requestCode?: string;
  onDone: (receipt: ForgetReceipt | null) => void;
  onCancel: () => void;
}

/**
 * "Forget this person", from anywhere (Privacy, a conversation, a comment): first what would be
 * removed, counted per kind, then one confirmation. Cancel removes nothing.
 */
export function ForgetDialog({ target, requestCode, onDone, onCancel }: ForgetDialogProps) {
  const [preview, setPreview] = useState<ForgetPreview | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call(() => getApi().privacy.previewForget({ target })).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.data);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [target]);

  const confirm = async () => {
    setBusy(true);
    const api = getApi();
    if (requestCode) {
      const done = await call(() => api.privacy.completeRequest({ code: requestCode, confirm: 'FORGET' }));
      setBusy(false);
      if (done.ok) onDone(null);
      else setError(done.error);
      return;
    }
    const result = await call(() => api.privacy.forget({ target, confirm: 'FORGET' }));
    setBusy(false);
    if (result.ok) onDone(result.data);
    else setError(result.error);
  };

  const nothing = preview !== null && ((preview.total === 0 && !requestCode) || preview.ownAccount !== null);
  return (
    <ConfirmDialog
      title="Forget this person?"
      confirmLabel={busy ? 'Forgetting…' : requestCode ? 'Carry out the request' : 'Forget them'}
      danger
      busy={busy}
      confirmDisabled={preview === null || nothing}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      {error && <ErrorNotice error={error} />}
      {!preview && !error && <p className="muted">Counting what is stored about them…</p>}
      {preview?.ownAccount != null && (
        <div className="notice notice--warning" data-own-account>
          <p>
            That is your own account “<SafeText text={preview.ownAccount} />”, not a person who wrote to you: forgetting it would erase
            your replies. To remove an account and its data, use Accounts.
          </p>
        </div>
      )}
      {preview && preview.ownAccount === null && (
        <div className="stack" data-forget-preview={preview.total}>
          {preview.people.length > 0 ? (
            <ul className="plain-list">
              {preview.people.map((p, i) => (
                <li key={i}>
                  <SafeText text={p.who} />
                  {p.handle && (
                    <span className="muted">
                      {' '}
                      @<SafeText text={p.handle} />
                    </span>
                  )}{' '}
                  <span className="muted">on {p.account}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No profile is stored for them; what they wrote is matched by handle.</p>
          )}
          {preview.total === 0 ? (
            <p>Nothing stored on this computer belongs to them.{requestCode ? ' Carrying out the request records that, with a receipt.' : ''}</p>
          ) : (
            <>
              <p>This removes from this computer, for good:</p>
              <table className="table table--compact">
                <caption className="visually-hidden">What will be removed</caption>
                <tbody>
                  {Object.entries(preview.counts).map(([table, n]) => (
                    <tr key={table} data-will-remove={table}>
                      <th scope="row">{TABLE_WORDS[table] ?? table}</th>
                      <td className="num">{formatFullNumber(n)}</td>
                    </tr>
                  ))}
                  <HeldFileRows files={preview.files} attr="data-will-remove" />
                </tbody>
              </table>
              <p className="muted">
                Their words are removed from search and from the database file itself.
                {Object.keys(preview.files).length > 0 &&
                  ' Files kept in the data folder that may hold their words (crash reports, logs, an unfinished export, a set-aside copy) are deleted whole.'}{' '}
                You get a receipt with a confirmation code.
                It cannot be undone; what is still on Instagram or Facebook stays there.
              </p>
            </>
          )}
        </div>
      )}
    </ConfirmDialog>
  );
}
