import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../src-preload/contract';
import { call } from '../../lib/call';
import type { Loadable } from '../../lib/loadable';
import { useAnalyticsStore } from './analytics-store';

/**
 * Reads one analytics sub-view from the local store: re-reads when `key` changes or stored data
 * changes, and keeps the old data while a newer read runs (a slow answer never overwrites a newer one).
 */
export function useAnalyticsQuery<T>(key: string, run: () => Promise<Result<T>>): Loadable<T> & { reload: () => void } {
  const revision = useAnalyticsStore((s) => s.revision);
  const [state, setState] = useState<Loadable<T>>({ data: null, status: 'idle', error: null });
  const latest = useRef(0);
  const runRef = useRef(run);
  runRef.current = run;
  const load = useCallback(() => {
    const mine = ++latest.current;
    setState((s) => ({ ...s, status: 'loading', error: null }));
    void call(() => runRef.current()).then((result) => {
      if (mine !== latest.current) return;
      setState((s) => (result.ok ? { data: result.data, status: 'ready', error: null } : { ...s, status: 'error', error: result.error }));
    });
  }, []);
  useEffect(() => load(), [key, revision, load]);
  return { ...state, reload: load };
}
