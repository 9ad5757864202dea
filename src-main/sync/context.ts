import type { GraphClient } from '../meta/graph-client';
import type { Repositories } from '../store/repositories';

/** What every sync job is handed: no globals, so tests pass a fake clock or client. */
export interface SyncContext {
  client: GraphClient;
  repos: Repositories;
  now: () => number;
  signal?: AbortSignal;
  /** Progress of the current job (done of total units; total 0 when unknown). */
  progress: (job: string, done: number, total: number) => void;
  /** Rows written this run, for the sync_runs record. */
  written: { count: number };
}

/** The synced asset and the token that reads it (never leaves the main process). */
export interface SyncTarget {
  accountId: number;
  externalId: string;
  token: string;
  /** Graph host the token belongs to (Instagram Login tokens only work on graph.instagram.com). */
  host: 'facebook' | 'instagram';
  /** For Instagram via Facebook Login: the linked Page that carries its DMs. */
  page?: { externalId: string; token: string };
  /** True when there is no high-water mark yet (first sync of this account). */
  full: boolean;
}
