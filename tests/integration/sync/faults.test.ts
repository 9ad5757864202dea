import { beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../../src-main/emulator/core/faults';
import { dumpSynced, makeSyncHarness } from '../../support/sync-harness';

/** The database a clean run produces: every faulty or interrupted run must end up here. */
let clean: Record<string, unknown[]>;

beforeAll(async () => {
  const h = await makeSyncHarness('small');
  await h.syncAll();
  clean = dumpSynced(h.core.repos.db);
  await h.close();
});

// Which calls each fault hits, mid-run: past discovery, inside media, insights, batches and DMs.
const FAULT_TARGETS: Record<(typeof FAULT_KINDS)[number], { match?: string; after: number }> = {
  http429: { match: '/media', after: 0 },
  http500: { match: '/insights', after: 3 },
  timeout: { match: '/conversations', after: 0 },
  'malformed-json': { match: '/posts', after: 0 },
  'token-expired': { match: '/insights', after: 2 },
  'batch-partial': { after: 1 },
  'rate-limit': { match: '/media', after: 0 },
  permission: { match: '/conversations', after: 0 },
};

describe('fault matrix: each fault, mid-run, then a later run, ends with the same database as a clean run', () => {
  for (const kind of FAULT_KINDS) {
    it(kind, async () => {
      const h = await makeSyncHarness('small');
      try {
        await h.control('faults', { method: 'POST', body: { kind, ...FAULT_TARGETS[kind], count: 2, ms: 1_500 } });
        const faulty = await h.syncAll();
        const fired = (await h.control('faults')) as { faults: Array<{ fired: number }> };
        expect(fired.faults.reduce((n, f) => n + f.fired, 0), `${kind} fired`).toBeGreaterThan(0);
        if (kind === 'token-expired') {
          expect(faulty.some((r) => r.status === 'failed')).toBe(true);
          expect(h.core.repos.accounts.list().some((a) => a.status === 'needs_reconnect')).toBe(true);
        }
        if (kind === 'permission') {
          // Code 10 on one edge fails that job only: the account stays connected.
          expect(faulty.some((r) => r.status === 'partial')).toBe(true);
          expect(h.core.repos.accounts.list().every((a) => a.status === 'active')).toBe(true);
        }
        await h.control('faults', { method: 'DELETE' });
        h.backoff.now += 60 * 60 * 1000;
        const again = await h.syncAll();
        expect(again.map((r) => r.status)).toEqual(again.map(() => 'ok'));
        expect(dumpSynced(h.core.repos.db)).toEqual(clean);
      } finally {
        await h.close();
      }
    });
  }
});

describe('a sync killed at any point resumes without loss or duplicates', () => {
  for (const killAfter of [3, 11, 24, 40]) {
    it(`killed after ${killAfter} responses`, async () => {
      let responses = 0;
      const controller = new AbortController();
      const h = await makeSyncHarness('small', {
        onResponse: () => {
          responses += 1;
          if (responses === killAfter) controller.abort();
        },
      });
      try {
        const killed = await h.syncAll(controller.signal).catch(() => null);
        expect(killed === null || killed.some((r) => r.status !== 'ok')).toBe(true);
        await h.syncAll();
        expect(dumpSynced(h.core.repos.db)).toEqual(clean);
        const duplicates = h.core.repos.db.prepare('SELECT count(*) - count(DISTINCT external_id) AS n FROM messages').get();
        expect(duplicates).toEqual({ n: 0 });
      } finally {
        await h.close();
      }
    });
  }
});
