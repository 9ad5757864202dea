import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagedPeople } from '../../../src-main/services/analytics/audience';
import { makeSyncHarness, type SyncHarness } from '../../support/sync-harness';

let h: SyncHarness;
beforeAll(async () => {
  h = await makeSyncHarness('small');
  expect((await h.syncAll()).every((r) => r.status === 'ok')).toBe(true);
}, 60_000);
afterAll(() => h.close());

describe('engaged people open their comments and conversations', () => {
  it('gives each person who messaged their latest conversation, and none to those who only commented', () => {
    const people = engagedPeople(h.core.repos, { kind: 'all' });
    const db = h.core.repos.db;
    const messaged = people.filter((p) => p.messages > 0);
    expect(messaged.length).toBeGreaterThan(0);
    for (const p of messaged) {
      const latest = db.prepare('SELECT id FROM conversations WHERE person_id = ? ORDER BY last_message_at DESC LIMIT 1').get(p.id) as { id: number };
      expect(p.conversationId).toBe(latest.id);
    }
    for (const p of people.filter((x) => x.messages === 0)) {
      const any = db.prepare('SELECT count(*) AS n FROM conversations WHERE person_id = ?').get(p.id) as { n: number };
      if (any.n === 0) expect(p.conversationId).toBeNull();
    }
  });

  it("leaves out the brand's own accounts, which reply under comments as authors", () => {
    const db = h.core.repos.db;
    const own = db.prepare(
      `SELECT p.id FROM people p JOIN accounts a ON p.external_id = a.external_id OR (a.handle IS NOT NULL AND lower(p.username) = lower(a.handle))`,
    ).pluck().all() as number[];
    expect(own.length, 'the small world has the brand replying under comments').toBeGreaterThan(0);
    const listed = new Set(engagedPeople(h.core.repos, { kind: 'all' }).map((p) => p.id));
    for (const id of own) expect(listed.has(id)).toBe(false);
  });

  it('filters the comments view to the threads one person started or replied in', () => {
    const people = engagedPeople(h.core.repos, { kind: 'all' }).filter((p) => p.comments > 0);
    const person = people[0]!;
    const page = h.core.repos.comments.listThreads({ accountId: person.accountId, postId: null, unansweredOnly: false, personId: person.id, offset: 0, limit: 500 });
    expect(page.total).toBeGreaterThan(0);
    const everyone = h.core.repos.comments.listThreads({ accountId: person.accountId, postId: null, unansweredOnly: false, offset: 0, limit: 1 });
    expect(page.total).toBeLessThan(everyone.total);
    const theirs = h.core.repos.db.prepare('SELECT id FROM comments WHERE person_id = ?').all(person.id).map((r) => (r as { id: number }).id);
    for (const t of page.threads) {
      const ids = [t.id, ...t.replies.map((r) => r.id)];
      expect(ids.some((id) => theirs.includes(id)), `thread ${t.id}`).toBe(true);
    }
  });
});
