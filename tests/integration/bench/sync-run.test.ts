import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator/server';
import { JOBS } from '../../../scripts/bench/lower-bound';
import { BenchSync, SimulatedClock } from '../../../scripts/bench/sync-run';

const EPOCH = Date.UTC(2026, 10, 16, 10);
let emu: RunningEmulator | undefined;
let sync: BenchSync | undefined;

afterEach(async () => {
  sync?.close();
  await emu?.stop();
  sync = undefined;
  emu = undefined;
});

describe('the bench runs the app’s sync with Meta’s limits on', () => {
  it('sorts every operation the emulator counts into a job, read off the wire', async () => {
    const clock = new SimulatedClock(EPOCH);
    emu = await startEmulator({ port: 0, scenario: 'small', now: clock.now });
    sync = new BenchSync(emu, clock);
    const run = await sync.run();
    expect(run.problems).toEqual([]);
    expect(run.accounts).toBe(2);
    expect(run.tally.operations).toBe(run.operations);
    expect(JOBS.reduce((n, job) => n + run.tally.byJob[job], 0)).toBe(run.operations);
    expect(run.tally.byJob.other).toBe(0);
    expect(run.tally.byJob.discovery).toBe(1);
    expect(run.tally.byJob['account insights']).toBeGreaterThanOrEqual(730);
    expect(run.rateLimitWaitMs).toBe(0);
  }, 120_000);

  it('slows down above 75 % of a tight budget on the simulated clock, not in real time, and finishes', async () => {
    const clock = new SimulatedClock(EPOCH);
    // ~780 operations land on one Instagram account: past 75 % of a 1,000-call hour, the client's
    // governor spaces its requests out, and those waits move the simulated clock.
    emu = await startEmulator({ port: 0, scenario: 'small', now: clock.now, callsPerHour: 1000 });
    sync = new BenchSync(emu, clock);
    const run = await sync.run();
    expect(run.problems).toEqual([]);
    expect(run.tally.byJob['account insights']).toBeGreaterThanOrEqual(730);
    expect(run.rateLimitWaitMs).toBeGreaterThan(0);
    expect(clock.now() - EPOCH).toBe(run.rateLimitWaitMs);
  }, 300_000);
});
