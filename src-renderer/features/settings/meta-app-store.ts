import { create } from 'zustand';
import type { ArgsOf, ErrorPayload, MetaAppConfig, Result } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, requestGate, type Loadable } from '../../lib/loadable';

export type MetaAppPatch = ArgsOf<'settings:setMetaApp'>;

interface MetaAppStore extends Loadable<MetaAppConfig> {
  saving: boolean;
  saveError: ErrorPayload | null;
  /** Counts loads and saves, so the form starts over from what is stored after each. */
  version: number;
  /** When the last save went through, for the "Saved" line. */
  savedAt: number | null;
}

const initial = (): MetaAppStore => ({ ...idle<MetaAppConfig>(), saving: false, saveError: null, version: 0, savedAt: null });

export const useMetaAppStore = create<MetaAppStore>()(initial);

const gate = requestGate();

export async function loadMetaApp(): Promise<void> {
  const isLatest = gate();
  useMetaAppStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().settings.getMetaApp(undefined));
  if (!isLatest()) return;
  if (result.ok) {
    useMetaAppStore.setState((state) => ({ data: result.data, status: 'ready', error: null, version: state.version + 1 }));
  } else {
    useMetaAppStore.setState({ status: 'error', error: result.error });
  }
}

/** Send only what changed; secrets go out once and only "is set" ever comes back. */
export async function saveMetaApp(patch: MetaAppPatch): Promise<Result<MetaAppConfig>> {
  const isLatest = gate();
  useMetaAppStore.setState({ saving: true, saveError: null, savedAt: null });
  const result = await call(() => getApi().settings.setMetaApp(patch));
  if (!isLatest()) return result;
  if (result.ok) {
    useMetaAppStore.setState((state) => ({
      data: result.data,
      status: 'ready',
      saving: false,
      version: state.version + 1,
      savedAt: Date.now(),
    }));
  } else {
    useMetaAppStore.setState({ saving: false, saveError: result.error });
  }
  return result;
}

export function resetMetaAppStore(): void {
  gate();
  useMetaAppStore.setState(initial(), true);
}
