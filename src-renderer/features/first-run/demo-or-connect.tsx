import { useState } from 'react';
import type { ErrorPayload } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { ProgressBar } from '../../components/progress-bar';
import { call } from '../../lib/call';
import { openConnectPanel } from '../accounts/connect-store';
import { navigate } from '../shell/nav-store';
import { useSyncStore } from '../sync/sync-store';

/** The two ways out of an empty screen: connect an account, or load the demo workspace right here. */
export function DemoOrConnect({ connect = true }: { connect?: boolean }) {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const progress = useSyncStore((s) => s.progress);
  const explore = async () => {
    setLoading(true);
    setError(null);
    const result = await call(() => getApi().demo.load(undefined));
    setLoading(false);
    if (!result.ok) setError(result.error);
  };
  return (
    <div className="stack" data-demo-or-connect="true">
      <div className="actions">
        {connect && (
          <button type="button" className="button button--primary" onClick={() => { openConnectPanel(); navigate('accounts'); }}>
            Connect an account
          </button>
        )}
        <button type="button" className="button" disabled={loading} onClick={() => void explore()}>
          Explore the demo workspace
        </button>
      </div>
      {loading && <ProgressBar label="Loading the demo workspace…" done={progress?.done} total={progress?.total} />}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
