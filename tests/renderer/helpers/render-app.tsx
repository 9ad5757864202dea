import { cleanup, render } from '@testing-library/react';
import { setApiForTests } from '../../../src-renderer/api';
import { App } from '../../../src-renderer/app';
import { resetAppStore } from '../../../src-renderer/features/app/app-store';
import { initSession, resetFeatureStores } from '../../../src-renderer/features/app/session';
import { navigate } from '../../../src-renderer/features/shell/nav-store';
import { resetSyncStore } from '../../../src-renderer/features/sync/sync-store';
import { createFakeApi, type FakeApi, type Handlers } from './fake-api';

let stopSession: (() => void) | null = null;

/** Render the whole app against a fake bridge, started exactly as main.tsx starts it. */
export function renderApp(handlers: Handlers = {}): FakeApi & { view: ReturnType<typeof render> } {
  const fake = createFakeApi(handlers);
  setApiForTests(fake.api);
  document.documentElement.dataset.appState = 'loading';
  stopSession = initSession();
  const view = render(<App />);
  return { ...fake, view };
}

/** Undo everything renderApp did; call from afterEach (vitest globals are off, so no auto-cleanup). */
export function teardownApp(): void {
  cleanup();
  stopSession?.();
  stopSession = null;
  resetAppStore();
  resetFeatureStores();
  resetSyncStore();
  navigate('analytics');
  setApiForTests(null);
  delete document.documentElement.dataset.appState;
}
