/**
 * Encoding and decoding for Graph batch requests (meta-api.md §9): at most 50 operations per call,
 * answers in request order as `{code, headers[], body:"<JSON string>"}`, per-item errors inside an
 * HTTP 200 batch, and `null` for operations Meta gave up on. Batching saves round trips, not quota.
 */
import { GraphApiError, MalformedResponseError, type MetaApiError } from './errors';
import { isErrorBody, parseGraphError } from './error-parse';
import { asArray, asNumber, asRecord, asString } from './json-access';
import { safeExcerpt } from './redact';
import { parseUsageHeaders, type UsageReport } from './usage';

/** Meta's hard cap on operations per batch call. */
export const MAX_BATCH_SIZE = 50;

/** One operation inside a batch. */
export interface BatchRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path relative to the version root, e.g. `17841400000/media?fields=id`. */
  relativeUrl: string;
  /** Name other operations in the same chunk can reference with `{result=name:$.data.*.id}`. */
  name?: string;
  /** Form body for POST operations. */
  body?: string | Record<string, string>;
  /** Skip the answer of a named operation when it succeeds (it is only used as a dependency). */
  omitResponseOnSuccess?: boolean;
}

/** Outcome of one batch operation, in request order. */
export type BatchItemResult =
  | { ok: true; status: number; body: unknown; headers?: Record<string, string> }
  | { ok: false; error: MetaApiError };

/** Splits operations into chunks of ≤ 50, refusing named references that would cross a chunk boundary. */
export function chunkBatch(requests: readonly BatchRequest[], size = MAX_BATCH_SIZE): BatchRequest[][] {
  if (size < 1 || size > MAX_BATCH_SIZE) throw new RangeError(`batch size must be 1–${MAX_BATCH_SIZE}`);
  const chunks: BatchRequest[][] = [];
  for (let i = 0; i < requests.length; i += size) chunks.push(requests.slice(i, i + size));
  const chunkOfName = new Map<string, number>();
  chunks.forEach((chunk, index) => {
    for (const r of chunk) if (r.name) chunkOfName.set(r.name, index);
  });
  chunks.forEach((chunk, index) => {
    for (const r of chunk) {
      const text = `${r.relativeUrl} ${typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? '')}`;
      for (const match of text.matchAll(/\{result=([^:}]+):/g)) {
        const ref = match[1] ?? '';
        const refChunk = chunkOfName.get(ref);
        if (refChunk !== undefined && refChunk !== index) {
          // Meta resolves references only within one batch call; a split would silently break them.
          throw new Error(`batch operation references "${ref}" across a ${size}-operation chunk boundary`);
        }
      }
    }
  });
  return chunks;
}

/** Serialises one chunk to the `batch=` form value. */
export function encodeBatch(chunk: readonly BatchRequest[]): string {
  return JSON.stringify(
    chunk.map((r) => {
      const op: Record<string, unknown> = { method: r.method, relative_url: r.relativeUrl.replace(/^\/+/, '') };
      if (r.name) op.name = r.name;
      if (r.omitResponseOnSuccess !== undefined) op.omit_response_on_success = r.omitResponseOnSuccess;
      if (r.body !== undefined) op.body = typeof r.body === 'string' ? r.body : new URLSearchParams(r.body).toString();
      return op;
    }),
  );
}

/** A decoded batch item plus the usage its headers reported (when `include_headers` was on). */
export interface DecodedBatchItem {
  result: BatchItemResult;
  usage?: UsageReport;
}

/** Decodes one item of a batch response. */
export function decodeBatchItem(
  item: unknown,
  secrets: readonly (string | undefined)[] = [],
  now = Date.now(),
): DecodedBatchItem {
  if (item === null || item === undefined) {
    return {
      result: {
        ok: false,
        error: new GraphApiError({
          message: 'Batch operation did not complete (Meta timed it out)',
          kind: 'transient',
          code: null,
          subcode: null,
          type: null,
          httpStatus: 0,
          fbtraceId: null,
          isTransient: true,
        }),
      },
    };
  }
  const rec = asRecord(item) ?? {};
  const status = asNumber(rec.code) ?? 0;
  const headerList = asArray(rec.headers)
    .map(asRecord)
    .filter((h): h is Record<string, unknown> => h !== undefined)
    .map((h) => ({ name: asString(h.name) ?? '', value: asString(h.value) ?? '' }))
    .filter((h) => h.name !== '');
  const usage = headerList.length > 0 ? parseUsageHeaders(headerList) : undefined;
  const withUsage = (result: BatchItemResult): DecodedBatchItem => (usage ? { result, usage } : { result });

  let body: unknown = null;
  const rawBody = rec.body;
  if (typeof rawBody === 'string') {
    try {
      body = rawBody === '' ? null : (JSON.parse(rawBody) as unknown);
    } catch {
      const error = new MalformedResponseError(`Batch item body is not JSON (HTTP ${status})`, status, safeExcerpt(rawBody, secrets));
      return withUsage({ ok: false, error });
    }
  } else if (rawBody !== undefined) {
    body = rawBody;
  }

  if (status >= 400 || status === 0 || isErrorBody(body)) {
    const error = parseGraphError(status || 500, body, { headers: headerList, secrets, now });
    return withUsage({ ok: false, error });
  }
  const headers = headerList.length > 0 ? Object.fromEntries(headerList.map((h) => [h.name, h.value])) : undefined;
  return withUsage(headers ? { ok: true, status, body, headers } : { ok: true, status, body });
}
