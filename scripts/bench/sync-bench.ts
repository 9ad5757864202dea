/**
 * What a sync of the demo scenario costs in Meta's currency: HTTP requests and counted
 * operations (each batch item counts as one, as Meta counts them), measured by the emulator,
 * against two references computed from the emulator's ground truth:
 *  - naive: one call per object and per metric (media, each media metric, each media's comments,
 *    each conversation, each message, each account metric per day);
 *  - lower bound: every list read once at its maximum page size (100) with insights, comments and
 *    the 20 newest messages nested through field expansion, plus the insight calls Meta requires
 *    (≤ 30-day windows for the daily reach series, one call per day for metrics Meta only gives as
 *    a total over a range, ≤ 90-day windows for Pages, one call per demographic breakdown, and
 *    one call per post younger than 30 days for the metrics of its own media type).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../src-main/emulator/server';
import { resolveGraphConfig } from '../../src-main/meta/config';
import { GraphClient } from '../../src-main/meta/graph-client';
import { accountInsightRequests, DEMOGRAPHIC_BREAKDOWNS, pageMetricsFor } from '../../src-main/meta/metric-catalogue';
import { openDatabase } from '../../src-main/store/database';
import { createRepositories } from '../../src-main/store/repositories';
import { discoverAccounts } from '../../src-main/sync/discovery';
import { SyncEngine } from '../../src-main/sync/engine';
import { listingMetrics } from '../../src-main/sync/media-metrics';

interface TruthAccount {
  kind: 'instagram' | 'page';
  mediaIds?: string[];
  postIds?: string[];
  commentIds: string[];
  conversations: Array<{ retrievableMessageIds: string[] }>;
}

const HISTORY_DAYS = 730;
const pages = (n: number) => Math.max(1, Math.ceil(n / 100));

function references(accounts: TruthAccount[], youngMedia: (ids: readonly string[]) => number): { naive: number; lowerBound: number } {
  const igTotals = accountInsightRequests().find((g) => g.metric_type === 'total_value')!.metric.filter((m) => m !== 'reach').length;
  const mediaMetrics = listingMetrics('facebook').length;
  const pageMetrics = pageMetricsFor('page').length;
  const postMetrics = pageMetricsFor('page-post').length;
  let naive = 1;
  let lowerBound = 1;
  for (const a of accounts) {
    const items = (a.mediaIds ?? a.postIds ?? []).length;
    const messages = a.conversations.reduce((n, c) => n + c.retrievableMessageIds.length, 0);
    const threads = a.conversations.length;
    if (a.kind === 'instagram') {
      naive += 1 + items * (1 + mediaMetrics + 1) + threads + messages + HISTORY_DAYS * (igTotals + 1) + 30 + 2 * DEMOGRAPHIC_BREAKDOWNS.length;
      // Type-specific metrics (reels watch time, feed profile visits) cannot be nested in a mixed
      // listing: one operation per post younger than 30 days.
      lowerBound += 1 + pages(items) + pages(threads) + Math.ceil(HISTORY_DAYS / 30) + 1 + HISTORY_DAYS + 2 * DEMOGRAPHIC_BREAKDOWNS.length + youngMedia(a.mediaIds ?? []);
    } else {
      naive += 1 + items * (1 + postMetrics + 1) + threads + messages + HISTORY_DAYS * pageMetrics;
      lowerBound += 1 + pages(items) + pages(threads) + Math.ceil(HISTORY_DAYS / 90);
    }
  }
  return { naive, lowerBound };
}

export async function measureSync(log: (line: string) => void): Promise<Record<string, number>> {
  const clock = { now: Date.now() };
  const now = () => clock.now;
  const emulator = await startEmulator({ port: 0, scenario: 'demo', now, callsPerHour: 1_000_000 });
  const dir = mkdtempSync(join(tmpdir(), 'social-desk-sync-bench-'));
  const db = openDatabase({ file: join(dir, 'social-desk.db'), key: Buffer.alloc(32, 5) });
  const repos = createRepositories(db);
  const client = new GraphClient({ config: resolveGraphConfig({ GRAPH_API_BASE_URL: emulator.url }), now });
  const engine = new SyncEngine({ repos, client, now });
  const control = async (path: string, method = 'GET') => (await fetch(`${emulator.url}/__emulator/${path}`, { method })).json() as Promise<Record<string, unknown>>;
  const run = async () => {
    await control('reset-stats', 'POST');
    const started = performance.now();
    const ids = await discoverAccounts({ client, repos, now, progress: () => {}, written: { count: 0 } }, emulator.tokens.systemUser, 'system_user');
    for (const id of ids) {
      const result = await engine.syncAccount(id, repos.accounts.get(id)!.lastSyncedAt === null ? 'full' : 'routine');
      if (result.status !== 'ok') throw new Error(`sync of ${id} ended ${result.status}: ${JSON.stringify(result.errors)}`);
    }
    const stats = (await control('stats')) as { httpRequests: number; operations: number };
    return { ms: performance.now() - started, http: stats.httpRequests, ops: stats.operations };
  };
  try {
    const full = await run();
    const truth = (await control('truth')) as unknown as { accounts: TruthAccount[] };
    const monthAgo = clock.now - 30 * 86_400_000;
    const youngMedia = (ids: readonly string[]) => ids.filter((id) => (emulator.world.media[id]?.timestamp ?? 0) > monthAgo).length;
    const { naive, lowerBound } = references(truth.accounts, youngMedia);
    clock.now += 60 * 60 * 1000;
    const routine = await run();
    log(`\nSync of the demo scenario (${truth.accounts.length} accounts) against the emulator`);
    log(`  full sync:    ${full.ops} operations in ${full.http} HTTP requests, ${(full.ms / 1000).toFixed(2)} s`);
    log(`  lower bound:  ${lowerBound} operations  → ours is ${(full.ops / lowerBound).toFixed(2)}× the lower bound (target ≤ 1.2×)`);
    log(`  naive client: ${naive} operations  → ours uses ${(naive / full.ops).toFixed(1)}× fewer (target ≥ 10×)`);
    log(`  routine sync an hour later: ${routine.ops} operations in ${routine.http} requests, ${(routine.ms / 1000).toFixed(2)} s = ${((100 * routine.ops) / full.ops).toFixed(1)}% of a full sync (target ≤ 10%)`);
    return {
      sync_full_operations: full.ops,
      sync_full_http_requests: full.http,
      sync_full_wall_ms: Math.round(full.ms),
      sync_lower_bound_operations: lowerBound,
      sync_naive_operations: naive,
      sync_full_vs_lower_bound_ratio: Number((full.ops / lowerBound).toFixed(3)),
      sync_naive_vs_full_ratio: Number((naive / full.ops).toFixed(1)),
      sync_routine_operations: routine.ops,
      sync_routine_http_requests: routine.http,
      sync_routine_wall_ms: Math.round(routine.ms),
      sync_routine_vs_full_percent: Number(((100 * routine.ops) / full.ops).toFixed(2)),
    };
  } finally {
    db.close();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
