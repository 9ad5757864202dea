/**
 * The Graph API client used by the main process and the headless CLI. It owns versioned URLs for
 * both hosts, token placement, usage headers, error classification, transient retries, paging,
 * batching and request counters; transport details live in `http-transport.ts`.
 */
import type { z } from 'zod';
import { META_HOSTS, type GraphConfig } from './config';
import { MalformedResponseError, NetworkError, RequestAbortedError, type MetaApiError } from './errors';
import { isErrorBody, parseGraphError } from './error-parse';
import { chunkBatch, decodeBatchItem, encodeBatch, type BatchItemResult, type BatchRequest } from './graph-batch';
import { pageEnvelopeSchema, pageIdentity, rebaseNextUrl, type GraphHost, type GraphPage } from './graph-paging';
import { appendParams, sendOnce, type FetchLike, type ParamValue, type TransportResponse } from './http-transport';
import { APP_KEY, RateGovernor, businessKey, defaultSleep, usageKeysFor } from './rate-governor';
import { redactUrl, secretParamValues as secretValues } from './redact';
import { getHeader, parseUsageHeaders, type UsageReport } from './usage';
import type { ExecuteSpec, GraphClientOptions, GraphClientStats, GraphRequestOptions, PaginateOptions, ResponseInfo } from './graph-client-types';

export type { GraphHost, GraphPage } from './graph-paging';
export type { BatchItemResult, BatchRequest } from './graph-batch';
export type { GraphClientOptions, GraphClientStats, GraphRequestOptions, PaginateOptions, ResponseInfo } from './graph-client-types';

/** Talks to the Graph API (or a stand-in) with pacing, retries, paging and batching. */
export class GraphClient {
  readonly config: GraphConfig;
  readonly governor: RateGovernor;
  private readonly fetchImpl: FetchLike;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly timeoutMs: number;
  private readonly maxTransientRetries: number;
  private readonly onResponse: ((info: ResponseInfo) => void) | undefined;
  private readonly onConnectivityChange: ((online: boolean) => void) | undefined;
  private readonly logger: { warn: (message: string) => void } | undefined;
  private readonly counters: GraphClientStats = { httpRequests: 0, operations: 0 };
  private online = true;
  private served: string | undefined;

  constructor(options: GraphClientOptions) {
    this.config = options.config;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.governor = options.governor ?? new RateGovernor({ now: this.now, sleep: this.sleep });
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxTransientRetries = options.maxTransientRetries ?? 3;
    this.onResponse = options.onResponse;
    this.onConnectivityChange = options.onConnectivityChange;
    this.logger = options.logger;
  }

  /** API version Meta actually served last (`facebook-api-version`); differs when Meta upgraded a retired version. */
  get servedVersion(): string | undefined {
    return this.served;
  }

  /** False after a network failure until the next successful response. */
  get isOnline(): boolean {
    return this.online;
  }

  /** Request counters since construction. */
  stats(): GraphClientStats {
    return { ...this.counters };
  }

  /** Absolute URL for `path` on a host, prefixed with the configured version unless `versioned` is false. */
  url(path: string, host: GraphHost = 'facebook', versioned = true): URL {
    if (/^[a-z]+:/i.test(path)) throw new Error('GraphClient paths must be relative; use paginate for paging.next links');
    const base = host === 'instagram' ? this.config.instagramBaseUrl : this.config.facebookBaseUrl;
    const clean = path.replace(/^\/+/, '');
    const prefixed = !versioned || /^v\d+\.\d+(\/|$)/.test(clean) ? clean : `${this.config.version}/${clean}`;
    return new URL(`${base}/${prefixed}`);
  }

  /** GET a Graph path and return the parsed (optionally schema-checked) JSON. */
  async get<T = unknown>(path: string, opts: GraphRequestOptions<T> = {}): Promise<T> {
    return this.simple('GET', path, opts);
  }

  /** POST to a Graph path; params are form-encoded unless `json` is given. */
  async post<T = unknown>(path: string, opts: GraphRequestOptions<T> = {}): Promise<T> {
    return this.simple('POST', path, opts);
  }

  /** DELETE a Graph path. */
  async delete<T = unknown>(path: string, opts: GraphRequestOptions<T> = {}): Promise<T> {
    return this.simple('DELETE', path, opts);
  }

  /** Calls a non-Graph Meta endpoint (api.instagram.com OAuth) with the same timeouts and error handling. */
  async requestExternal<T = unknown>(
    method: 'GET' | 'POST',
    url: string,
    opts: { form?: Record<string, ParamValue>; params?: Record<string, ParamValue>; signal?: AbortSignal; schema?: z.ZodType<T>; secrets?: string[] } = {},
  ): Promise<T> {
    const target = new URL(url);
    appendParams(target.searchParams, opts.params);
    let form: URLSearchParams | undefined;
    if (opts.form) {
      form = new URLSearchParams();
      appendParams(form, opts.form);
    }
    const res = await this.execute({
      method, url: target, host: 'external', token: undefined, tokenIn: 'query', ...(form ? { form } : {}),
      keys: [], businessId: undefined, idempotent: method === 'GET', operations: 0, signal: opts.signal,
      timeoutMs: undefined, secrets: [...(opts.secrets ?? []), ...secretValues(opts.form), ...secretValues(opts.params)],
    });
    return this.validate(res.body, opts.schema, target);
  }

  /**
   * Reads a file from Meta's media CDN (a `media_url`, `thumbnail_url` or `full_picture`): no token,
   * no rate budget, only this client's fetch, timeout and connectivity state. Against the emulator
   * (a base URL that is not Meta's), CDN hosts are rebased onto it under `/cdn/{host}`, as `paging.next` is.
   */
  async fetchMedia(url: string, signal?: AbortSignal): Promise<{ status: number; contentType: string | null; bytes: Buffer }> {
    const source = new URL(url);
    const target = this.config.facebookBaseUrl === META_HOSTS.facebook ? source : new URL(`${this.config.facebookBaseUrl}/cdn/${source.hostname}${source.pathname}${source.search}`);
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let res: Response;
    try {
      res = await this.fetchImpl(target, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (error) {
      if (signal?.aborted) throw new RequestAbortedError(`Request cancelled: GET ${source.hostname}`);
      this.setOnline(false);
      throw new NetworkError(`Could not reach ${source.hostname}: ${(error as Error).message}`, null);
    }
    // Not counted with the Graph calls: a CDN read spends none of Meta's request budget.
    this.setOnline(true);
    return { status: res.status, contentType: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  }

  /** Pages through an edge, following `paging.next` (rebased onto the configured host) until it is absent. */
  async *paginate<T = unknown>(path: string, opts: PaginateOptions<T> = {}): AsyncGenerator<GraphPage<T>> {
    let host: GraphHost = opts.host ?? 'facebook';
    let url = this.url(path, host, opts.versioned ?? true);
    appendParams(url.searchParams, opts.params);
    const seen = new Set<string>();
    const maxPages = opts.maxPages ?? 10_000;
    for (let pageNo = 0; pageNo < maxPages; pageNo++) {
      seen.add(pageIdentity(url));
      const res = await this.execute(this.spec('GET', url, host, opts));
      const envelope = pageEnvelopeSchema.safeParse(res.body);
      if (!envelope.success) {
        throw new MalformedResponseError(`Expected a paged {data:[…]} response from ${this.where(url)}`, res.status, '', false);
      }
      const data = opts.itemSchema ? envelope.data.data.map((item) => this.validate(item, opts.itemSchema, url)) : (envelope.data.data as T[]);
      const paging = envelope.data.paging;
      yield { data, ...(paging ? { paging } : {}), raw: envelope.data };
      // Short or empty pages can still have `next`; only its absence ends the edge.
      if (!paging?.next) return;
      const rebased = rebaseNextUrl(paging.next, this.config, host);
      // A cursor that points back at a page we already fetched would loop forever.
      if (seen.has(pageIdentity(rebased.url))) return;
      url = rebased.url;
      host = rebased.host;
    }
  }

  /** Like `paginate`, but yields the items of every page. */
  async *paginateItems<T = unknown>(path: string, opts: PaginateOptions<T> = {}): AsyncGenerator<T> {
    for await (const page of this.paginate(path, opts)) yield* page.data;
  }

  /**
   * Runs operations as Graph batch calls of ≤ 50, returning one result per operation in order.
   * Per-item errors become `{ ok: false }`; the call itself throws only when a whole chunk fails.
   */
  async batch(
    requests: readonly BatchRequest[],
    opts: { token: string; signal?: AbortSignal; businessId?: string; includeHeaders?: boolean; timeoutMs?: number },
  ): Promise<BatchItemResult[]> {
    const results: BatchItemResult[] = [];
    for (const chunk of chunkBatch(requests)) {
      const form = new URLSearchParams({ batch: encodeBatch(chunk), include_headers: String(opts.includeHeaders ?? false) });
      const spec = this.spec('POST', this.url('', 'facebook'), 'facebook', { ...opts, idempotent: chunk.every((r) => r.method === 'GET') });
      const res = await this.execute({ ...spec, form, operations: chunk.length });
      if (!Array.isArray(res.body) || res.body.length !== chunk.length) {
        throw new MalformedResponseError(`Batch response does not match the ${chunk.length} operations sent`, res.status, '', true);
      }
      let rateLimited: MetaApiError | undefined;
      for (const item of res.body) {
        const decoded = decodeBatchItem(item, [opts.token], this.now());
        if (decoded.usage) this.governor.recordUsage(decoded.usage);
        if (!decoded.result.ok && decoded.result.error.kind === 'rate-limited') rateLimited ??= decoded.result.error;
        results.push(decoded.result);
      }
      // One back-off per chunk, not per item, so 50 throttled items don't multiply the wait.
      if (rateLimited) this.governor.onRateLimited(opts.businessId ? businessKey(opts.businessId) : APP_KEY, rateLimited.retryAfterMs);
    }
    return results;
  }

  private async simple<T>(method: 'GET' | 'POST' | 'DELETE', path: string, opts: GraphRequestOptions<T>): Promise<T> {
    const host = opts.host ?? 'facebook';
    const url = this.url(path, host, opts.versioned ?? true);
    const spec = this.spec(method, url, host, opts);
    if (method === 'POST' && opts.json === undefined) {
      const form = new URLSearchParams();
      appendParams(form, opts.params);
      spec.form = form;
    } else {
      appendParams(url.searchParams, opts.params);
      if (opts.json !== undefined) spec.json = opts.json;
    }
    const res = await this.execute(spec);
    return this.validate(res.body, opts.schema, url);
  }

  private spec(method: ExecuteSpec['method'], url: URL, host: GraphHost, opts: Omit<GraphRequestOptions, 'schema'>): ExecuteSpec {
    const formPost = method === 'POST' && opts.json === undefined;
    return {
      method, url, host, token: opts.token,
      tokenIn: opts.tokenIn === 'header' ? 'header' : formPost ? 'form' : 'query',
      keys: usageKeysFor(opts.businessId), businessId: opts.businessId,
      idempotent: opts.idempotent ?? method !== 'POST', operations: 1,
      signal: opts.signal, timeoutMs: opts.timeoutMs, secrets: [opts.token, ...secretValues(opts.params)],
    };
  }

  private validate<T>(body: unknown, schema: z.ZodType<T> | undefined, url: URL): T {
    if (!schema) return body as T;
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new MalformedResponseError(`Unexpected response shape from ${this.where(url)}: ${issues}`, 200, '', false);
  }

  private where(url: URL): string {
    return redactUrl(`${url.origin}${url.pathname}`);
  }

  private setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    this.onConnectivityChange?.(online);
  }

  private buildRequest(spec: ExecuteSpec): { url: URL; headers: Record<string, string>; body?: string | URLSearchParams } {
    const url = new URL(spec.url.toString());
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | URLSearchParams | undefined;
    if (spec.form) body = new URLSearchParams(spec.form);
    if (spec.json !== undefined) {
      body = JSON.stringify(spec.json);
      headers['content-type'] = 'application/json';
    }
    if (spec.token) {
      if (spec.tokenIn === 'header') headers.authorization = `Bearer ${spec.token}`;
      else if (spec.tokenIn === 'form' && body instanceof URLSearchParams) body.set('access_token', spec.token);
      else url.searchParams.set('access_token', spec.token);
    }
    return body === undefined ? { url, headers } : { url, headers, body };
  }

  private async execute(spec: ExecuteSpec): Promise<TransportResponse> {
    for (let attempt = 0; ; attempt++) {
      await this.governor.beforeRequest(spec.keys, spec.signal);
      const request = this.buildRequest(spec);
      this.counters.httpRequests += 1;
      this.counters.operations += spec.operations;
      const started = this.now();
      let res: TransportResponse;
      try {
        res = await sendOnce(this.fetchImpl, {
          method: spec.method, ...request, timeoutMs: spec.timeoutMs ?? this.timeoutMs,
          ...(spec.signal ? { signal: spec.signal } : {}), secrets: spec.secrets,
        });
      } catch (err) {
        // A reset on the first try is usually a kept-alive connection the server had just closed,
        // not an offline machine: a repeatable request goes once more on a fresh connection.
        if (err instanceof NetworkError && err.causeCode === 'ECONNRESET' && attempt === 0 && spec.idempotent) continue;
        if (err instanceof NetworkError) this.setOnline(false);
        // Offline is a state: no retry loop here, the scheduler waits for connectivity.
        if (this.shouldRetry(err, spec, attempt)) {
          await this.sleep(this.governor.transientDelayMs(attempt), spec.signal);
          continue;
        }
        throw err;
      }
      this.setOnline(true);
      const usage = this.observe(spec, res, attempt, this.now() - started);
      if (res.status < 400 && !isErrorBody(res.body)) {
        this.governor.onSuccess(spec.keys);
        return res;
      }
      const error = parseGraphError(res.status, res.body, { headers: res.headers, secrets: spec.secrets, now: this.now() });
      if (error.kind === 'rate-limited') {
        // BUC estimates were already applied by recordUsage; otherwise pause the key the code points at.
        if (!usage.business.some((b) => b.estimatedTimeToRegainAccessMin > 0)) {
          this.governor.onRateLimited(this.rateLimitKey(error.code, spec.businessId), error.retryAfterMs);
        }
        throw error;
      }
      if (this.shouldRetry(error, spec, attempt)) {
        await this.sleep(this.governor.transientDelayMs(attempt), spec.signal);
        continue;
      }
      throw error;
    }
  }

  private shouldRetry(err: unknown, spec: ExecuteSpec, attempt: number): boolean {
    const transient = (err as Partial<MetaApiError> | null)?.isTransient === true;
    const rateLimited = (err as Partial<MetaApiError> | null)?.kind === 'rate-limited';
    return transient && !rateLimited && spec.idempotent && attempt < this.maxTransientRetries;
  }

  private rateLimitKey(code: number | null, businessId: string | undefined): string {
    // 4/17/341/613 are app- or user-level limits; the rest (32, 8000x) belong to the business object.
    if (code === 4 || code === 17 || code === 341 || code === 613 || !businessId) return APP_KEY;
    return businessKey(businessId);
  }

  private observe(spec: ExecuteSpec, res: TransportResponse, attempt: number, durationMs: number): UsageReport {
    const usage = parseUsageHeaders(res.headers);
    this.governor.recordUsage(usage);
    const served = getHeader(res.headers, 'facebook-api-version');
    if (served && spec.host !== 'external') {
      if (served !== this.config.version && served !== this.served) {
        this.logger?.warn(`Meta served Graph API ${served} for requests made with ${this.config.version}`);
      }
      this.served = served;
    }
    this.onResponse?.({
      method: spec.method, host: spec.host, url: this.where(spec.url), status: res.status, durationMs, attempt,
      operations: spec.operations, usage, ...(served ? { servedVersion: served } : {}),
    });
    return usage;
  }
}
