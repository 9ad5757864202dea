import { create } from 'zustand';
import type { AppState, WipeReport } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { toErrorPayload } from '../../lib/error-text';
import { idle, requestGate, type Loadable } from '../../lib/loadable';

interface AppStore extends Loadable<AppState> {
  /** Keeps the first-run screen up while the demo loads, even if the vault already reports `ready`. */
  holdFirstRun: boolean;
  /** The last wipe, shown once on the first-run screen that follows it. */
  lastWipe: WipeReport | null;
  /** Where a damaged database was kept before starting fresh, shown once on the first-run screen. */
  lastSetAside: string | null;
}

const initial = (): AppStore => ({ ...idle<AppState>(), holdFirstRun: false, lastWipe: null, lastSetAside: null });

export const useAppStore = create<AppStore>()(initial);

const gate = requestGate();

export async function refreshAppState(): Promise<void> {
  const isLatest = gate();
  if (!useAppStore.getState().data) useAppStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().app.getState(undefined));
  if (!isLatest()) return;
  if (result.ok) useAppStore.setState({ data: result.data, status: 'ready', error: null });
  else useAppStore.setState({ status: 'error', error: result.error });
}

/** Apply an AppState that a call (vault:create, vault:unlock) returned. */
export function setAppState(state: AppState): void {
  gate();
  useAppStore.setState({ data: state, status: 'ready', error: null });
}

export function setHoldFirstRun(hold: boolean): void {
  useAppStore.setState({ holdFirstRun: hold });
}

export function rememberSetAside(keptAt: string | null): void {
  useAppStore.setState({ lastSetAside: keptAt });
}

export function rememberWipe(report: WipeReport | null): void {
  useAppStore.setState({ lastWipe: report });
}

/** Fetch the phase and follow `app:state-changed`. Returns the unsubscribe. */
export function initApp(): () => void {
  const off = getApi().on('app:state-changed', (state) => setAppState(state));
  void refreshAppState();
  return off;
}

/** Start-up itself failed (e.g. the bridge is missing): show the error screen. */
export function failStartup(thrown: unknown): void {
  useAppStore.setState({ status: 'error', error: toErrorPayload(thrown) });
}

export function resetAppStore(): void {
  gate();
  useAppStore.setState(initial(), true);
}
