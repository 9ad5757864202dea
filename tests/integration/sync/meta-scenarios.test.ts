import { afterAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src-main/emulator/world/types';
import { makeSyncHarness, type SyncHarness } from '../../support/sync-harness';
import type { Truth } from '../emulator/helpers';

const open: SyncHarness[] = [];
afterAll(() => Promise.all(open.map((h) => h.close())));

/** A full sync of a two-year world takes seconds alone and much longer on a busy machine. */
const SLOW = 240_000;

async function synced(scenario: Scenario, opts: Parameters<typeof makeSyncHarness>[1] = {}) {
  const h = await makeSyncHarness(scenario, opts);
  open.push(h);
  const results = await h.syncAll();
  const truth = (await h.control('truth')) as Truth;
  const rows = <T>(sql: string, ...args: unknown[]) => h.core.repos.db.prepare(sql).all(...args) as T[];
  const ids = (sql: string) => rows<{ id: string }>(sql).map((r) => r.id).sort();
  return { h, results, truth, rows, ids };
}

function instagram(truth: Truth) {
  return truth.accounts.find((a) => a.kind === 'instagram')!;
}

/** Posts of the Instagram account with their stored reason and whether they have a snapshot. */
function igPosts(s: Awaited<ReturnType<typeof synced>>) {
  return s.rows<{ external_id: string; insights_status: string | null; snapshots: number }>(
    `SELECT p.external_id, p.insights_status, (SELECT count(*) FROM post_metric_snapshots WHERE post_id = p.id) AS snapshots
     FROM posts p JOIN accounts a ON a.id = p.account_id WHERE a.network = 'instagram'`,
  );
}

describe('a page of 100 posts, one from before the business conversion (100/2108006)', () => {
  it('stores all 100 posts, the other 99 posts’ insights, and the reason for the one without', async () => {
    const s = await synced('converted');
    const ig = instagram(s.truth);
    expect(ig.mediaIds).toHaveLength(100);
    const posts = igPosts(s);
    expect(posts.map((p) => p.external_id).sort()).toEqual([...ig.mediaIds!].sort());
    const oldest = ig.mediaIds!.at(-1)!;
    expect(posts.filter((p) => p.insights_status !== null)).toEqual([{ external_id: oldest, insights_status: 'before_business_conversion', snapshots: 0 }]);
    expect(posts.filter((p) => p.snapshots > 0)).toHaveLength(99);
    expect(s.results.map((r) => r.status)).toEqual(s.results.map(() => 'ok'));
  }, SLOW);

  it('does not ask Meta for that post’s insights again on later syncs', async () => {
    const s = await synced('converted');
    const oldest = instagram(s.truth).mediaIds!.at(-1)!;
    await s.h.control('faults', {
      method: 'POST',
      body: [
        { kind: 'http500', match: `${oldest}/insights`, count: 100 },
        { kind: 'http500', match: `${oldest}?fields=id,like_count,comments_count,insights`, count: 100 },
      ],
    });
    for (const days of [1, 40]) {
      s.h.clock.now += days * 86_400_000;
      const again = await s.h.syncAll();
      expect(again.map((r) => r.status)).toEqual(again.map(() => 'ok'));
    }
    const faults = (await s.h.control('faults')) as { faults: Array<{ fired: number }> };
    expect(faults.faults.map((f) => f.fired)).toEqual([0, 0]);
    expect(igPosts(s).find((p) => p.external_id === oldest)?.insights_status).toBe('before_business_conversion');
  }, SLOW);
});

describe('insights gaps over several short pages: pre-conversion posts, media the app may not read (code 10), ad media', () => {
  it('stores every post, every reason exactly as Meta has it, and insights for all the others', async () => {
    const s = await synced('insights-gaps');
    const ig = instagram(s.truth);
    const posts = igPosts(s);
    expect(posts.map((p) => p.external_id).sort()).toEqual([...ig.mediaIds!].sort());
    const reasons = Object.fromEntries(posts.filter((p) => p.insights_status).map((p) => [p.external_id, p.insights_status]));
    expect(reasons).toEqual(ig.insightsBlocked);
    expect(posts.filter((p) => !p.insights_status).every((p) => p.snapshots > 0)).toBe(true);
    expect(s.ids(`SELECT c.external_id AS id FROM comments c JOIN accounts a ON a.id = c.account_id WHERE a.network = 'instagram'`)).toEqual([...ig.commentIds].sort());
  }, SLOW);

  it('keeps the account connected: code 10 on one media is not an expired login', async () => {
    const s = await synced('insights-gaps');
    expect(s.h.core.repos.accounts.list().map((a) => a.status)).toEqual(['active', 'active']);
    expect(s.results.map((r) => r.status)).toEqual(['ok', 'ok']);
  }, SLOW);

  it('exposes the reason through the posts repository for the analytics screens', async () => {
    const s = await synced('insights-gaps');
    const listed = s.h.core.repos.posts.list(null, 500, 0);
    const byReason = listed.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.insightsStatus ?? 'ok']: (acc[p.insightsStatus ?? 'ok'] ?? 0) + 1 }), {});
    expect(byReason).toMatchObject({ before_business_conversion: 90, no_permission: 2, unsupported_product_type: 2 });
    expect(listed.filter((p) => p.insightsStatus).every((p) => p.views === null)).toBe(true);
  }, SLOW);
});

describe('an account under 100 followers', () => {
  it('runs every job, saves daily totals, and marks demographics as withheld instead of failing', async () => {
    const s = await synced('small-account');
    expect(s.results.map((r) => r.status)).toEqual(['ok', 'ok']);
    const account = s.h.core.repos.accounts.list().find((a) => a.network === 'instagram')!;
    expect(account.followersCount).toBeLessThan(100);
    expect(account.status).toBe('active');
    expect(account.demographicsStatus).toBe('under_100_followers');
    const days = s.rows<{ metric: string; days: number }>(
      `SELECT metric, count(DISTINCT day) AS days FROM account_daily_insights WHERE account_id = ? GROUP BY metric`,
      account.id,
    );
    const byMetric = Object.fromEntries(days.map((d) => [d.metric, d.days]));
    expect(byMetric.views).toBeGreaterThanOrEqual(700);
    expect(byMetric.reach).toBeGreaterThanOrEqual(700);
    expect(byMetric.follower_count).toBeUndefined();
    expect(s.rows(`SELECT * FROM audience_demographics WHERE account_id = ?`, account.id)).toEqual([]);
  }, SLOW);
});

describe('a listing Meta finds too heavy (code 1)', () => {
  it('shrinks the request and stores every post and comment', async () => {
    const s = await synced('heavy');
    const ig = instagram(s.truth);
    expect(s.results.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(igPosts(s).map((p) => p.external_id).sort()).toEqual([...ig.mediaIds!].sort());
    expect(s.ids(`SELECT c.external_id AS id FROM comments c JOIN accounts a ON a.id = c.account_id WHERE a.network = 'instagram'`)).toEqual([...ig.commentIds].sort());
  }, SLOW);
});

describe('threads longer than 20 messages', () => {
  it('stores every Messenger message and the 20 newest of each Instagram thread, marked as limited', async () => {
    const s = await synced('long-threads');
    const conversations = s.truth.accounts.flatMap((a) => a.conversations);
    expect(conversations.some((c) => c.platform === 'messenger' && c.visibleMessageIds.length > 20)).toBe(true);
    expect(s.ids('SELECT external_id AS id FROM messages')).toEqual(conversations.flatMap((c) => c.retrievableMessageIds).sort());
    const limited = s.rows<{ id: string; history_limited: number }>('SELECT external_id AS id, history_limited FROM conversations');
    expect(Object.fromEntries(limited.map((c) => [c.id, c.history_limited === 1]))).toEqual(Object.fromEntries(conversations.map((c) => [c.id, c.historyLimited])));
    const summaries = s.h.core.repos.inbox.listConversations(null, 100, null, s.h.clock.now);
    expect(summaries.filter((c) => c.historyLimited).map((c) => c.platform)).toEqual(conversations.filter((c) => c.historyLimited).map(() => 'instagram'));
  }, SLOW);

  it('keeps reply_to and is_owner on messages', async () => {
    const s = await synced('long-threads');
    const replies = s.rows<{ reply_to_external_id: string; quoted: number }>(
      `SELECT m.reply_to_external_id, (SELECT count(*) FROM messages q WHERE q.external_id = m.reply_to_external_id) AS quoted
       FROM messages m WHERE m.reply_to_external_id IS NOT NULL`,
    );
    expect(replies.length).toBeGreaterThan(5);
    const owner = s.rows<{ direction: string; is_owner: number | null }>('SELECT DISTINCT direction, is_owner FROM messages ORDER BY 1');
    expect(owner).toEqual([
      { direction: 'in', is_owner: 0 },
      { direction: 'out', is_owner: 1 },
    ]);
    const conversation = s.h.core.repos.inbox.listConversations(null, 100, null, s.h.clock.now).find((c) => c.platform === 'messenger')!;
    const items = s.h.core.repos.inbox.getMessages(conversation.id, 1000, null);
    const quoting = items.filter((m) => m.replyTo?.messageId != null);
    expect(quoting.length).toBeGreaterThan(0);
    for (const m of quoting) expect(items.map((i) => i.id)).toContain(m.replyTo!.messageId);
    expect(items.every((m) => m.isOwner === (m.direction === 'out'))).toBe(true);
  }, SLOW);

  it('pages Messenger history only as far back as the retention setting keeps', async () => {
    const s = await synced('long-threads', { engine: { messageRetentionDays: () => 60 } });
    const cutoff = s.h.clock.now - 60 * 86_400_000;
    const sentAt = (id: string) => s.h.emulator.world.messages[id]!.createdTime;
    const expected = s.truth.accounts
      .flatMap((a) => a.conversations)
      .flatMap((c) => c.retrievableMessageIds)
      .filter((id) => sentAt(id) >= cutoff)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(s.ids('SELECT external_id AS id FROM messages')).toEqual(expected);
  }, SLOW);
});

describe('code 10 and 200-series affect one job, only a refused account means reconnect', () => {
  it('a thread Meta refuses to page (code 10) keeps what was read and is marked limited; the rest syncs', async () => {
    const h = await makeSyncHarness('long-threads');
    open.push(h);
    await h.control('faults', { method: 'POST', body: { kind: 'permission', match: '/messages?', count: 1 } });
    const results = await h.syncAll();
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    const limited = h.core.repos.db.prepare(`SELECT platform, count(*) AS n FROM conversations WHERE history_limited = 1 GROUP BY platform`).all();
    expect(limited).toContainEqual({ platform: 'messenger', n: 1 });
    expect(h.core.repos.accounts.list().every((a) => a.status === 'active')).toBe(true);
  }, SLOW);

  it('a permission error on the account insights fails that job; the other jobs run and the account stays connected', async () => {
    const h = await makeSyncHarness('small');
    open.push(h);
    await h.control('faults', { method: 'POST', body: { kind: 'permission', match: 'metric_type=total_value&period=day', count: 1000 } });
    const results = await h.syncAll();
    const ig = results[1]!;
    expect(ig.status).toBe('partial');
    expect(ig.errors.map((e) => e.job)).toEqual(['insights']);
    expect(h.core.repos.accounts.list().every((a) => a.status === 'active')).toBe(true);
    expect(h.core.repos.db.prepare(`SELECT count(*) AS n FROM audience_demographics`).get()).not.toEqual({ n: 0 });
  }, SLOW);

  it('a code 200 on the account itself means reconnect', async () => {
    const h = await makeSyncHarness('small');
    open.push(h);
    await h.control('faults', { method: 'POST', body: { kind: 'permission', code: 200, match: 'name%2Cfollowers_count', count: 1 } });
    const results = await h.syncAll();
    expect(results.map((r) => r.status)).toContain('failed');
    expect(h.core.repos.accounts.list().find((a) => a.network === 'instagram')?.status).toBe('needs_reconnect');
  }, SLOW);
});
