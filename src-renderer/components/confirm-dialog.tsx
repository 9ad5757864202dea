import { useId, useRef, type ReactNode } from 'react';
import { useFocusTrap } from '../lib/use-focus-trap';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  /** Confirm cannot be pressed yet (nothing to do, still counting) while Cancel still works. */
  confirmDisabled?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation: focus trapped, Escape or the backdrop cancels, Cancel is focused first. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, cancelLabel = 'Cancel', busy = false, danger = false } = props;
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const cancel = busy ? noop : props.onCancel;
  useFocusTrap(dialogRef, cancel, cancelRef);

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && cancel()}>
      <div
        ref={dialogRef}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div id={bodyId} className="dialog__body">
          {children}
        </div>
        <div className="dialog__actions">
          <button ref={cancelRef} type="button" className="button" onClick={cancel} disabled={busy}>
            {cancelLabel}
          </button>
          <button
            type="button"
            className={danger ? 'button button--danger' : 'button button--primary'}
            onClick={props.onConfirm}
            disabled={busy || props.confirmDisabled === true}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

function noop(): void {}
