import type { ErrorPayload } from '../../src-preload/contract';
import { errorText } from '../lib/error-text';

interface ErrorNoticeProps {
  error: ErrorPayload;
  onRetry?: () => void;
  retryLabel?: string;
}

/** An error shown inline, in plain words with the next step; the technical message stays in a tooltip. */
export function ErrorNotice({ error, onRetry, retryLabel = 'Try again' }: ErrorNoticeProps) {
  const text = errorText(error.code);
  return (
    <div className="notice notice--error" role="alert" data-error-code={error.code} title={error.message}>
      <p className="notice__title">{text.title}</p>
      <p className="notice__next">{text.next}</p>
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}
