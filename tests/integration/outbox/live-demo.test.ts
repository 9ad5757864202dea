import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../src-main/demo/load-demo';
import { visibleMessages } from '../../../src-main/emulator/graph/schema-messaging';
import { personUnavailable } from '../../../src-main/emulator/graph/send-limits';
import { LiveDemo } from '../../../src-main/services/live-demo';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';

const HOUR = 3_600_000;
let h: ServicesHarness;

beforeAll(async () => {
  h = await makeServicesHarness('live-demo');
  await loadDemo(h.core, { scenario: 'small' });
}, 120_000);
afterAll(() => h.close());

describe('the live demo', () => {
  it('sends a demo reply to the demo’s own world, which remembers it after a restart and a sync an hour later', async () => {
    const conv = h.core.repos.db
      .prepare(
        `SELECT c.id, c.external_id, c.account_id, p.external_id AS person FROM conversations c JOIN people p ON p.id = c.person_id
         WHERE c.last_incoming_at > ? ORDER BY c.last_incoming_at DESC`,
      )
      .all(h.clock.now - 20 * HOUR)
      .map((r) => r as { id: number; external_id: string; account_id: number; person: string })
      .find((r) => !personUnavailable(r.person))!;
    expect(h.core.repos.accounts.get(conv.account_id)?.isDemo).toBe(true);
    const item = await h.services.outbox.send(conv.id, 'Live demo reply');
    expect(item.state).toBe('sent');

    h.clock.now += HOUR;
    const restarted = new LiveDemo(h.core.repos, () => h.clock.now);
    try {
      const emulator = (await restarted.connection()).emulator!;
      const thread = visibleMessages(emulator.world, emulator.world.conversations[conv.external_id]!);
      expect(thread.filter((m) => m.text === 'Live demo reply')).toHaveLength(1);
      const result = await restarted.sync(conv.account_id);
      expect(result.status).toBe('ok');
    } finally {
      await restarted.stop();
    }
    const stored = h.core.repos.db
      .prepare(`SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND text = 'Live demo reply' AND is_deleted = 0`)
      .get(conv.id) as { n: number };
    expect(stored.n).toBe(1);
  }, 120_000);
});
