import type { SearchQuery } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { requestGate } from '../../lib/loadable';
import { SEARCH_DEBOUNCE_MS, SEARCH_PAGE, emptySearch, patchSearch, useInboxStore } from './inbox-store';

const searchGate = requestGate();
let searchTimer: ReturnType<typeof setTimeout> | null = null;

function queryFor(offset: number): SearchQuery {
  const { query, filters } = useInboxStore.getState().search;
  // Only the first page counts every hit; the next pages keep its total.
  return { query: query.trim(), ...filters, offset, limit: SEARCH_PAGE, withTotal: offset === 0 };
}

/** The first page of hits (with the total) for the current words and filters. */
export async function runSearch(): Promise<void> {
  const request = queryFor(0);
  if (!request.query) return;
  const isLatest = searchGate();
  patchSearch({ status: 'loading', error: null });
  const result = await call(() => getApi().inbox.searchMessages(request));
  if (!isLatest()) return;
  patchSearch(
    result.ok
      ? { data: result.data.hits, total: result.data.total, status: 'ready', error: null, loadingMore: false }
      : { status: 'error', error: result.error, loadingMore: false },
  );
}

/** The next page of hits, appended. */
export async function loadMoreHits(): Promise<void> {
  const { data, total, loadingMore } = useInboxStore.getState().search;
  if (!data || loadingMore || total === null || data.length >= total) return;
  const isLatest = searchGate();
  patchSearch({ loadingMore: true, error: null });
  const result = await call(() => getApi().inbox.searchMessages(queryFor(data.length)));
  if (!isLatest()) return;
  patchSearch(
    result.ok
      ? { data: [...data, ...result.data.hits], total: result.data.total ?? total, loadingMore: false }
      : { error: result.error, loadingMore: false },
  );
}

function schedule(): void {
  if (searchTimer) clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void runSearch(), SEARCH_DEBOUNCE_MS);
}

/** Debounced full-text search; an empty query clears the results at once. */
export function searchMessages(query: string): void {
  if (searchTimer) clearTimeout(searchTimer);
  searchTimer = null;
  if (!query.trim()) {
    searchGate();
    const { filters } = useInboxStore.getState().search;
    useInboxStore.setState({ search: { ...emptySearch(), filters, query } });
    return;
  }
  patchSearch({ query });
  schedule();
}

export function setSearchFilters(patch: Partial<SearchQuery>): void {
  const { filters } = useInboxStore.getState().search;
  const next = { ...filters, ...patch };
  patchSearch({ filters: next });
  // A start after the end is pointed out next to the dates; asking main would only be refused.
  const validRange = next.from === null || next.to === null || next.from <= next.to;
  if (useInboxStore.getState().search.query.trim() && validRange) schedule();
}

export function forgetSearchRequests(): void {
  if (searchTimer) clearTimeout(searchTimer);
  searchTimer = null;
  searchGate();
}
