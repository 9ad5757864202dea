import { create } from 'zustand';
import type { ConversationSummary, MessageItem, SearchHit } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, onStoreChanged, requestGate, type Loadable } from '../../lib/loadable';

export const CONVERSATION_PAGE = 30;
export const MESSAGE_PAGE = 50;
export const SEARCH_LIMIT = 20;
export const SEARCH_DEBOUNCE_MS = 250;

export interface ConversationPage {
  items: ConversationSummary[];
  hasMore: boolean;
}

export interface ThreadPage {
  /** Oldest first, so the newest message sits at the bottom. */
  items: MessageItem[];
  hasMore: boolean;
}

export interface ThreadState extends Loadable<ThreadPage> {
  conversationId: number | null;
  loadingOlder: boolean;
  /** The message a search hit pointed at: loaded (older pages too), scrolled to and highlighted. */
  target: { messageId: number; sentAt: number; found: 'searching' | 'found' | 'missing' } | null;
}

export interface SearchState extends Loadable<SearchHit[]> {
  query: string;
}

export interface SelectedConversation {
  id: number;
  personName: string;
}

interface InboxStore extends Loadable<ConversationPage> {
  loadingMore: boolean;
  selected: SelectedConversation | null;
  thread: ThreadState;
  search: SearchState;
}

const emptyThread = (): ThreadState => ({ ...idle<ThreadPage>(), conversationId: null, loadingOlder: false, target: null });
const emptySearch = (): SearchState => ({ ...idle<SearchHit[]>(), query: '' });
const initial = (): InboxStore => ({
  ...idle<ConversationPage>(),
  loadingMore: false,
  selected: null,
  thread: emptyThread(),
  search: emptySearch(),
});

export const useInboxStore = create<InboxStore>()(initial);

const listGate = requestGate();
const threadGate = requestGate();
const searchGate = requestGate();
let searchTimer: ReturnType<typeof setTimeout> | null = null;

function mergeById<T extends { id: number }>(first: T[], second: T[]): T[] {
  const seen = new Set(first.map((item) => item.id));
  return [...first, ...second.filter((item) => !seen.has(item.id))];
}

function patchThread(patch: Partial<ThreadState>): void {
  useInboxStore.setState((state) => ({ thread: { ...state.thread, ...patch } }));
}

/** First page of conversations, newest first; a refetch keeps as many as were already shown. */
export async function loadConversations(): Promise<void> {
  const isLatest = listGate();
  const shown = useInboxStore.getState().data?.items.length ?? 0;
  const limit = Math.max(CONVERSATION_PAGE, shown);
  useInboxStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().inbox.listConversations({ accountId: null, limit, before: null }));
  if (!isLatest()) return;
  if (result.ok) {
    useInboxStore.setState({ data: { items: result.data, hasMore: result.data.length === limit }, status: 'ready' });
  } else {
    useInboxStore.setState({ status: 'error', error: result.error });
  }
}

export async function loadMoreConversations(): Promise<void> {
  const { data, loadingMore } = useInboxStore.getState();
  const before = data?.items.at(-1)?.lastMessageAt ?? null;
  if (!data || loadingMore || before === null) return;
  const isLatest = listGate();
  useInboxStore.setState({ loadingMore: true, error: null });
  const result = await call(() =>
    getApi().inbox.listConversations({ accountId: null, limit: CONVERSATION_PAGE, before }),
  );
  if (!isLatest()) return;
  if (result.ok) {
    const items = mergeById(data.items, result.data);
    useInboxStore.setState({ data: { items, hasMore: result.data.length === CONVERSATION_PAGE }, loadingMore: false });
  } else {
    useInboxStore.setState({ loadingMore: false, error: result.error });
  }
}

export function openConversation(conversation: SelectedConversation): void {
  useInboxStore.setState({ selected: conversation, thread: { ...emptyThread(), conversationId: conversation.id } });
  void loadThread();
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
    selected: { id: conversationId, personName: hit.personName },
    thread: { ...emptyThread(), conversationId, target: { messageId, sentAt, found: 'searching' } },
  });
  await loadThread();
  for (let page = 0; ; page += 1) {
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

function patchTarget(found: 'found' | 'missing'): void {
  const { target } = useInboxStore.getState().thread;
  if (target) patchThread({ target: { ...target, found } });
}

export function closeConversation(): void {
  threadGate();
  useInboxStore.setState({ selected: null, thread: emptyThread() });
}

/** Newest messages of the open conversation; a refetch keeps as many as were already shown. */
export async function loadThread(): Promise<void> {
  const { thread } = useInboxStore.getState();
  const conversationId = thread.conversationId;
  if (conversationId === null) return;
  const isLatest = threadGate();
  const limit = Math.max(MESSAGE_PAGE, thread.data?.items.length ?? 0);
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
  if (conversationId === null || !data || loadingOlder || before === null) return;
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

async function runSearch(query: string): Promise<void> {
  const isLatest = searchGate();
  useInboxStore.setState((state) => ({ search: { ...state.search, status: 'loading', error: null } }));
  const result = await call(() => getApi().inbox.search({ query, limit: SEARCH_LIMIT }));
  if (!isLatest()) return;
  useInboxStore.setState((state) => ({
    search: result.ok
      ? { ...state.search, data: result.data, status: 'ready', error: null }
      : { ...state.search, status: 'error', error: result.error },
  }));
}

/** Debounced full-text search; an empty query clears the results at once. */
export function searchMessages(query: string): void {
  if (searchTimer) clearTimeout(searchTimer);
  searchTimer = null;
  const trimmed = query.trim();
  if (!trimmed) {
    searchGate();
    useInboxStore.setState({ search: { ...emptySearch(), query } });
    return;
  }
  useInboxStore.setState((state) => ({ search: { ...state.search, query } }));
  searchTimer = setTimeout(() => void runSearch(trimmed), SEARCH_DEBOUNCE_MS);
}

export function initInbox(): () => void {
  return onStoreChanged(['messages', 'accounts'], () => {
    const { status, thread, search } = useInboxStore.getState();
    if (status !== 'idle') void loadConversations();
    if (thread.conversationId !== null) void loadThread();
    if (search.query.trim()) void runSearch(search.query.trim());
  });
}

export function resetInboxStore(): void {
  if (searchTimer) clearTimeout(searchTimer);
  searchTimer = null;
  listGate();
  threadGate();
  searchGate();
  useInboxStore.setState(initial(), true);
}
