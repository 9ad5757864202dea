import type { ErrorPayload } from '../../../src-preload/contract';
import { actionErrorText, type AccountAction } from './account-text';

/** An account error in plain words, worded for what was being done; the raw message stays in a tooltip. */
export function ActionNotice({ action, error }: { action: AccountAction; error: ErrorPayload }) {
  const text = actionErrorText(action, error);
  return (
    <div className="notice notice--error" role="alert" data-error-code={error.code} title={error.message}>
      <p className="notice__title">{text.title}</p>
      <p className="notice__next">{text.next}</p>
    </div>
  );
}
