import { GraphApiError, isMetaApiError } from '../meta/errors';
import type { BatchItemResult } from '../meta/graph-batch';
import { identifyRejectedMetrics } from '../meta/error-parse';
import type { GraphConfig } from '../meta/config';
import { rebaseNextUrl, type GraphHost } from '../meta/graph-paging';
import type { SyncContext } from './context';

import { DAY_MS, utcDay } from '../core/time';

/**
 * The day a daily insight value belongs to. Meta stamps `end_time` at the end of the day, in
 * the account's reporting time zone (e.g. 07:00 or 08:00 UTC for Pacific time), so step back half
 * a day before taking the UTC date: right for both UTC midnight and Pacific-midnight stamps.
 */
export function insightDay(endTimeMs: number): string {
  return utcDay(endTimeMs - DAY_MS / 2);
}

/** Meta's `2019-04-05T07:56:32+0000` (or an ISO string, or unix seconds) → unix ms. */
export function parseMetaTime(value: unknown): number | null {
  if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : ms;
}

/**
 * A `paging.next` link from a nested edge (e.g. `media{comments.limit(50)}`) as a path and params
 * for `client.paginate`, rebased from Meta's host onto the configured one. Its own access_token
 * is dropped: the client adds the token it was given.
 */
export function nextAsRequest(next: string, config: GraphConfig, host: GraphHost): { path: string; params: Record<string, string>; host: GraphHost } {
  const rebased = rebaseNextUrl(next, config, host);
  const base = new URL(rebased.host === 'instagram' ? config.instagramBaseUrl : config.facebookBaseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const path = rebased.url.pathname.startsWith(basePath) ? rebased.url.pathname.slice(basePath.length) : rebased.url.pathname;
  const params = Object.fromEntries([...rebased.url.searchParams].filter(([key]) => key !== 'access_token'));
  return { path, params, host: rebased.host };
}

/**
 * Calls Meta with a metric list; when Meta says one is retired (which fails the whole call),
 * records it and retries without it, keeping the others.
 */
export async function withRetiredRetry<T>(
  ctx: SyncContext,
  scope: string,
  metrics: readonly string[],
  call: (metrics: string[]) => Promise<T>,
): Promise<T | null> {
  const retired = ctx.repos.retiredMetrics.list(scope);
  let current = metrics.filter((m) => !retired.has(m));
  for (let attempt = 0; attempt <= metrics.length; attempt++) {
    if (current.length === 0) return null;
    try {
      return await call(current);
    } catch (error) {
      if (!(error instanceof GraphApiError) || error.kind !== 'retired-metric') throw error;
      const rejected = identifyRejectedMetrics(error, current);
      if (rejected.length === 0) throw error;
      for (const metric of rejected) {
        ctx.repos.retiredMetrics.add(scope, metric, ctx.now(), ctx.client.servedVersion ?? null, error.message.slice(0, 300));
      }
      current = current.filter((m) => !rejected.includes(m));
    }
  }
  return null;
}

/**
 * Runs GET operations as Graph batches (≤ 50 per request, each counted as one operation) on
 * graph.facebook.com. graph.instagram.com has no batch endpoint, so there they run one by one;
 * either way each operation's outcome comes back in order, failures included.
 */
export async function getMany(ctx: SyncContext, target: { token: string; host: GraphHost; externalId: string }, relativeUrls: readonly string[]): Promise<BatchItemResult[]> {
  const signal = ctx.signal ? { signal: ctx.signal } : {};
  if (target.host === 'facebook') {
    return ctx.client.batch(
      relativeUrls.map((relativeUrl) => ({ method: 'GET' as const, relativeUrl })),
      { token: target.token, businessId: target.externalId, ...signal },
    );
  }
  const results: BatchItemResult[] = [];
  for (const relativeUrl of relativeUrls) {
    const [path, query = ''] = relativeUrl.split('?');
    try {
      const body = await ctx.client.get(path!, { host: 'instagram', token: target.token, params: Object.fromEntries(new URLSearchParams(query)), businessId: target.externalId, ...signal });
      results.push({ ok: true, status: 200, body });
    } catch (error) {
      if (!isMetaApiError(error) || error.kind === 'offline' || error.kind === 'aborted') throw error;
      results.push({ ok: false, error });
    }
  }
  return results;
}

/**
 * A retired metric fails every operation that asks for it; surface it from a batch so
 * `withRetiredRetry` records it and asks again without it.
 */
export function throwIfRetired(results: readonly BatchItemResult[]): void {
  for (const r of results) if (!r.ok && r.error instanceof GraphApiError && r.error.kind === 'retired-metric') throw r.error;
}
