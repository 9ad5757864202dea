import type { ErrorPayload } from '../../../src-preload/contract';
import { ErrorNotice } from '../../components/error-notice';
import { ProgressBar } from '../../components/progress-bar';
import { useSyncStore } from '../sync/sync-store';

interface DemoLoaderProps {
  error: ErrorPayload | null;
  canSkip: boolean;
  onRetry: () => void;
  onSkip: () => void;
}

/** Progress while the demo workspace is written to this computer (from `sync:progress`). */
export function DemoLoader({ error, canSkip, onRetry, onSkip }: DemoLoaderProps) {
  const progress = useSyncStore((state) => state.progress);
  return (
    <section className="stack" data-step="demo" data-demo-status={error ? 'error' : 'loading'}>
      <h1>Setting up the demo workspace</h1>
      <p>Made-up accounts, posts and messages are being saved on this computer. This takes a few seconds.</p>
      {error ? (
        <>
          <ErrorNotice error={error} />
          <div className="actions">
            {canSkip && (
              <button type="button" className="button" onClick={onSkip}>
                Skip the demo
              </button>
            )}
            <button type="button" className="button button--primary" onClick={onRetry}>
              Try again
            </button>
          </div>
        </>
      ) : (
        <ProgressBar label={progress ? `Loading the demo workspace… ${progress.job}` : 'Loading the demo workspace…'} done={progress?.done} total={progress?.total} />
      )}
    </section>
  );
}
