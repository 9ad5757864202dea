import type { ErrorPayload, Events } from '../../src-preload/contract';
import { getApi } from '../api';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The shape every feature store holds: what it shows, where loading is, and what went wrong. */
export interface Loadable<T> {
  data: T | null;
  status: LoadStatus;
  error: ErrorPayload | null;
}

export function idle<T>(): Loadable<T> {
  return { data: null, status: 'idle', error: null };
}

/**
 * Hands out request tokens so a slow answer never overwrites a newer one
 * (e.g. switching the period twice quickly).
 */
export function requestGate(): () => () => boolean {
  let current = 0;
  return () => {
    current += 1;
    const mine = current;
    return () => mine === current;
  };
}

type ChangeKind = Events['store:changed']['what'][number];

/** Call `refetch` when the main process says any of `kinds` (or everything) changed. */
export function onStoreChanged(kinds: readonly ChangeKind[], refetch: () => void): () => void {
  return getApi().on('store:changed', ({ what }) => {
    if (what.some((kind) => kind === 'all' || kinds.includes(kind))) refetch();
  });
}
