import { useEffect, useRef, useState } from 'react';
import type { ErrorPayload, Result } from '../../../src-preload/contract';
import { call } from '../../lib/call';
import type { Loadable } from '../../lib/loadable';
import { useAnalyticsStore } from './analytics-store';

interface Answer<T> {
  /** Which request this answers; a different key means a newer request is on its way. */
  key: string | null;
  data: T | null;
  error: ErrorPayload | null;
}

/**
 * Reads one analytics sub-view from the local store: re-reads when `key` changes or stored data
 * changes, keeps the old data while a newer read runs, and drops answers to superseded requests.
 */
export function useAnalyticsQuery<T>(key: string, run: () => Promise<Result<T>>): Loadable<T> & { reload: () => void } {
  const revision = useAnalyticsStore((s) => s.revision);
  const [reloads, setReloads] = useState(0);
  const requestKey = `${key}#${revision}#${reloads}`;
  const [answer, setAnswer] = useState<Answer<T>>({ key: null, data: null, error: null });
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  useEffect(() => {
    let current = true;
    void call(() => runRef.current()).then((result) => {
      if (!current) return;
      setAnswer((before) => (result.ok ? { key: requestKey, data: result.data, error: null } : { key: requestKey, data: before.data, error: result.error }));
    });
    return () => {
      current = false;
    };
  }, [requestKey]);
  const answered = answer.key === requestKey;
  return {
    data: answer.data,
    status: !answered ? 'loading' : answer.error ? 'error' : 'ready',
    error: answered ? answer.error : null,
    reload: () => setReloads((n) => n + 1),
  };
}
