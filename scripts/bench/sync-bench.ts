/**
 * What a sync costs in Meta's currency: operations (each batch item counts one, as Meta counts
 * them) and HTTP requests, counted by the emulator with Meta's rate limits on, against two
 * baselines that owe nothing to the sync:
 *  - the lower bound (lower-bound.ts), computed from the world's size and Meta's documented
 *    limits alone, compared job by job;
 *  - the naive client (naive-client.ts), a real simple client run against a fresh copy of the
 *    same world and counted by the emulator.
 * Then a full sync of a 5-account, 2-year brand under Meta's limits, timed on a simulated clock.
 */
import { startEmulator } from '../../src-main/emulator/server';
import type { Scenario } from '../../src-main/emulator/world/types';
import { JOBS, lowerBound, type Job, type LowerBound } from './lower-bound';
import { runNaiveClient } from './naive-client';
import { BenchSync, SimulatedClock, type SyncRunFigures } from './sync-run';
import { worldSize } from './world-size';

/** A fixed moment, so every run measures the same world. */
const BENCH_EPOCH = Date.UTC(2026, 10, 16, 10, 0, 0);
const HISTORY_DAYS = 730;
const HOUR_MS = 3_600_000;

const ratio = (a: number, b: number, digits: number) => Number((a / b).toFixed(digits));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const duration = (ms: number) => (ms >= HOUR_MS ? `${(ms / HOUR_MS).toFixed(1)} h` : ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : seconds(ms));

/** Jobs where the sync spends more or less than the bound; true when some job is below it. */
function printJobs(log: (line: string) => void, measured: Record<Job, number>, bound: LowerBound): number {
  log(`  ${'by job (operations)'.padEnd(22)} ${'sync'.padStart(7)} ${'bound'.padStart(7)} ${'difference'.padStart(11)}`);
  let below = 0;
  for (const job of JOBS) {
    const ours = measured[job];
    const least = bound.byJob[job];
    if (ours === 0 && least === 0) continue;
    const diff = ours - least;
    if (diff < 0) below += 1;
    const note = diff < 0 ? '  ← below the bound: data a full sync must read is missing' : '';
    log(`  ${job.padEnd(22)} ${String(ours).padStart(7)} ${String(least).padStart(7)} ${(diff > 0 ? `+${diff}` : String(diff)).padStart(11)}${note}`);
  }
  return below;
}

function reportProblems(log: (line: string) => void, run: SyncRunFigures): void {
  for (const problem of run.problems) log(`  ! ${problem.slice(0, 240)}`);
  const untallied = run.operations - run.tally.operations;
  if (untallied !== 0) log(`  ! ${untallied} operations counted by the emulator were not seen on the wire`);
}

async function demoSync(log: (line: string) => void): Promise<Record<string, number>> {
  const clock = new SimulatedClock(BENCH_EPOCH);
  const emulator = await startEmulator({ port: 0, scenario: 'demo', now: clock.now });
  const sync = new BenchSync(emulator, clock);
  try {
    const full = await sync.run();
    const bound = lowerBound(worldSize(emulator.world, new Set([...emulator.world.igAccounts.map((a) => a.id), ...emulator.world.pages.map((p) => p.id)]), HISTORY_DAYS));
    clock.advance(HOUR_MS);
    const routine = await sync.run();
    const naive = await naiveRun('demo');
    log(`\nSync of the demo scenario (${full.accounts} accounts, 2 years) against the emulator, Meta's rate limits on`);
    log(`  full sync:     ${full.operations} operations in ${full.httpRequests} HTTP requests, ${seconds(full.localMs)} here + ${duration(full.rateLimitWaitMs)} waiting on rate limits`);
    log(`  lower bound:   ${bound.total} operations (world size and Meta's documented limits) → ours is ${(full.operations / bound.total).toFixed(2)}× (target ≤ 1.2×)`);
    const below = printJobs(log, full.tally.byJob, bound);
    reportProblems(log, full);
    log(`  naive client:  ${naive.operations} operations in ${naive.httpRequests} HTTP requests (${naive.failed} answered with an error), measured → ours uses ${(naive.operations / full.operations).toFixed(1)}× fewer (target ≥ 10×)`);
    log(`  routine sync an hour later: ${routine.operations} operations in ${routine.httpRequests} requests, ${seconds(routine.localMs)} = ${((100 * routine.operations) / full.operations).toFixed(1)}% of a full sync (target ≤ 10%)`);
    return {
      sync_full_operations: full.operations,
      sync_full_http_requests: full.httpRequests,
      sync_full_wall_ms: Math.round(full.localMs),
      sync_full_rate_limit_wait_ms: Math.round(full.rateLimitWaitMs),
      sync_lower_bound_operations: bound.total,
      sync_naive_operations: naive.operations,
      sync_naive_http_requests: naive.httpRequests,
      sync_naive_failed_requests: naive.failed,
      sync_full_vs_lower_bound_ratio: ratio(full.operations, bound.total, 3),
      sync_jobs_below_lower_bound: below,
      sync_naive_vs_full_ratio: ratio(naive.operations, full.operations, 1),
      sync_routine_operations: routine.operations,
      sync_routine_http_requests: routine.httpRequests,
      sync_routine_wall_ms: Math.round(routine.localMs),
      sync_routine_vs_full_percent: ratio(100 * routine.operations, full.operations, 2),
    };
  } finally {
    sync.close();
    await emulator.stop();
  }
}

/** The naive client on a fresh copy of the world, counted by the emulator. */
async function naiveRun(scenario: Scenario): Promise<{ operations: number; httpRequests: number; failed: number }> {
  const clock = new SimulatedClock(BENCH_EPOCH);
  const emulator = await startEmulator({ port: 0, scenario, now: clock.now });
  try {
    const result = await runNaiveClient({ baseUrl: emulator.url, token: emulator.tokens.systemUser, historyDays: HISTORY_DAYS, now: clock.now, sleep: clock.sleep });
    const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as { operations: number; httpRequests: number };
    return { operations: stats.operations, httpRequests: stats.httpRequests, failed: result.failed };
  } finally {
    await emulator.stop();
  }
}

/** A brand with three Instagram accounts and two of its Pages: five accounts, two years. */
async function brandSync(log: (line: string) => void): Promise<Record<string, number>> {
  const clock = new SimulatedClock(BENCH_EPOCH);
  const emulator = await startEmulator({ port: 0, scenario: 'bench-brand', now: clock.now });
  const { igAccounts, pages } = emulator.world;
  const connected = new Set([...igAccounts.map((a) => a.id), ...pages.slice(0, 2).map((p) => p.id)]);
  const sync = new BenchSync(emulator, clock);
  try {
    const full = await sync.run((id) => connected.has(id));
    const bound = lowerBound(worldSize(emulator.world, connected, HISTORY_DAYS));
    const wallMs = full.localMs + full.rateLimitWaitMs;
    log(`\nFull sync of a ${full.accounts}-account, 2-year brand (3 Instagram accounts, 2 Pages) under Meta's rate limits (emulator: ${emulator.state.usage.callsPerHour} calls per business object per rolling hour)`);
    log(`  ${full.operations} operations in ${full.httpRequests} HTTP requests; lower bound ${bound.total} → ${(full.operations / bound.total).toFixed(2)}×`);
    printJobs(log, full.tally.byJob, bound);
    reportProblems(log, full);
    log(`  wall time ${duration(wallMs)} (simulated): ${seconds(full.localMs)} of work here + ${duration(full.rateLimitWaitMs)} waiting on rate limits; Meta's network latency (${full.httpRequests} round trips) is not modelled`);
    return {
      sync_brand5_accounts: full.accounts,
      sync_brand5_full_operations: full.operations,
      sync_brand5_full_http_requests: full.httpRequests,
      sync_brand5_lower_bound_operations: bound.total,
      sync_brand5_vs_lower_bound_ratio: ratio(full.operations, bound.total, 3),
      sync_brand5_local_ms: Math.round(full.localMs),
      sync_brand5_rate_limit_wait_ms: Math.round(full.rateLimitWaitMs),
      sync_brand5_simulated_wall_ms: Math.round(wallMs),
    };
  } finally {
    sync.close();
    await emulator.stop();
  }
}

/** Every sync figure of the bench. */
export async function measureSync(log: (line: string) => void): Promise<Record<string, number>> {
  return { ...(await demoSync(log)), ...(await brandSync(log)) };
}
