import { useEffect } from 'react';
import { ErrorNotice } from './components/error-notice';
import { ScreenFrame } from './components/screen-frame';
import { refreshAppState, useAppStore } from './features/app/app-store';
import { FirstRunScreen } from './features/first-run/first-run-screen';
import { KeyRecoveryScreen } from './features/key-recovery/key-recovery-screen';
import { StoreProblemScreen } from './features/store-problem/store-problem-screen';
import { UnlockScreen } from './features/locked/unlock-screen';
import { Shell } from './features/shell/shell';

/** What the end-to-end tests wait on: `<html data-app-state="loading|first-run|locked|key-recovery|store-problem|ready|error">`. */
function useAppStateMarker(marker: string): void {
  useEffect(() => {
    document.documentElement.dataset.appState = marker;
  }, [marker]);
}

/** Picks the top-level screen from the app phase. */
export function App() {
  const { data, status, error, holdFirstRun } = useAppStore();
  const screen = !data ? (status === 'error' ? 'error' : 'loading') : holdFirstRun ? 'first-run' : data.phase;
  useAppStateMarker(screen);

  switch (screen) {
    case 'loading':
      return (
        <ScreenFrame name="loading">
          <p className="muted" role="status">
            Opening Social Desk…
          </p>
        </ScreenFrame>
      );
    case 'error':
      return (
        <ScreenFrame name="error">
          <h1>Social Desk couldn&apos;t start</h1>
          {error && <ErrorNotice error={error} onRetry={() => void refreshAppState()} />}
        </ScreenFrame>
      );
    case 'first-run':
      return data && <FirstRunScreen appState={data} />;
    case 'locked':
      return <UnlockScreen />;
    case 'key-recovery':
      return <KeyRecoveryScreen recoveryReason={data?.recoveryReason ?? null} />;
    case 'store-problem':
      return (
        <StoreProblemScreen
          problem={data?.storeProblem ?? { kind: 'unreadable', detail: 'No cause was reported.', dataDir: '', left: [] }}
        />
      );
    case 'ready':
      return <Shell />;
  }
}
