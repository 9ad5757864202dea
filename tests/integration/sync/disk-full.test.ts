import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toErrorPayload } from '../../../src-main/core/app-error';
import { dumpSynced, makeSyncHarness, type SyncHarness } from '../../support/sync-harness';

let h: SyncHarness;
let clean: ReturnType<typeof dumpSynced>;

beforeAll(async () => {
  const reference = await makeSyncHarness('small');
  await reference.syncAll();
  clean = dumpSynced(reference.core.repos.db);
  await reference.close();
  h = await makeSyncHarness('small');
});
afterAll(() => h.close());

const count = (table: string) => (h.core.repos.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a full disk', () => {
  it('stops the sync with DISK_FULL, keeps every committed page intact, and the next run completes it', async () => {
    const db = h.core.repos.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    // The database may not grow: exactly what a full disk does to SQLite.
    db.pragma(`max_page_count = ${pages + 40}`);
    const failure = await h.syncAll().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure, 'the sync must fail when the disk is full').not.toBeNull();
    expect(toErrorPayload(failure)).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/disk is full/i) });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const partial = { posts: count('posts'), messages: count('messages') };
    expect(db.prepare(`SELECT count(*) AS n FROM sync_runs WHERE status = 'running'`).get()).toEqual({ n: 0 });

    db.pragma('max_page_count = 1073741823');
    await h.syncAll();
    expect(count('posts')).toBeGreaterThanOrEqual(partial.posts);
    expect(dumpSynced(db)).toEqual(clean);
  });
});
