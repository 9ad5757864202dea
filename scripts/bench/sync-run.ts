/**
 * Runs the app's own sync (discovery + SyncEngine, the code the app runs) against an emulator on
 * a simulated clock: Meta's rate limits stay on, and every wait the client is told to make (the
 * governor's slow-down above 75 % usage, pauses until `estimated_time_to_regain_access`) moves
 * the clock instead of the process, so a sync that would take hours at Meta is timed in seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../src-main/emulator/server';
import { resolveGraphConfig } from '../../src-main/meta/config';
import { GraphClient } from '../../src-main/meta/graph-client';
import { openDatabase, type Db } from '../../src-main/store/database';
import { createRepositories, type Repositories } from '../../src-main/store/repositories';
import { discoverAccounts } from '../../src-main/sync/discovery';
import { SyncEngine } from '../../src-main/sync/engine';
import { countingFetch, newTally, type JobTally } from './job-of';

/** A clock that only moves when someone waits (or the bench moves it). */
export class SimulatedClock {
  waitedMs = 0;
  constructor(private current: number) {}
  readonly now = (): number => this.current;
  readonly sleep = async (ms: number): Promise<void> => {
    const step = Math.max(0, ms);
    this.current += step;
    this.waitedMs += step;
  };
  advance(ms: number): void {
    this.current += ms;
  }
}

/** What one sync run cost, counted by the emulator, and where the operations went. */
export interface SyncRunFigures {
  operations: number;
  httpRequests: number;
  /** Real time spent on this machine (emulator included, Meta's network latency not modelled). */
  localMs: number;
  /** Simulated time spent waiting on Meta's rate limits. */
  rateLimitWaitMs: number;
  /** Operations by job, read off the wire. */
  tally: JobTally;
  accounts: number;
  /** Accounts whose run ended other than ok (not paused), with Meta's reasons. */
  problems: string[];
}

/** A store, a client and an engine wired to one emulator and one simulated clock. */
export class BenchSync {
  readonly clock: SimulatedClock;
  private readonly dir = mkdtempSync(join(tmpdir(), 'social-desk-sync-bench-'));
  private readonly db: Db;
  private readonly repos: Repositories;
  private readonly tally = newTally();
  private readonly client: GraphClient;
  private readonly engine: SyncEngine;

  constructor(private readonly emulator: RunningEmulator, clock: SimulatedClock) {
    this.clock = clock;
    this.db = openDatabase({ file: join(this.dir, 'social-desk.db'), key: Buffer.alloc(32, 5) });
    this.repos = createRepositories(this.db);
    const fetchImpl = countingFetch(emulator.world, this.tally);
    this.client = new GraphClient({ config: resolveGraphConfig({ GRAPH_API_BASE_URL: emulator.url }), now: clock.now, sleep: clock.sleep, fetch: fetchImpl });
    this.engine = new SyncEngine({ repos: this.repos, client: this.client, now: clock.now });
  }

  private async control<T>(path: string, method = 'GET'): Promise<T> {
    return (await fetch(`${this.emulator.url}/__emulator/${path}`, { method })).json() as Promise<T>;
  }

  /**
   * Discovers the accounts and syncs those whose Meta id `include` accepts, to the end: when Meta
   * pauses an account, the clock moves to the end of the pause and the run resumes, as the
   * scheduler would.
   */
  async run(include: (externalId: string) => boolean = () => true): Promise<SyncRunFigures> {
    await this.control('reset-stats', 'POST');
    Object.assign(this.tally, newTally());
    const waitedBefore = this.clock.waitedMs;
    const started = performance.now();
    const ctx = { client: this.client, repos: this.repos, now: this.clock.now, progress: () => {}, written: { count: 0 } };
    const ids = (await discoverAccounts(ctx, this.emulator.tokens.systemUser, 'system_user')).filter((id) => include(this.repos.accounts.get(id)!.externalId));
    const problems: string[] = [];
    for (const id of ids) {
      for (let attempt = 0; ; attempt++) {
        const result = await this.engine.syncAccount(id, this.repos.accounts.get(id)!.lastSyncedAt === null ? 'full' : 'routine');
        if (result.status === 'ok') break;
        if (result.pausedUntil === null || attempt >= 50) {
          problems.push(`${this.repos.accounts.get(id)!.name} ended ${result.status}: ${result.errors.map((e) => `${e.job}: ${e.message}`).join('; ')}`);
          break;
        }
        await this.clock.sleep(Math.max(0, result.pausedUntil - this.clock.now()));
      }
    }
    const stats = await this.control<{ httpRequests: number; operations: number }>('stats');
    return {
      operations: stats.operations,
      httpRequests: stats.httpRequests,
      localMs: performance.now() - started,
      rateLimitWaitMs: this.clock.waitedMs - waitedBefore,
      tally: { byJob: { ...this.tally.byJob }, operations: this.tally.operations },
      accounts: ids.length,
      problems,
    };
  }

  close(): void {
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
