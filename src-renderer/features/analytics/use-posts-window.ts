import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorPayload, PostRow, PostsQuery } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { useAnalyticsStore } from './analytics-store';

/** Rows per request: a few screens of the table, so a steady scroll asks about once a screenful or two. */
export const WINDOW_ROWS = 100;

interface Windows {
  /** The query (with the data revision) these rows answer. */
  key: string | null;
  total: number | null;
  rows: Map<number, PostRow>;
  timeZone: string | null;
  dataAsOf: number | null;
  error: ErrorPayload | null;
}

const EMPTY: Windows = { key: null, total: null, rows: new Map(), timeZone: null, dataAsOf: null, error: null };

/**
 * The posts table's rows, read from main a window at a time (main filters, sorts and pages; the
 * renderer never holds every post). The rows of the previous query stay on screen until the first
 * window of a new one arrives; answers to superseded queries are dropped.
 */
export function usePostsWindow(query: PostsQuery) {
  const revision = useAnalyticsStore((s) => s.revision);
  const [reloads, setReloads] = useState(0);
  const key = `${JSON.stringify(query)}#${revision}#${reloads}`;
  const [state, setState] = useState<Windows>(EMPTY);
  const current = useRef({ key, query, asked: new Set<number>() });

  const ask = useCallback((page: number) => {
    const request = current.current;
    if (request.asked.has(page)) return;
    request.asked.add(page);
    void call(() => getApi().analytics.listPosts({ ...request.query, offset: page * WINDOW_ROWS, limit: WINDOW_ROWS })).then((result) => {
      if (current.current !== request) return;
      if (!result.ok) {
        request.asked.delete(page);
        setState((s) => ({ ...s, error: result.error }));
        return;
      }
      const { posts, total, offset, timeZone, dataAsOf } = result.data;
      setState((s) => {
        const rows = new Map(s.key === request.key ? s.rows : []);
        posts.forEach((post, i) => rows.set(offset + i, post));
        return { key: request.key, total: total ?? posts.length, rows, timeZone, dataAsOf, error: null };
      });
    });
  }, []);

  useEffect(() => {
    current.current = { key, query, asked: new Set() };
    ask(0);
    // `query` is part of `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ask]);

  /** Makes sure the rows from `first` to `last` (indexes in the sorted list) are asked for. */
  const ensure = useCallback((first: number, last: number) => {
    for (let page = Math.floor(first / WINDOW_ROWS); page <= Math.floor(last / WINDOW_ROWS); page++) ask(page);
  }, [ask]);

  return {
    total: state.total,
    rowAt: (index: number) => state.rows.get(index),
    ensure,
    /** The rows answer the current query (not the previous one still on screen). */
    settled: state.key === key,
    timeZone: state.timeZone,
    dataAsOf: state.dataAsOf,
    error: state.error,
    reload: () => setReloads((n) => n + 1),
  };
}
