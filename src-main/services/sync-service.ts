import type { SyncStatus } from '../../src-preload/contract';
import type { AppCore } from '../core/app-core';
import type { GraphConfig } from '../meta/config';
import { GraphClient } from '../meta/graph-client';
import type { FetchLike } from '../meta/http-transport';
import { readSettings } from '../settings/settings';
import { SyncEngine, type AccountRunResult } from '../sync/engine';
import { SyncScheduler } from '../sync/scheduler';
import { applyRetention } from '../privacy/retention';

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
      messageRetentionDays: () => readSettings(core.settings()).messageRetentionDays,
      onProgress: (accountId, job, done, total) => core.events.emit('sync:progress', { accountId, job, done, total }),
    });
    this.scheduler = new SyncScheduler({
      engine: () => this.engine,
      runTask: (task, work) => core.tasks.run(task, work),
      accounts: () => core.repos.accounts.list(),
      intervalMs: () => readSettings(core.settings()).syncIntervalMinutes * 60_000,
      now: core.now,
      onStatus: (status) => {
        // A run just ended: apply retention and text-only mode to what it brought in, then tell the UI.
        if (!status.running && status.lastResult) {
          if (status.lastResult.status !== 'failed') core.tasks.clear();
          core.tasks.run('retention', () => {
            applyRetention(core.repos, readSettings(core.settings()), core.now());
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
    const ids = accountId === null ? this.core.repos.accounts.list().filter((a) => !a.isDemo).map((a) => a.id) : [accountId];
    const results: AccountRunResult[] = [];
    for (const id of ids) {
      const result = await this.scheduler.runAccount(id, 'manual');
      results.push(result);
      if (result.offline) break;
    }
    return results;
  }

  status(): SyncStatus {
    const paused = new Map(this.client.governor.snapshot().map((e) => [e.key, e]));
    return {
      online: this.online,
      accounts: this.scheduler.status().map((s) => ({
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
      })),
      budget: [...paused.values()].map((e) => ({ key: e.key, percent: Math.round(e.percent), pausedUntil: e.pausedUntil ?? null })),
      backgroundFailure: this.core.tasks.lastFailure(),
    };
  }

  private publish(): void {
    this.lastPublished = Date.now();
    this.core.events.emit('sync:status', this.status());
  }
}
