/**
 * Option, result and internal request types of `GraphClient`, kept apart so the client file stays
 * about behaviour.
 */
import type { z } from 'zod';
import type { GraphConfig } from './config';
import type { GraphHost } from './graph-paging';
import type { FetchLike, ParamValue } from './http-transport';
import type { RateGovernor } from './rate-governor';
import type { UsageReport } from './usage';

/** Per-request options shared by get/post/delete/paginate. */
export interface GraphRequestOptions<T = unknown> {
  host?: GraphHost;
  token?: string;
  params?: Record<string, ParamValue>;
  /** JSON body for POST (e.g. the Send API); otherwise params are form-encoded. */
  json?: unknown;
  signal?: AbortSignal;
  /** zod schema the response must match; mismatches raise `MalformedResponseError`. */
  schema?: z.ZodType<T>;
  timeoutMs?: number;
  /** Page / IG account / WABA id, so the governor can pause just that business on BUC limits. */
  businessId?: string;
  /** Send the token as `Authorization: Bearer` instead of the `access_token` parameter. */
  tokenIn?: 'query' | 'header';
  /** False for the few unversioned endpoints (graph.instagram.com/access_token). */
  versioned?: boolean;
  /** Whether a repeat is harmless; defaults to true for GET/DELETE, false for POST. */
  idempotent?: boolean;
}

/** Options for `paginate`/`paginateItems`. */
export interface PaginateOptions<T> extends Omit<GraphRequestOptions, 'schema' | 'json'> {
  /** Schema each `data[]` element must match. */
  itemSchema?: z.ZodType<T>;
  /** Safety cap on pages followed. */
  maxPages?: number;
}

/** What the client reports after every HTTP response (no tokens in it). */
export interface ResponseInfo {
  method: string;
  host: GraphHost | 'external';
  /** Redacted URL without query string. */
  url: string;
  status: number;
  durationMs: number;
  attempt: number;
  operations: number;
  usage: UsageReport;
  servedVersion?: string;
}

/** Constructor options for `GraphClient`. */
export interface GraphClientOptions {
  config: GraphConfig;
  fetch?: FetchLike;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  governor?: RateGovernor;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /** Transient retries for idempotent requests (default 3). */
  maxTransientRetries?: number;
  onResponse?: (info: ResponseInfo) => void;
  /** Called when reachability changes, so the UI can show "offline" as a state. */
  onConnectivityChange?: (online: boolean) => void;
  /** Told once when Meta serves a different API version than requested (it upgrades retired ones silently). */
  logger?: { warn: (message: string) => void };
}

/** Counters for benchmarks: HTTP calls made and operations Meta counts against quota. */
export interface GraphClientStats {
  httpRequests: number;
  operations: number;
}

/** Everything `GraphClient.execute` needs for one logical request (retries included). */
export interface ExecuteSpec {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  host: GraphHost | 'external';
  token: string | undefined;
  tokenIn: 'query' | 'header' | 'form';
  form?: URLSearchParams;
  json?: unknown;
  keys: string[];
  businessId: string | undefined;
  idempotent: boolean;
  operations: number;
  signal: AbortSignal | undefined;
  timeoutMs: number | undefined;
  secrets: (string | undefined)[];
}
