import type { ErrorPayload } from '../../../src-preload/contract';
import { actionErrorText, needsMetaAppSettings, type AccountAction } from './account-text';
import { openMetaAppSettings } from './connect-store';

/**
 * An account error in plain words, worded for what was being done; the raw message stays in a tooltip.
 * A login that needs the brand's Meta app set up first offers the way there.
 */
export function ActionNotice({ action, error }: { action: AccountAction; error: ErrorPayload }) {
  const text = actionErrorText(action, error);
  return (
    <div className="notice notice--error" role="alert" data-error-code={error.code} title={error.message}>
      <p className="notice__title">{text.title}</p>
      <p className="notice__next">{text.next}</p>
      {needsMetaAppSettings(action, error) && (
        <button type="button" className="button button--small" data-open-meta-app="true" onClick={openMetaAppSettings}>
          Open Settings → Meta app
        </button>
      )}
    </div>
  );
}
