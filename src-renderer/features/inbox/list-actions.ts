import type { ConversationFilter } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { requestGate } from '../../lib/loadable';
import { LIST_PAGE, emptyList, patchList, rowAt, useInboxStore, type ListState } from './inbox-store';

/** Bumped whenever the filter changes, so a page answer for the old filter is dropped. */
let listVersion = 0;
const countsGate = requestGate();
const badgeGate = requestGate();

async function fetchPage(page: number, version: number): Promise<void> {
  const { filter } = useInboxStore.getState().list;
  patchList((list) => ({ loading: [...list.loading, page], error: null }));
  const result = await call(() => getApi().inbox.queryConversations({ filter, offset: page * LIST_PAGE, limit: LIST_PAGE }));
  if (version !== listVersion) return;
  patchList((list) => {
    const loading = list.loading.filter((p) => p !== page);
    if (!result.ok) return { loading, status: 'error', error: result.error };
    const pages = { ...list.pages, [page]: result.data.items };
    // The total moved (new conversations, a filter answer changed): pages past it are stale.
    for (const key of Object.keys(pages)) if (Number(key) * LIST_PAGE >= result.data.total && Number(key) !== 0) delete pages[Number(key)];
    return { loading, pages, total: result.data.total, status: 'ready', activeIndex: followCursor(list, pages) };
  });
}

/**
 * Where the keyboard cursor goes when rows are re-read: with the conversation it was on, if that
 * one is still loaded (a reply or a new message moves a thread to the top, and Enter must not
 * then open a different one); otherwise it stays at its place.
 */
function followCursor(list: ListState, pages: ListState['pages']): number {
  const id = rowAt(list, list.activeIndex)?.id;
  if (id === undefined) return list.activeIndex;
  for (const [page, rows] of Object.entries(pages)) {
    const at = rows.findIndex((row) => row.id === id);
    if (at >= 0) return Number(page) * LIST_PAGE + at;
  }
  return list.activeIndex;
}

/** Loads the pages holding rows `start`..`end` (what the virtualized list shows) that are not loaded yet. */
export function ensureRows(start: number, end: number): void {
  const { list } = useInboxStore.getState();
  const first = Math.max(0, Math.floor(start / LIST_PAGE));
  const last = Math.max(first, Math.floor(Math.max(start, end) / LIST_PAGE));
  for (let page = first; page <= last; page += 1) {
    if (list.pages[page] || list.loading.includes(page)) continue;
    if (list.total !== null && page * LIST_PAGE >= list.total && page > 0) continue;
    void fetchPage(page, listVersion);
  }
}

/** First page and the counts; call when the Inbox shows. */
export function loadConversations(): void {
  if (useInboxStore.getState().list.status === 'idle') patchList({ status: 'loading' });
  ensureRows(0, 0);
  void loadCounts();
}

/** Re-reads the loaded pages in place (no flash of empty rows) after the store changed. */
export function refreshConversations(): void {
  const { list } = useInboxStore.getState();
  const loaded = Object.keys(list.pages).map(Number);
  for (const page of loaded.length > 0 ? loaded : [0]) void fetchPage(page, listVersion);
  void loadCounts();
}

export function setFilter(patch: Partial<ConversationFilter>): void {
  listVersion += 1;
  const filter = { ...useInboxStore.getState().list.filter, ...patch };
  useInboxStore.setState({ list: { ...emptyList(filter), status: 'loading' } });
  ensureRows(0, 0);
}

export async function loadCounts(): Promise<void> {
  const isLatest = countsGate();
  const result = await call(() => getApi().inbox.getCounts(undefined));
  if (isLatest() && result.ok) useInboxStore.setState({ counts: result.data });
}

export async function loadBadge(): Promise<void> {
  const isLatest = badgeGate();
  const result = await call(() => getApi().inbox.getBadge(undefined));
  if (isLatest() && result.ok) useInboxStore.setState({ badge: result.data });
}

/** Moves the keyboard cursor by `delta` rows (clamped), or to `to` when given. */
export function moveActive(delta: number, to?: number): number {
  const { list } = useInboxStore.getState();
  const max = Math.max(0, (list.total ?? 0) - 1);
  const next = Math.min(max, Math.max(0, to ?? list.activeIndex + delta));
  patchList({ activeIndex: next });
  return next;
}

export function forgetListRequests(): void {
  listVersion += 1;
  countsGate();
  badgeGate();
}
