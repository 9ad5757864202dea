import { create } from 'zustand';
import type { ErrorPayload, Events, SyncStatus } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, requestGate, type Loadable } from '../../lib/loadable';
import { useAppStore } from '../app/app-store';

export type SyncProgress = Events['sync:progress'];

/** What `sync:run` was asked for: one account id, or `all`. */
export type SyncTarget = number | 'all';

interface SyncStore extends Loadable<SyncStatus> {
  /** The newest progress event (sync or demo load), for the progress bars. */
  progress: SyncProgress | null;
  /** The newest progress event per account, while that account syncs. */
  byAccount: Record<number, SyncProgress>;
  /** `sync:run` calls still waiting for their answer. */
  requested: SyncTarget[];
  /** The last failed `sync:run`, with what it was for. */
  runError: { target: SyncTarget; error: ErrorPayload } | null;
}

const initial = (): SyncStore => ({ ...idle<SyncStatus>(), progress: null, byAccount: {}, requested: [], runError: null });

export const useSyncStore = create<SyncStore>()(initial);

/** How long a finished bar stays visible so people see it completed. */
const LINGER_MS = 1500;
let clearTimer: ReturnType<typeof setTimeout> | null = null;
const gate = requestGate();

function stopTimer(): void {
  if (clearTimer) clearTimeout(clearTimer);
  clearTimer = null;
}

function clearProgressSoon(): void {
  stopTimer();
  clearTimer = setTimeout(() => useSyncStore.setState({ progress: null }), LINGER_MS);
}

function onProgress(progress: SyncProgress): void {
  stopTimer();
  const { byAccount } = useSyncStore.getState();
  useSyncStore.setState({
    progress,
    byAccount: progress.accountId === null ? byAccount : { ...byAccount, [progress.accountId]: progress },
  });
  if (progress.total > 0 && progress.done >= progress.total) clearProgressSoon();
}

/** A status push (or answer): drop progress of accounts that stopped; end the bar when nothing runs. */
function applyStatus(status: SyncStatus): void {
  gate();
  const running = new Set(status.accounts.filter((account) => account.running).map((account) => account.accountId));
  const { byAccount, progress } = useSyncStore.getState();
  const kept = Object.fromEntries(Object.entries(byAccount).filter(([id]) => running.has(Number(id))));
  useSyncStore.setState({ data: status, status: 'ready', error: null, byAccount: kept });
  // Sync progress often has no total (pages of posts), so "done" is only known from the status.
  if (progress && progress.accountId !== null && running.size === 0) clearProgressSoon();
}

export async function loadSyncStatus(): Promise<void> {
  const isLatest = gate();
  if (!useSyncStore.getState().data) useSyncStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().sync.getStatus(undefined));
  if (!isLatest()) return;
  if (result.ok) applyStatus(result.data);
  else useSyncStore.setState({ status: 'error', error: result.error });
}

/** Sync one account now, or all of them. Resolves when the main process has finished the run. */
export async function runSync(target: SyncTarget): Promise<void> {
  const { requested } = useSyncStore.getState();
  if (requested.includes(target)) return;
  useSyncStore.setState({ requested: [...requested, target], runError: null });
  const result = await call(() => getApi().sync.run({ accountId: target === 'all' ? null : target }));
  useSyncStore.setState((state) => ({
    requested: state.requested.filter((item) => item !== target),
    runError: result.ok ? state.runError : { target, error: result.error },
  }));
  void loadSyncStatus();
}

export function dismissRunError(): void {
  useSyncStore.setState({ runError: null });
}

/** Follows `sync:progress` and `sync:status`; forgets the status when the workspace closes. */
export function initSync(): () => void {
  const api = getApi();
  const offProgress = api.on('sync:progress', onProgress);
  const offStatus = api.on('sync:status', applyStatus);
  const offPhase = useAppStore.subscribe((state, previous) => {
    if (previous.data?.phase === 'ready' && state.data?.phase !== 'ready') resetSyncStore();
  });
  return () => {
    offProgress();
    offStatus();
    offPhase();
    stopTimer();
  };
}

export function resetSyncStore(): void {
  stopTimer();
  gate();
  useSyncStore.setState(initial(), true);
}
