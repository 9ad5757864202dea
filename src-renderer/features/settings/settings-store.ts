import { create } from 'zustand';
import type { ErrorPayload, Settings } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, onStoreChanged, requestGate, type Loadable } from '../../lib/loadable';
import { applyTheme } from './theme';

interface SettingsStore extends Loadable<Settings> {
  saving: boolean;
  saveError: ErrorPayload | null;
  savedAt: number | null;
}

const initial = (): SettingsStore => ({ ...idle<Settings>(), saving: false, saveError: null, savedAt: null });

export const useSettingsStore = create<SettingsStore>()(initial);

const gate = requestGate();

export async function loadSettings(): Promise<void> {
  const isLatest = gate();
  useSettingsStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().settings.get(undefined));
  if (!isLatest()) return;
  if (result.ok) useSettingsStore.setState({ data: result.data, status: 'ready', error: null });
  else useSettingsStore.setState({ status: 'error', error: result.error });
}

export async function updateSettings(change: Partial<Settings>): Promise<boolean> {
  const isLatest = gate();
  useSettingsStore.setState({ saving: true, saveError: null });
  const result = await call(() => getApi().settings.update(change));
  if (!isLatest()) return result.ok;
  if (result.ok) {
    useSettingsStore.setState({ data: result.data, status: 'ready', saving: false, savedAt: Date.now() });
  } else {
    useSettingsStore.setState({ saving: false, saveError: result.error });
  }
  return result.ok;
}

/** Follows the theme setting onto <html data-theme> and refetches after a wipe or import. */
export function initSettings(): () => void {
  const offStore = useSettingsStore.subscribe((state, previous) => {
    const theme = state.data?.theme;
    if (theme && theme !== previous.data?.theme) applyTheme(theme);
  });
  const offChanged = onStoreChanged([], () => {
    if (useSettingsStore.getState().status !== 'idle') void loadSettings();
  });
  return () => {
    offStore();
    offChanged();
  };
}

export function resetSettingsStore(): void {
  gate();
  useSettingsStore.setState(initial(), true);
}
