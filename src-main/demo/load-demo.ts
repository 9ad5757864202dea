import type { DemoSummary } from '../../src-preload/contract';
import type { AppCore } from '../core/app-core';
import { startEmulator } from '../emulator/server';
import { resolveGraphConfig } from '../meta/config';
import { GraphClient } from '../meta/graph-client';
import { discoverAccounts } from '../sync/discovery';
import { SyncEngine } from '../sync/engine';
import { saveDemoWorld } from '../services/live-demo';
import { backfillDemoHistory, backfillDemoMessages } from './history';

export interface LoadDemoOptions {
  scenario?: 'demo' | 'small';
  onProgress?: (done: number, total: number, job: string) => void;
}

/**
 * The demo workspace: starts the Graph API emulator on an ephemeral loopback port, connects its
 * business with a system-user token and runs the real full sync against it (the same code that
 * talks to Meta), then back-fills the post-metric history a long-lived workspace would have.
 * Deterministic: the same day gives the same workspace; loading it twice changes nothing.
 */
export async function loadDemo(core: AppCore, options: LoadDemoOptions = {}): Promise<DemoSummary> {
  const started = Date.now();
  const repos = core.repos;
  const emulator = await startEmulator({ port: 0, scenario: options.scenario ?? 'demo', now: core.now });
  try {
    const client = new GraphClient({ config: resolveGraphConfig({ GRAPH_API_BASE_URL: emulator.url }), now: core.now });
    // One bar for the whole load: each account is an equal share, the job within it moves it along,
    // and it never runs backwards when the next job starts at 0.
    let accountsDone = 0;
    let steps = 1;
    let shown = 0;
    const report = (job: string, done: number, total: number) => {
      options.onProgress?.(done, total, job);
      const within = total > 0 ? Math.min(1, done / total) : 0;
      shown = Math.max(shown, Math.min(99, Math.floor(((accountsDone + within) / steps) * 100)));
      core.events.emit('sync:progress', { accountId: null, job, done: shown, total: 100 });
    };
    const ids = await discoverAccounts({ client, repos, now: core.now, progress: report, written: { count: 0 } }, emulator.tokens.systemUser, 'demo');
    steps = ids.length + 1;
    const engine = new SyncEngine({ repos, client, now: core.now, onProgress: (_id, job, done, total) => report(job, done, total) });
    for (const [i, id] of ids.entries()) {
      accountsDone = i;
      report('Demo accounts', i, ids.length);
      const result = await engine.syncAccount(id, 'full');
      if (result.status !== 'ok') throw new Error(`Demo sync of account ${id} ended ${result.status}: ${result.errors.map((e) => e.message).join('; ')}`);
    }
    accountsDone = ids.length;
    report('Post history', 0, 1);
    backfillDemoHistory(repos, emulator.world, ids, core.now());
    backfillDemoMessages(repos, emulator.world, ids, core.now());
    shown = 100;
    core.events.emit('sync:progress', { accountId: null, job: 'Post history', done: 100, total: 100 });
    // Remember which world this is, so replies and syncs later reach the same world, live.
    saveDemoWorld(repos, emulator.world, core.now());
  } finally {
    await emulator.stop();
  }
  repos.audit.record(core.now(), 'demo.loaded', options.scenario ?? 'demo');
  core.events.emit('store:changed', { what: ['all'] });
  const counts = core.storeStatus().counts;
  return {
    accounts: counts.accounts,
    posts: counts.posts,
    conversations: counts.conversations,
    messages: counts.messages,
    comments: counts.comments,
    durationMs: Date.now() - started,
  };
}
