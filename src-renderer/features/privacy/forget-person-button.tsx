import { useState } from 'react';
import type { ForgetTarget } from '../../../src-preload/contract';
import { navigate } from '../shell/nav-store';
import { ForgetDialog } from './forget-dialog';
import { safeLabel } from './safe-text';
import { showReceipt } from './privacy-store';

/**
 * "Forget this person" where their words are shown (a conversation, a comment, the engaged-people
 * list): the same preview and confirmation as in Privacy; afterwards the receipt is shown in
 * Privacy, since what was open here is gone. `onForgotten` lets the host close what it showed;
 * `who` names them for screen readers where many such buttons sit in one list.
 */
export function ForgetPersonButton({ target, onForgotten, who }: { target: ForgetTarget; onForgotten?: () => void; who?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--small button--quiet"
        data-forget-target={JSON.stringify(target)}
        aria-label={who !== undefined ? `Forget this person… (${safeLabel(who)})` : undefined}
        onClick={() => setOpen(true)}
      >
        Forget this person…
      </button>
      {open && (
        <ForgetDialog
          target={target}
          onCancel={() => setOpen(false)}
          onDone={(receipt) => {
            setOpen(false);
            onForgotten?.();
            showReceipt(receipt);
            navigate('privacy');
          }}
        />
      )}
    </>
  );
}
