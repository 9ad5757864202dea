import type { SyncStatus } from '../../src-preload/contract';
import type { AppCore } from '../core/app-core';
import type { GraphConfig } from '../meta/config';
import { GraphClient } from '../meta/graph-client';
import type { FetchLike } from '../meta/http-transport';
import { readSettings } from '../settings/settings';
import { SyncEngine, type AccountRunResult } from '../sync/engine';
import { SyncScheduler } from '../sync/scheduler';
import type { LiveDemo } from './live-demo';
import { afterSyncRun } from '../privacy/privacy-actions';

export interface SyncServiceOptions {
  graphConfig: GraphConfig;
  fetch?: FetchLike;
  /** Start the periodic scheduler (false in tests that drive syncs by hand). */
  autoStart?: boolean;
}

/**
 * Owns the Graph client, the engine and the scheduler for the open store, and turns their
 * progress into contract events. Created when the store opens; stopped by a wipe.
 */
export class SyncService {
  readonly client: GraphClient;
  private readonly engine: SyncEngine;
  readonly scheduler: SyncScheduler;
  private online = true;
  private readonly stopFailureEvents: () => void;
  private lastPublished = 0;
  /** Demo accounts sync against the live demo emulator instead of Meta. */
  liveDemo: LiveDemo | null = null;
  /** Demo accounts' runs (outside the scheduler), so the UI shows them like any other. */
  private readonly demoRuns = new Map<number, { running: boolean; last: AccountRunResult | null }>();

  constructor(
    private readonly core: AppCore,
    options: SyncServiceOptions,
  ) {
    this.client = new GraphClient({
      config: options.graphConfig,
      now: core.now,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      onConnectivityChange: (online) => {
        this.online = online;
        this.publish();
      },
      // The budget meter moves with every response; tell the renderer at most once a second.
      onResponse: () => {
        if (Date.now() - this.lastPublished >= 1000) this.publish();
      },
    });
    this.engine = new SyncEngine({
      repos: core.repos,
      client: this.client,
      now: core.now,
      messageRetentionDays: () => readSettings(core.settings()).retention.messageText,
      onProgress: (accountId, job, done, total) => core.events.emit('sync:progress', { accountId, job, done, total }),
    });
    this.scheduler = new SyncScheduler({
      engine: () => this.engine,
      runTask: (task, work) => core.tasks.run(task, work),
      accounts: () => core.repos.accounts.list(),
      intervalMs: () => readSettings(core.settings()).syncIntervalMinutes * 60_000,
      now: core.now,
      onStatus: (status) => {
        // A run just ended: audit it, apply retention to what it brought in, then tell the UI.
        if (!status.running && status.lastResult) {
          if (status.lastResult.status !== 'failed') core.tasks.clear();
          const result = status.lastResult;
          core.tasks.run('retention', () => {
            afterSyncRun(core, result);
            core.events.emit('store:changed', { what: ['all'] });
          });
        }
        this.publish();
      },
    });
    core.registerWork(this.scheduler);
    this.stopFailureEvents = core.tasks.onFailure(() => this.publish());
    if (options.autoStart) this.scheduler.start();
  }

  /** The store closed: stop telling the renderer about this (now dead) service. */
  dispose(): void {
    this.stopFailureEvents();
  }

  /** Syncs one account, or every connected (non-demo) account; resolves when done. */
  async run(accountId: number | null): Promise<AccountRunResult[]> {
    const all = this.core.repos.accounts.list();
    const ids = accountId === null ? all.filter((a) => !a.isDemo || this.liveDemo).map((a) => a.id) : [accountId];
    const results: AccountRunResult[] = [];
    for (const id of ids) {
      const result = this.liveDemo?.isDemoAccount(id) ? await this.runDemo(id) : await this.scheduler.runAccount(id, 'manual');
      results.push(result);
      if (result.offline) break;
    }
    return results;
  }

  /** A demo account's sync, against the live emulator; the renderer refetches like after any run. */
  private async runDemo(accountId: number): Promise<AccountRunResult> {
    this.demoRuns.set(accountId, { running: true, last: this.demoRuns.get(accountId)?.last ?? null });
    this.publish();
    let result: AccountRunResult | null = null;
    try {
      result = await (this.liveDemo as LiveDemo).sync(accountId, (job, done, total) => this.core.events.emit('sync:progress', { accountId, job, done, total }));
      afterSyncRun(this.core, result);
      return result;
    } finally {
      this.demoRuns.set(accountId, { running: false, last: result });
      this.core.events.emit('store:changed', { what: ['all'] });
      this.publish();
    }
  }

  status(): SyncStatus {
    const paused = new Map(this.client.governor.snapshot().map((e) => [e.key, e]));
    const demo = [...this.demoRuns].map(([accountId, run]) => ({
      accountId,
      running: run.running,
      pausedUntil: null,
      lastRun: run.last ? { status: run.last.status, finishedAt: run.last.finishedAt, operations: run.last.operations, error: run.last.errors[0]?.message ?? null } : null,
    }));
    return {
      online: this.online,
      accounts: [...demo, ...this.scheduler.status().filter((s) => !this.demoRuns.has(s.accountId)).map((s) => ({
        accountId: s.accountId,
        running: s.running,
        pausedUntil: s.notBefore,
        lastRun: s.lastResult
          ? {
              status: s.lastResult.status,
              finishedAt: s.lastResult.finishedAt,
              operations: s.lastResult.operations,
              error: s.lastResult.errors[0]?.message ?? null,
            }
          : null,
      }))],
      budget: [...paused.values()].map((e) => ({ key: e.key, percent: Math.round(e.percent), pausedUntil: e.pausedUntil ?? null })),
      backgroundFailure: this.core.tasks.lastFailure(),
    };
  }

  private publish(): void {
    this.lastPublished = Date.now();
    this.core.events.emit('sync:status', this.status());
  }
}
