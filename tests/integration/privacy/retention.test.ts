import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';

const DAY = 86_400_000;
let h: ServicesHarness;
const db = () => h.core.repos.db;
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).get(...args) as { n: number }).n;

beforeAll(async () => {
  h = await makeServicesHarness('retention');
  await h.call('accounts:connectToken', { token: h.emulator.tokens.systemUser });
  await h.services.sync.run(null);
});
afterAll(() => h.close());

describe('retention window and text-only DMs', () => {
  it('deleting by age removes the text from the table and the search index, and is audited', async () => {
    const cutoff = h.clock.now - 7 * DAY;
    const old = db().prepare('SELECT text FROM messages WHERE sent_at < ? AND text IS NOT NULL LIMIT 1').get(cutoff) as { text: string } | undefined;
    expect(old, 'the small scenario has messages older than a week').toBeDefined();
    const total = count('SELECT count(*) AS n FROM messages');
    const older = count('SELECT count(*) AS n FROM messages WHERE sent_at < ?', cutoff);

    const updated = await h.call('settings:update', { messageRetentionDays: 7 });
    expect(updated).toMatchObject({ ok: true, data: { messageRetentionDays: 7 } });
    expect(count('SELECT count(*) AS n FROM messages WHERE sent_at < ?', cutoff)).toBe(0);
    expect(count('SELECT count(*) AS n FROM messages')).toBe(total - older);
    const ftsRows = count(`SELECT count(*) AS n FROM messages_fts`);
    expect(ftsRows).toBe(count('SELECT count(*) AS n FROM messages WHERE text IS NOT NULL'));
    expect(h.core.repos.audit.list(5).map((e) => e.action)).toContain('privacy.retention_applied');
  });

  it('a later sync does not bring back messages outside the window', async () => {
    h.clock.now += 60 * 60 * 1000;
    await h.services.sync.run(null);
    expect(count('SELECT count(*) AS n FROM messages WHERE sent_at < ?', h.clock.now - 7 * DAY)).toBe(0);
  });

  it('text-only mode drops stored attachments now and on every sync after', async () => {
    db().prepare(`UPDATE messages SET attachments = '[{"type":"image"}]' WHERE id IN (SELECT id FROM messages LIMIT 3)`).run();
    await h.call('settings:update', { textOnlyDms: true });
    expect(count('SELECT count(*) AS n FROM messages WHERE attachments IS NOT NULL')).toBe(0);
    await h.services.sync.run(null);
    expect(count('SELECT count(*) AS n FROM messages WHERE attachments IS NOT NULL')).toBe(0);
  });

  it('turning retention off keeps what is left', async () => {
    const before = count('SELECT count(*) AS n FROM messages');
    await h.call('settings:update', { messageRetentionDays: null });
    expect(count('SELECT count(*) AS n FROM messages')).toBe(before);
  });
});
