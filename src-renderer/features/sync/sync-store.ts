import { create } from 'zustand';
import type { Events } from '../../../src-preload/contract';
import { getApi } from '../../api';

export type SyncProgress = Events['sync:progress'];

interface SyncStore {
  progress: SyncProgress | null;
}

export const useSyncStore = create<SyncStore>()(() => ({ progress: null }));

/** How long a finished bar stays visible so people see it completed. */
const LINGER_MS = 1500;
let clearTimer: ReturnType<typeof setTimeout> | null = null;

function onProgress(progress: SyncProgress): void {
  if (clearTimer) clearTimeout(clearTimer);
  clearTimer = null;
  useSyncStore.setState({ progress });
  if (progress.total > 0 && progress.done >= progress.total) {
    clearTimer = setTimeout(() => useSyncStore.setState({ progress: null }), LINGER_MS);
  }
}

export function initSync(): () => void {
  const off = getApi().on('sync:progress', onProgress);
  return () => {
    off();
    if (clearTimer) clearTimeout(clearTimer);
    clearTimer = null;
  };
}

export function resetSyncStore(): void {
  if (clearTimer) clearTimeout(clearTimer);
  clearTimer = null;
  useSyncStore.setState({ progress: null }, true);
}
