import { create } from 'zustand';
import type { ErrorPayload, OutboxItem, ThreadOutbox } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, onStoreChanged, requestGate, type Loadable } from '../../lib/loadable';

/** The answering side of one open thread: Meta's window, its outbox items, and the send in flight. */
interface OutboxStore extends Loadable<ThreadOutbox> {
  conversationId: number | null;
  sending: boolean;
  /** Why the last send was refused or could not be written (the window, empty text…). */
  sendError: ErrorPayload | null;
}

const initial = (): OutboxStore => ({ ...idle<ThreadOutbox>(), conversationId: null, sending: false, sendError: null });

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

/** Refetch the open thread's outbox when the main process reports a change. */
export function initOutbox(): () => void {
  return onStoreChanged(['outbox', 'messages'], () => {
    const { conversationId } = useOutboxStore.getState();
    if (conversationId !== null) void loadThreadOutbox(conversationId);
  });
}

export function resetOutboxStore(): void {
  gate();
  useOutboxStore.setState(initial(), true);
}
