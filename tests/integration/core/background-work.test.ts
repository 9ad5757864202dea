import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundFailure } from '../../../src-preload/contract';
import { AppError } from '../../../src-main/core/app-error';
import { SyncScheduler } from '../../../src-main/sync/scheduler';
import { holdLockInChild, release } from '../../support/fs-faults';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';

let h: ServicesHarness;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const cleanups: Array<() => unknown> = [];

beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
  process.off('unhandledRejection', onUnhandled);
  await h?.close();
});

/** Lets any stray rejection surface: two macrotask turns after the work settled. */
const settle = () => new Promise((done) => setTimeout(() => setTimeout(done, 0), 0));

describe('background work never takes the app down', () => {
  it('a sync in flight during a wipe, and one started after it, end as recorded failures or LOCKED, never a crash', async () => {
    h = await makeServicesHarness('background-wipe');
    const connected = await h.call('accounts:connectToken', { token: h.emulator.tokens.systemUser });
    expect(connected.ok).toBe(true);
    // The first sync now runs in the background; erase everything under it.
    const wiped = await h.call('privacy:wipe', { confirm: 'WIPE' });
    expect(wiped).toMatchObject({ ok: true, data: { left: [] } });
    await h.core.tasks.idle();

    // The services of the closed store are gone: asking for a sync is refused as data.
    expect(await h.call('sync:run', { accountId: null })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(() => h.services.sync).toThrow(/not open/);
    await h.core.tasks.idle();
    await settle();
    expect(unhandled).toEqual([]);

    // A new store gets new services on the new database, not the closed one.
    h.core.createVault('os-keychain');
    expect(await h.services.sync.run(null)).toEqual([]);
    expect(h.services.sync.status().accounts).toEqual([]);
  });

  it('a background sync that finds the store busy is recorded and shown in the sync status, and the app keeps running', async () => {
    h = await makeServicesHarness('background-busy', { busyTimeoutMs: 100 });
    expect((await h.call('accounts:connectToken', { token: h.emulator.tokens.systemUser })).ok).toBe(true);
    await h.core.tasks.idle();
    const key = h.core.vault.open().toString('hex');
    const holder = await holdLockInChild(h.core.databaseFile, key, 'write');
    cleanups.push(() => release(holder));
    const events: Array<BackgroundFailure | null> = [];
    h.core.events.on('sync:status', (status) => events.push(status.backgroundFailure));

    h.clock.now += 2 * 60 * 60_000;
    expect(await h.call('sync:run', { accountId: null })).toEqual({ ok: true, data: null });
    await h.core.tasks.idle();
    await settle();
    expect(unhandled).toEqual([]);

    // The run cannot even write its own sync_runs row, so the supervisor catches it and names the cause.
    expect(h.services.sync.status().backgroundFailure).toMatchObject({ task: 'sync', code: 'BUSY', message: expect.stringMatching(/another Social Desk/i) });
    expect(events.some((e) => e?.code === 'BUSY')).toBe(true);

    await release(holder);
    // Once the other process is gone, the next sync works and clears the failure from the indicator.
    await h.services.sync.run(null);
    expect(h.services.sync.status().backgroundFailure).toBeNull();
  });

  it('a scheduled pass that throws is caught by the supervisor, written to the audit log and announced', async () => {
    h = await makeServicesHarness('background-scheduler');
    const events: Array<BackgroundFailure | null> = [];
    h.core.events.on('sync:status', (status) => events.push(status.backgroundFailure));
    const scheduler = new SyncScheduler({
      engine: () => h.services.sync['engine' as never],
      accounts: () => {
        throw new AppError('DISK_FULL', 'The disk is full.');
      },
      intervalMs: () => 60_000,
      now: () => h.clock.now,
      runTask: (task, work) => h.core.tasks.run(task, work),
      setTimer: () => null,
      clearTimer: () => {},
    });
    scheduler.start();
    await h.core.tasks.idle();
    await settle();
    expect(unhandled).toEqual([]);
    expect(h.core.tasks.lastFailure()).toMatchObject({ task: 'scheduled sync', code: 'DISK_FULL' });
    const [entry] = h.core.repos.audit.list(1);
    expect(entry).toMatchObject({ action: 'background.failed', subject: 'scheduled sync' });
    expect(JSON.parse(entry!.detail!)).toMatchObject({ code: 'DISK_FULL' });
    expect(events.at(-1)).toMatchObject({ task: 'scheduled sync', code: 'DISK_FULL' });
    expect(h.services.sync.status().backgroundFailure).toMatchObject({ code: 'DISK_FULL' });
    await scheduler.stop();
  });
});
