import { join } from 'node:path';
import type { AppCore } from '../../src-main/core/app-core';
import { startEmulator, type RunningEmulator } from '../../src-main/emulator/server';
import { resolveGraphConfig } from '../../src-main/meta/config';
import { GraphClient } from '../../src-main/meta/graph-client';
import type { Db } from '../../src-main/store/database';
import { discoverAccounts } from '../../src-main/sync/discovery';
import { SyncEngine, type AccountRunResult, type SyncEngineOptions } from '../../src-main/sync/engine';
import type { Scenario } from '../../src-main/emulator/world/types';
import { makeCore } from './core';
import { createFakeKeychain } from './fake-keychain';
import { makeTempDir } from './temp-dir';

/** A fixed moment so two runs against the same world store byte-identical data. */
export const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);

export interface SyncHarness {
  core: AppCore;
  emulator: RunningEmulator;
  clock: { now: number };
  /** The client's own clock for back-off and rate-limit pauses; move it to let a pause expire. */
  backoff: { now: number };
  client: GraphClient;
  /** Discover the business and sync every account once; returns the per-account results. */
  syncAll(signal?: AbortSignal): Promise<AccountRunResult[]>;
  control(path: string, init?: { method?: string; body?: unknown }): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * A real encrypted store, the emulator on an ephemeral port and the real client and engine. The
 * world and the sync share one clock; the client's back-off sleeps advance a clock of their own
 * instead of waiting, so fault tests take milliseconds.
 */
export async function makeSyncHarness(
  scenario: Scenario = 'small',
  opts: { onResponse?: () => void; emulator?: RunningEmulator; engine?: Pick<SyncEngineOptions, 'messageRetentionDays'> } = {},
): Promise<SyncHarness> {
  const tmp = makeTempDir();
  const clock = { now: T0 };
  const now = () => clock.now;
  const core = makeCore(join(tmp.dir, 'data'), createFakeKeychain('sync-tests'), { now });
  core.start();
  core.createVault('os-keychain');
  const emulator = opts.emulator ?? (await startEmulator({ port: 0, scenario, now }));
  const backoff = { now: T0 };
  const client = new GraphClient({
    config: resolveGraphConfig({ GRAPH_API_BASE_URL: emulator.url }),
    now: () => backoff.now,
    sleep: async (ms) => {
      backoff.now += ms;
    },
    timeoutMs: 1_000,
    ...(opts.onResponse ? { onResponse: opts.onResponse } : {}),
  });
  const engine = new SyncEngine({ repos: core.repos, client, now, ...opts.engine });
  return {
    core,
    emulator,
    clock,
    backoff,
    client,
    async syncAll(signal) {
      const ctx = { client, repos: core.repos, now, progress: () => {}, written: { count: 0 }, ...(signal ? { signal } : {}) };
      const ids = await discoverAccounts(ctx, emulator.tokens.systemUser, 'system_user');
      const results: AccountRunResult[] = [];
      for (const id of ids) {
        const account = core.repos.accounts.get(id)!;
        results.push(await engine.syncAccount(id, account.lastSyncedAt === null ? 'full' : 'routine', signal));
      }
      return results;
    },
    async control(path, init = {}) {
      const res = await fetch(`${emulator.url}/__emulator/${path}`, {
        method: init.method ?? 'GET',
        ...(init.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } } : {}),
      });
      return res.json();
    },
    async close() {
      core.close();
      if (!opts.emulator) await emulator.stop();
      tmp.cleanup();
    },
  };
}

/** Everything the sync stores, in a canonical order and without local row ids. */
export type SyncedDump = Record<'accounts' | 'posts' | 'snapshots' | 'comments' | 'people' | 'conversations' | 'messages' | 'insights' | 'demographics', unknown[]>;

export function dumpSynced(db: Db): SyncedDump {
  const q = (sql: string) => db.prepare(sql).all();
  return {
    accounts: q(`SELECT network, external_id, name, handle, followers_count, media_count, status FROM accounts ORDER BY network, external_id`),
    posts: q(`SELECT a.external_id AS account, p.external_id, p.caption, p.product_type, p.published_at, p.like_count, p.comments_count
              FROM posts p JOIN accounts a ON a.id = p.account_id ORDER BY 1, 2`),
    snapshots: q(`SELECT p.external_id, s.captured_at, s.views, s.reach, s.likes, s.comments, s.shares, s.saves, s.extra
                  FROM post_metric_snapshots s JOIN posts p ON p.id = s.post_id ORDER BY 1, 2`),
    comments: q(`SELECT c.external_id, c.parent_external_id, c.text, c.author_username, c.created_at, c.like_count FROM comments c ORDER BY 1`),
    people: q(`SELECT a.external_id AS account, pe.id_kind, pe.external_id, pe.username, pe.name FROM people pe JOIN accounts a ON a.id = pe.account_id ORDER BY 1, 2, 3`),
    conversations: q(`SELECT c.external_id, c.platform, pe.external_id AS person, c.last_message_at, c.last_incoming_at
                      FROM conversations c LEFT JOIN people pe ON pe.id = c.person_id ORDER BY 1`),
    messages: q(`SELECT c.external_id AS conversation, m.external_id, m.direction, m.sent_at, m.text, m.attachments, m.is_deleted
                 FROM messages m JOIN conversations c ON c.id = m.conversation_id ORDER BY 1, 2`),
    insights: q(`SELECT a.external_id AS account, i.day, i.metric, i.value FROM account_daily_insights i JOIN accounts a ON a.id = i.account_id ORDER BY 1, 2, 3`),
    demographics: q(`SELECT a.external_id AS account, d.audience, d.breakdown, d.bucket, d.value FROM audience_demographics d JOIN accounts a ON a.id = d.account_id ORDER BY 1, 2, 3, 4`),
  };
}
