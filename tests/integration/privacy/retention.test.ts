import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetentionPolicy } from '../../../src-preload/contract';
import { KEEP_FOREVER } from '../../../src-main/privacy/retention';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';
import { typedCall } from '../../support/typed-call';

const DAY = 86_400_000;
let h: ServicesHarness;
let ipc: ReturnType<typeof typedCall>;
const db = () => h.core.repos.db;
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).get(...args) as { n: number }).n;
const policy = (patch: Partial<RetentionPolicy>): RetentionPolicy => ({ ...KEEP_FOREVER, ...patch });

beforeAll(async () => {
  h = await makeServicesHarness('retention');
  ipc = typedCall(h.call);
  await h.call('accounts:connectToken', { token: h.emulator.tokens.systemUser });
  await h.services.sync.run(null);
});
afterAll(() => h.close());

describe('retention that asks first', () => {
  it('settings:update cannot change retention or text-only mode: those need the preview and a confirmation', async () => {
    const before = count('SELECT count(*) AS n FROM messages');
    expect(await h.call('settings:update', { retention: policy({ messageText: 1 }) } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await h.call('settings:update', { textOnlyDms: true } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(count('SELECT count(*) AS n FROM messages')).toBe(before);
  });

  it('the preview counts per class and the oldest date, and removes nothing (cancel = not confirming)', async () => {
    const cutoff = h.clock.now - 7 * DAY;
    const total = count('SELECT count(*) AS n FROM messages');
    const older = count('SELECT count(*) AS n FROM messages WHERE sent_at < ?', cutoff);
    expect(older, 'the small scenario has messages older than a week').toBeGreaterThan(0);
    const olderComments = count('SELECT count(*) AS n FROM comments WHERE created_at < ?', cutoff);
    const preview = await ipc('privacy:previewRetention', { retention: policy({ messageText: 7, comments: 7 }), textOnlyDms: false });
    const byName = Object.fromEntries(preview.classes.map((c) => [c.name, c]));
    expect(byName.messageText).toMatchObject({ count: older, days: 7 });
    expect(byName.messageText?.oldest).toBe((db().prepare('SELECT min(sent_at) AS n FROM messages').get() as { n: number }).n);
    expect(byName.comments?.count).toBe(olderComments);
    expect(byName.engagedPeople?.count).toBe(0);
    expect(count('SELECT count(*) AS n FROM messages')).toBe(total);
  });

  it('a preview that is out of date, or no longer what would go, is refused: nothing removed, nothing saved', async () => {
    const retention = policy({ messageText: 7 });
    const total = count('SELECT count(*) AS n FROM messages');
    const stale = await ipc('privacy:previewRetention', { retention, textOnlyDms: false });
    h.clock.now += 16 * 60 * 1000;
    expect(await h.call('privacy:applyRetention', { retention, textOnlyDms: false, confirm: 'APPLY', asOf: stale.asOf, expectedTotal: stale.total })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/out of date/) },
    });
    const fresh = await ipc('privacy:previewRetention', { retention, textOnlyDms: false });
    // What the user saw, against what a sync that brought older history would now remove.
    expect(await h.call('privacy:applyRetention', { retention, textOnlyDms: false, confirm: 'APPLY', asOf: fresh.asOf, expectedTotal: fresh.total - 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/changed since you reviewed it/) },
    });
    expect(count('SELECT count(*) AS n FROM messages')).toBe(total);
    expect((await ipc('settings:get', undefined)).retention.messageText).toBeNull();
  });

  it('applying removes exactly what the preview said, drops emptied conversations, agrees everywhere, and is audited', async () => {
    const retention = policy({ messageText: 7 });
    const preview = await ipc('privacy:previewRetention', { retention, textOnlyDms: false });
    // A message that was inside the window when reviewed and crosses the cutoff while the dialog is open: not shown, so kept.
    const crossing = db().prepare('SELECT id FROM messages WHERE sent_at >= ? ORDER BY sent_at LIMIT 1').pluck().get(preview.asOf - 7 * DAY) as number;
    db().prepare('UPDATE messages SET sent_at = ? WHERE id = ?').run(preview.asOf - 7 * DAY + 60_000, crossing);
    h.clock.now += 5 * 60 * 1000;
    const total = count('SELECT count(*) AS n FROM messages');
    const conversations = count('SELECT count(*) AS n FROM conversations');
    const run = await ipc('privacy:applyRetention', { retention, textOnlyDms: false, confirm: 'APPLY', asOf: preview.asOf, expectedTotal: preview.total });
    expect(count('SELECT count(*) AS n FROM messages WHERE id = ?', crossing)).toBe(1);
    const expected = preview.classes.find((c) => c.name === 'messageText')?.count ?? -1;
    expect(run.removed.messageText).toBe(expected);
    expect(count('SELECT count(*) AS n FROM messages')).toBe(total - expected);
    expect(count('SELECT count(*) AS n FROM conversations')).toBe(conversations - preview.conversationsEmptied);
    expect(count('SELECT count(*) AS n FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = c.id)')).toBe(0);
    expect(count('SELECT count(*) AS n FROM messages_fts')).toBe(count('SELECT count(*) AS n FROM messages WHERE text IS NOT NULL'));
    const status = await ipc('store:getStatus', undefined);
    expect(status.counts.messages).toBe(total - expected);
    const words = (await ipc('privacy:listAudit', { limit: 10 })).map((e) => e.summary);
    expect(words.some((w) => w.startsWith('Retention ran (confirmed)') && w.includes(`${expected} messages`))).toBe(true);
    expect(words.some((w) => w === 'Retention changed: messages kept forever → 7 days')).toBe(true);
    expect(words.join('\n')).not.toMatch(/[{}"]\w+"?:/);
  });

  it('a later sync does not bring back messages outside the window, and the run after it is audited', async () => {
    h.clock.now += 60 * 60 * 1000;
    await h.services.sync.run(null);
    expect(count('SELECT count(*) AS n FROM messages WHERE sent_at < ?', h.clock.now - 7 * DAY)).toBe(0);
  });

  it('text-only mode previews, then scrubs attachments and the names and handles of people who wrote', async () => {
    db().prepare(`UPDATE messages SET attachments = '[{"type":"image"}]' WHERE id IN (SELECT id FROM messages LIMIT 3)`).run();
    const withNames = count('SELECT count(*) AS n FROM people WHERE (name IS NOT NULL OR username IS NOT NULL) AND id IN (SELECT person_id FROM conversations)');
    expect(withNames).toBeGreaterThan(0);
    const preview = await ipc('privacy:previewRetention', { retention: policy({ messageText: 7 }), textOnlyDms: true });
    expect(preview.namesScrubbed).toBe(withNames);
    const withAttachments = count('SELECT count(*) AS n FROM messages WHERE attachments IS NOT NULL');
    expect(withAttachments).toBeGreaterThanOrEqual(3);
    expect(preview.classes.find((c) => c.name === 'attachments')?.count).toBe(withAttachments);
    await ipc('privacy:applyRetention', { retention: policy({ messageText: 7 }), textOnlyDms: true, confirm: 'APPLY', asOf: preview.asOf, expectedTotal: preview.total });
    expect(count('SELECT count(*) AS n FROM messages WHERE attachments IS NOT NULL')).toBe(0);
    expect(count('SELECT count(*) AS n FROM people WHERE (name IS NOT NULL OR username IS NOT NULL) AND id IN (SELECT person_id FROM conversations)')).toBe(0);
    h.clock.now += 60 * 60 * 1000;
    await h.services.sync.run(null);
    expect(count('SELECT count(*) AS n FROM messages WHERE attachments IS NOT NULL')).toBe(0);
    expect(count('SELECT count(*) AS n FROM people WHERE (name IS NOT NULL OR username IS NOT NULL) AND id IN (SELECT person_id FROM conversations)')).toBe(0);
  });

  it('keeping everything again removes nothing more', async () => {
    const before = count('SELECT count(*) AS n FROM messages');
    const preview = await ipc('privacy:previewRetention', { retention: KEEP_FOREVER, textOnlyDms: false });
    expect(preview.total).toBe(0);
    await ipc('privacy:applyRetention', { retention: KEEP_FOREVER, textOnlyDms: false, confirm: 'APPLY', asOf: preview.asOf, expectedTotal: 0 });
    expect(count('SELECT count(*) AS n FROM messages')).toBe(before);
  });
});
