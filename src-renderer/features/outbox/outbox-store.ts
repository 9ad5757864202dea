import { create } from 'zustand';
import type { ErrorPayload, OutboxItem, ThreadOutbox } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, onStoreChanged, requestGate, type Loadable } from '../../lib/loadable';

/**
 * The answering side: one open thread (Meta's window, its outbox items, the send in flight) and
 * the whole outbox as the Outbox screen lists it (what waits or failed first, then the newest sent).
 */
interface OutboxStore extends Loadable<ThreadOutbox> {
  conversationId: number | null;
  sending: boolean;
  /** Why the last send was refused or could not be written (the window, empty text…). */
  sendError: ErrorPayload | null;
  all: Loadable<OutboxItem[]>;
  /** An item retried or discarded from the Outbox screen, while its call runs. */
  busyItem: number | 'all' | null;
  /** Why the last retry or discard from the Outbox screen failed. */
  allActionError: ErrorPayload | null;
}

const initial = (): OutboxStore => ({ ...idle<ThreadOutbox>(), conversationId: null, sending: false, sendError: null, all: idle(), busyItem: null, allActionError: null });

/** How many items the Outbox screen lists (everything unsent comes first). */
export const OUTBOX_LIST_LIMIT = 200;
const listGate = requestGate();

/** Loads (or reloads) the whole outbox for the Outbox screen. */
export async function loadOutboxList(): Promise<void> {
  const isCurrent = listGate();
  useOutboxStore.setState((s) => ({ all: { ...s.all, status: 'loading' } }));
  const result = await call(() => getApi().outbox.list({ limit: OUTBOX_LIST_LIMIT }));
  if (!isCurrent()) return;
  useOutboxStore.setState({ all: result.ok ? { data: result.data, status: 'ready', error: null } : { data: useOutboxStore.getState().all.data, status: 'error', error: result.error } });
}

/** Retry (one item, or every waiting and failed one) or discard from the Outbox screen. */
export async function actOnOutbox(action: 'retry' | 'discard', id: number | null): Promise<void> {
  useOutboxStore.setState({ busyItem: id ?? 'all', allActionError: null });
  const result = action === 'retry' ? await call(() => getApi().outbox.retry({ id })) : await call(() => getApi().outbox.discard({ id: id ?? 0, confirm: 'DISCARD' }));
  useOutboxStore.setState({ busyItem: null, allActionError: result.ok ? null : result.error });
  await loadOutboxList();
}

/** Items that need someone: failed, or waiting with a reason (offline, rate limited, reconnect…). */
export function needsAttention(items: readonly OutboxItem[]): number {
  return items.filter((i) => i.state === 'failed' || (i.state === 'queued' && i.reasonCode !== null)).length;
}

export const useOutboxStore = create<OutboxStore>()(initial);
const gate = requestGate();

/** Loads (or reloads) the window and outbox items of a thread. */
export async function loadThreadOutbox(conversationId: number): Promise<void> {
  const isCurrent = gate();
  const switching = useOutboxStore.getState().conversationId !== conversationId;
  useOutboxStore.setState(switching ? { ...initial(), conversationId, status: 'loading' } : { status: 'loading' });
  const result = await call(() => getApi().outbox.forThread({ conversationId }));
  if (!isCurrent()) return;
  if (result.ok) useOutboxStore.setState({ data: result.data, status: 'ready', error: null });
  else useOutboxStore.setState({ status: 'error', error: result.error });
}

/** Sends a reply through the outbox; resolves true when it was accepted into the outbox. */
export async function sendReply(text: string): Promise<boolean> {
  const { conversationId, sending } = useOutboxStore.getState();
  if (conversationId === null || sending) return false;
  useOutboxStore.setState({ sending: true, sendError: null });
  const result = await call(() => getApi().outbox.send({ conversationId, text }));
  useOutboxStore.setState({ sending: false, sendError: result.ok ? null : result.error });
  await loadThreadOutbox(conversationId);
  return result.ok;
}

export async function retryOutboxItem(id: number): Promise<void> {
  const result = await call(() => getApi().outbox.retry({ id }));
  if (!result.ok) useOutboxStore.setState({ sendError: result.error });
  const { conversationId } = useOutboxStore.getState();
  if (conversationId !== null) await loadThreadOutbox(conversationId);
}

export async function discardOutboxItem(id: number): Promise<void> {
  const result = await call(() => getApi().outbox.discard({ id, confirm: 'DISCARD' }));
  if (!result.ok) useOutboxStore.setState({ sendError: result.error });
  const { conversationId } = useOutboxStore.getState();
  if (conversationId !== null) await loadThreadOutbox(conversationId);
}

export function clearSendError(): void {
  useOutboxStore.setState({ sendError: null });
}

/** The items the composer lists: what is not sent yet (sent replies show in the thread itself). */
export function visibleItems(items: readonly OutboxItem[]): OutboxItem[] {
  return items.filter((i) => i.state !== 'sent');
}

/** When the computer is back online, what waits only for the connection goes now, not at its next try. */
export async function sendWaitingForNetwork(): Promise<void> {
  await loadOutboxList();
  const waiting = (useOutboxStore.getState().all.data ?? []).filter((i) => i.state === 'queued' && i.reasonCode === 'offline');
  for (const item of waiting) await call(() => getApi().outbox.retry({ id: item.id }));
}

/** Refetch the open thread's outbox when the main process reports a change; send on reconnection. */
export function initOutbox(): () => void {
  const stopChanged = onStoreChanged(['outbox', 'messages'], () => {
    const { conversationId, all } = useOutboxStore.getState();
    if (conversationId !== null) void loadThreadOutbox(conversationId);
    if (all.status !== 'idle') void loadOutboxList();
  });
  const online = () => void sendWaitingForNetwork();
  window.addEventListener('online', online);
  return () => {
    stopChanged();
    window.removeEventListener('online', online);
  };
}

export function resetOutboxStore(): void {
  gate();
  listGate();
  useOutboxStore.setState(initial(), true);
}
