import { create } from 'zustand';
import type { ErrorPayload, RelayStatusView, Result } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, requestGate, type Loadable } from '../../lib/loadable';

interface RelayStore extends Loadable<RelayStatusView> {
  busy: boolean;
  actionError: ErrorPayload | null;
  /** Counts relay:status events, so an answer that left main before a newer event does not undo it. */
  eventCount: number;
}

const initial = (): RelayStore => ({ ...idle<RelayStatusView>(), busy: false, actionError: null, eventCount: 0 });

export const useRelayStore = create<RelayStore>()(initial);

const gate = requestGate();

export async function loadRelayStatus(): Promise<void> {
  const isLatest = gate();
  useRelayStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().relay.getStatus(undefined));
  if (!isLatest()) return;
  useRelayStore.setState(result.ok ? { data: result.data, status: 'ready', error: null } : { status: 'error', error: result.error });
}

async function act(run: () => Promise<Result<RelayStatusView>>): Promise<boolean> {
  const isLatest = gate();
  const eventsBefore = useRelayStore.getState().eventCount;
  useRelayStore.setState({ busy: true, actionError: null });
  const result = await call(run);
  if (!isLatest()) return result.ok;
  if (!result.ok) useRelayStore.setState({ busy: false, actionError: result.error });
  else if (useRelayStore.getState().eventCount !== eventsBefore) useRelayStore.setState({ status: 'ready', busy: false });
  else useRelayStore.setState({ data: result.data, status: 'ready', busy: false });
  return result.ok;
}

export const pairRelay = (url: string, code: string) => act(() => getApi().relay.pair({ url, code }));
export const unpairRelay = () => act(() => getApi().relay.unpair({ confirm: 'UNPAIR' }));

/** Follows the main process's `relay:status` events. Called from initSession. */
export function initRelay(): () => void {
  return getApi().on('relay:status', (status) => useRelayStore.setState((state) => ({ data: status, status: 'ready', error: null, eventCount: state.eventCount + 1 })));
}

export function resetRelayStore(): void {
  gate();
  useRelayStore.setState(initial(), true);
}
