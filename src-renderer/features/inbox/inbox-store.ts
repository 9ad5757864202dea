import { create } from 'zustand';
import type {
  ConversationFilter,
  ConversationSummary,
  ErrorPayload,
  InboxBadge,
  InboxCounts,
  MessageItem,
  SearchHit,
  SearchQuery,
} from '../../../src-preload/contract';
import { ALL_CONVERSATIONS } from '../../../src-preload/contract';
import { idle, type Loadable } from '../../lib/loadable';

/** Rows fetched per request of the virtualized list. */
export const LIST_PAGE = 100;
export const MESSAGE_PAGE = 50;
export const SEARCH_PAGE = 50;
export const SEARCH_DEBOUNCE_MS = 250;

export const NO_FILTER: ConversationFilter = { ...ALL_CONVERSATIONS };

export interface ListState {
  filter: ConversationFilter;
  /** Conversations matching the filter; null before the first answer. */
  total: number | null;
  /** Loaded rows by page number (row index / LIST_PAGE); the rest are fetched as they scroll into view. */
  pages: Record<number, ConversationSummary[]>;
  loading: number[];
  status: Loadable<unknown>['status'];
  error: ErrorPayload | null;
  /** The keyboard cursor: the row Enter opens. */
  activeIndex: number;
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
  filters: Pick<SearchQuery, 'accountId' | 'platform' | 'from' | 'to'>;
  total: number | null;
  loadingMore: boolean;
}

export interface InboxState {
  tab: 'messages' | 'comments';
  list: ListState;
  counts: InboxCounts | null;
  /** The open conversation's header (account, channel, window, triage), read on its own so search hits have it too. */
  selected: { id: number; summary: ConversationSummary | null; error: ErrorPayload | null } | null;
  thread: ThreadState;
  search: SearchState;
  badge: InboxBadge | null;
}

export const emptyList = (filter: ConversationFilter = NO_FILTER): ListState => ({
  filter,
  total: null,
  pages: {},
  loading: [],
  status: 'idle',
  error: null,
  activeIndex: 0,
});
export const emptyThread = (): ThreadState => ({ ...idle<ThreadPage>(), conversationId: null, loadingOlder: false, target: null });
export const emptySearch = (): SearchState => ({
  ...idle<SearchHit[]>(),
  query: '',
  filters: { accountId: null, platform: null, from: null, to: null },
  total: null,
  loadingMore: false,
});
const initial = (): InboxState => ({
  tab: 'messages',
  list: emptyList(),
  counts: null,
  selected: null,
  thread: emptyThread(),
  search: emptySearch(),
  badge: null,
});

/** The Inbox feature's one store; actions live in list-actions, thread-actions and search-actions. */
export const useInboxStore = create<InboxState>()(initial);

export function patchList(patch: Partial<ListState> | ((list: ListState) => Partial<ListState>)): void {
  useInboxStore.setState((state) => ({ list: { ...state.list, ...(typeof patch === 'function' ? patch(state.list) : patch) } }));
}

export function patchThread(patch: Partial<ThreadState>): void {
  useInboxStore.setState((state) => ({ thread: { ...state.thread, ...patch } }));
}

export function patchSearch(patch: Partial<SearchState>): void {
  useInboxStore.setState((state) => ({ search: { ...state.search, ...patch } }));
}

export function rowAt(list: ListState, index: number): ConversationSummary | undefined {
  return list.pages[Math.floor(index / LIST_PAGE)]?.[index % LIST_PAGE];
}

export function setTab(tab: InboxState['tab']): void {
  useInboxStore.setState({ tab });
}

export function resetInboxState(): void {
  useInboxStore.setState(initial(), true);
}
