import type { SearchHit } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { requestGate } from '../../lib/loadable';
import { MESSAGE_PAGE, emptyThread, patchThread, useInboxStore } from './inbox-store';

const threadGate = requestGate();
const headerGate = requestGate();

function mergeById<T extends { id: number }>(first: T[], second: T[]): T[] {
  const seen = new Set(first.map((item) => item.id));
  return [...first, ...second.filter((item) => !seen.has(item.id))];
}

/** The header (account, channel, window, triage), read for the conversation itself, wherever it was opened from. */
export async function loadHeader(): Promise<void> {
  const selected = useInboxStore.getState().selected;
  if (!selected) return;
  const isLatest = headerGate();
  const result = await call(() => getApi().inbox.getConversation({ conversationId: selected.id }));
  if (!isLatest() || useInboxStore.getState().selected?.id !== selected.id) return;
  useInboxStore.setState({
    selected: result.ok ? { id: selected.id, summary: result.data, error: null } : { ...selected, error: result.error },
  });
}

/** Opening a conversation marks it read (locally). */
async function markOpenedRead(conversationId: number): Promise<void> {
  const result = await call(() => getApi().inbox.markRead({ conversationId, read: true }));
  if (result.ok && useInboxStore.getState().selected?.id === conversationId) {
    useInboxStore.setState({ selected: { id: conversationId, summary: result.data, error: null } });
  }
}

export function openConversation(conversationId: number): void {
  useInboxStore.setState({ selected: { id: conversationId, summary: null, error: null }, thread: { ...emptyThread(), conversationId } });
  void loadHeader();
  void loadThread();
  void markOpenedRead(conversationId);
}

/** Most older pages walked to reach a search hit (at 50 a page, 2,000 messages back). */
export const MAX_PAGES_TO_HIT = 40;

/**
 * Open a search hit's conversation at that message: load the newest page, then older pages until
 * the message is there (the contract pages by `before`), so the thread can scroll to it and mark it.
 */
export async function openSearchHit(hit: SearchHit): Promise<void> {
  const { conversationId, messageId, sentAt } = hit;
  useInboxStore.setState({
    selected: { id: conversationId, summary: null, error: null },
    thread: { ...emptyThread(), conversationId, target: { messageId, sentAt, found: 'searching' } },
  });
  void loadHeader();
  void markOpenedRead(conversationId);
  await loadThread();
  for (let page = 0; ; page += 1) {
    // A refetch (the store changed meanwhile) may have replaced the request awaited above.
    await threadSettled();
    const { thread } = useInboxStore.getState();
    // Another conversation or hit was opened meanwhile: that one is in charge now.
    if (thread.conversationId !== conversationId || thread.target?.messageId !== messageId) return;
    const items = thread.data?.items ?? [];
    if (items.some((message) => message.id === messageId)) return patchTarget('found');
    const oldest = items[0]?.sentAt ?? null;
    const older = thread.data?.hasMore && oldest !== null && oldest >= sentAt;
    if (!older || thread.error || page >= MAX_PAGES_TO_HIT) return patchTarget('missing');
    await loadOlderMessages();
  }
}

/** Resolves once no thread request is running (the newest answer, whichever request it was, is in). */
function threadSettled(): Promise<void> {
  const settled = () => {
    const { thread } = useInboxStore.getState();
    return thread.status !== 'loading' && !thread.loadingOlder;
  };
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useInboxStore.subscribe(() => {
      if (!settled()) return;
      stop();
      resolve();
    });
  });
}

function patchTarget(found: 'found' | 'missing'): void {
  const { target } = useInboxStore.getState().thread;
  if (target) patchThread({ target: { ...target, found } });
}

export function closeConversation(): void {
  threadGate();
  headerGate();
  useInboxStore.setState({ selected: null, thread: emptyThread() });
}

/** Newest messages of the open conversation; a refetch keeps as many as were already shown. */
export async function loadThread(): Promise<void> {
  const { thread } = useInboxStore.getState();
  const conversationId = thread.conversationId;
  if (conversationId === null) return;
  const isLatest = threadGate();
  const limit = Math.min(500, Math.max(MESSAGE_PAGE, thread.data?.items.length ?? 0));
  patchThread({ status: 'loading', error: null });
  const result = await call(() => getApi().inbox.getMessages({ conversationId, limit, before: null }));
  if (!isLatest()) return;
  if (result.ok) {
    const items = [...result.data].reverse();
    // loadingOlder too: this answer replaced an older-page request that was still running.
    patchThread({ data: { items, hasMore: result.data.length === limit }, status: 'ready', loadingOlder: false });
  } else {
    patchThread({ status: 'error', error: result.error, loadingOlder: false });
  }
}

export async function loadOlderMessages(): Promise<void> {
  const { thread } = useInboxStore.getState();
  const { conversationId, data, loadingOlder } = thread;
  const before = data?.items[0]?.sentAt ?? null;
  if (conversationId === null || !data || !data.hasMore || loadingOlder || before === null) return;
  const isLatest = threadGate();
  patchThread({ loadingOlder: true, error: null });
  const result = await call(() => getApi().inbox.getMessages({ conversationId, limit: MESSAGE_PAGE, before }));
  if (!isLatest()) return;
  if (result.ok) {
    const items = mergeById([...result.data].reverse(), data.items);
    patchThread({ data: { items, hasMore: result.data.length === MESSAGE_PAGE }, loadingOlder: false });
  } else {
    patchThread({ loadingOlder: false, error: result.error });
  }
}

export function forgetThreadRequests(): void {
  threadGate();
  headerGate();
}
