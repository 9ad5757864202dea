import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagePayload } from '../../../src-main/emulator/webhooks/payloads';
import { messageExtra } from '../../../src-main/emulator/world/message-extras';
import { attachmentKinds } from '../../../src-main/store/repositories/inbox-text';
import { dumpSynced, makeSyncHarness, type SyncHarness } from '../../support/sync-harness';

interface TruthAccount {
  kind: 'instagram' | 'page';
  id: string;
  mediaIds?: string[];
  postIds?: string[];
  commentIds: string[];
  conversations: Array<{ id: string; retrievableMessageIds: string[] }>;
}

let h: SyncHarness;
let truth: { accounts: TruthAccount[] };
let firstRun: Awaited<ReturnType<SyncHarness['syncAll']>>;

beforeAll(async () => {
  h = await makeSyncHarness('small');
  firstRun = await h.syncAll();
  truth = (await h.control('truth')) as { accounts: TruthAccount[] };
});
afterAll(() => h.close());

const ids = (sql: string) => (h.core.repos.db.prepare(sql).all() as Array<{ id: string }>).map((r) => r.id).sort();

describe('full sync against the emulator', () => {
  it('connects every Page and linked Instagram account of the system-user token', () => {
    expect(firstRun.map((r) => r.status)).toEqual(firstRun.map(() => 'ok'));
    const accounts = h.core.repos.accounts.list();
    expect(accounts.map((a) => `${a.network}:${a.externalId}`).sort()).toEqual(truth.accounts.map((a) => `${a.kind === 'page' ? 'facebook' : 'instagram'}:${a.id}`).sort());
    expect(accounts.every((a) => a.lastSyncedAt !== null && a.status === 'active')).toBe(true);
  });

  it('stores exactly the posts, comments, conversations and retrievable messages Meta holds', () => {
    expect(ids('SELECT external_id AS id FROM posts')).toEqual(truth.accounts.flatMap((a) => a.mediaIds ?? a.postIds ?? []).sort());
    expect(ids('SELECT external_id AS id FROM comments')).toEqual(truth.accounts.flatMap((a) => a.commentIds).sort());
    const conversations = truth.accounts.flatMap((a) => a.conversations);
    expect(ids('SELECT external_id AS id FROM conversations')).toEqual(conversations.map((c) => c.id).sort());
    expect(ids('SELECT external_id AS id FROM messages')).toEqual(conversations.flatMap((c) => c.retrievableMessageIds).sort());
  });

  it("keeps an Instagram story reply, story mention and shared post (Meta's `story` and `shares` fields) as the webhook would", () => {
    const rows = h.core.repos.db
      .prepare(`SELECT m.external_id AS id, m.attachments FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.platform = 'instagram'`)
      .all() as Array<{ id: string; attachments: string | null }>;
    const kindsById = new Map(rows.map((r) => [r.id, attachmentKinds(r.attachments)]));
    const expected = { story_reply: 'story_reply', story_mention: 'story_mention', share: 'shared_post' } as const;
    const { world } = h.emulator;
    let seen = 0;
    for (const conversation of Object.values(world.conversations)) {
      for (const id of conversation.messageIds) {
        const message = world.messages[id]!;
        const extra = messageExtra(conversation, message);
        if (!extra || !kindsById.has(id)) continue;
        seen += 1;
        expect(kindsById.get(id)).toEqual([expected[extra.kind]]);
        // The same message by webhook names the same one thing (a shared post comes as share + ig_post).
        const event = (messagePayload(conversation, message, 0) as { entry: Array<{ messaging: Array<{ message: { attachments?: unknown[]; reply_to?: unknown } }> }> }).entry[0]!.messaging[0]!.message;
        const fromWebhook = extra.kind === 'story_reply' ? ['story_reply'] : attachmentKinds(JSON.stringify(event.attachments));
        expect(fromWebhook).toEqual([expected[extra.kind]]);
      }
    }
    // The small world at T0 holds two such messages among the newest 20 of its threads (the demo, 73).
    expect(seen).toBeGreaterThanOrEqual(2);
  });

  it('keeps a metric snapshot per post, daily account insights and demographics', () => {
    const db = h.core.repos.db;
    const posts = (db.prepare('SELECT count(*) AS n FROM posts').get() as { n: number }).n;
    expect(db.prepare('SELECT count(DISTINCT post_id) AS n FROM post_metric_snapshots').get()).toEqual({ n: posts });
    expect((db.prepare(`SELECT count(*) AS n FROM post_metric_snapshots WHERE views IS NULL`).get() as { n: number }).n).toBe(0);
    const days = db.prepare(`SELECT metric, count(DISTINCT day) AS days FROM account_daily_insights GROUP BY metric`).all() as Array<{ metric: string; days: number }>;
    const byMetric = Object.fromEntries(days.map((d) => [d.metric, d.days]));
    expect(byMetric.reach).toBeGreaterThanOrEqual(700);
    expect(byMetric.views).toBeGreaterThanOrEqual(700);
    expect(byMetric.follower_count).toBeGreaterThanOrEqual(28);
    expect(byMetric.page_media_view).toBeGreaterThanOrEqual(700);
    expect((db.prepare(`SELECT count(DISTINCT breakdown) AS n FROM audience_demographics`).get() as { n: number }).n).toBe(4);
  });

  it("adds each media type's own metrics to young posts: reels watch time, feed profile visits", () => {
    const rows = h.core.repos.db
      .prepare(
        `SELECT p.product_type, s.extra FROM posts p JOIN post_metric_snapshots s ON s.post_id = p.id
         WHERE p.published_at > ? AND p.product_type IN ('REELS', 'FEED')`,
      )
      .all(h.clock.now - 30 * 86_400_000) as Array<{ product_type: string; extra: string | null }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const extra = JSON.parse(row.extra ?? '{}') as Record<string, number>;
      if (row.product_type === 'REELS') expect(extra).toHaveProperty('ig_reels_avg_watch_time');
      else expect(extra).toHaveProperty('profile_visits');
    }
  });

  it('reads reels watch time once for every reel, whatever its age, on the first sync', () => {
    const reels = h.core.repos.db
      .prepare(
        `SELECT p.published_at, s.extra FROM posts p JOIN post_metric_snapshots s ON s.post_id = p.id
         WHERE p.product_type = 'REELS' AND s.captured_at = (SELECT max(captured_at) FROM post_metric_snapshots WHERE post_id = p.id)`,
      )
      .all() as Array<{ published_at: number; extra: string | null }>;
    expect(reels.some((r) => r.published_at < h.clock.now - 180 * 86_400_000)).toBe(true);
    for (const reel of reels) {
      expect(JSON.parse(reel.extra ?? '{}')).toEqual(expect.objectContaining({ ig_reels_avg_watch_time: expect.any(Number), ig_reels_video_view_total_time: expect.any(Number) }));
    }
  });

  it('records each run with the calls it used', () => {
    const runs = h.core.repos.db.prepare(`SELECT status, http_requests, operations FROM sync_runs`).all() as Array<{ status: string; http_requests: number; operations: number }>;
    expect(runs).toHaveLength(firstRun.length);
    for (const run of runs) {
      expect(run.status).toBe('ok');
      expect(run.http_requests).toBeGreaterThan(0);
      expect(run.operations).toBeGreaterThanOrEqual(run.http_requests);
    }
  });

  it('is idempotent: syncing again at the same moment changes nothing', async () => {
    const before = dumpSynced(h.core.repos.db);
    await h.syncAll();
    const after = dumpSynced(h.core.repos.db);
    expect(after.messages).toEqual(before.messages);
    expect(after.comments).toEqual(before.comments);
    expect(after.posts.length).toBe(before.posts.length);
  });

  it('an hour later, a routine sync picks up only what is new, for a fraction of the calls', async () => {
    const fullOps = firstRun.reduce((n, r) => n + r.operations, 0);
    const before = dumpSynced(h.core.repos.db);
    h.clock.now += 60 * 60 * 1000;
    const routine = await h.syncAll();
    const routineOps = routine.reduce((n, r) => n + r.operations, 0);
    expect(routine.every((r) => r.status === 'ok')).toBe(true);
    expect(routineOps).toBeLessThanOrEqual(fullOps * 0.1);
    const after = dumpSynced(h.core.repos.db);
    const fresh = (await h.control('truth')) as { accounts: TruthAccount[] };
    expect(after.posts.length).toBe(fresh.accounts.flatMap((a) => a.mediaIds ?? a.postIds ?? []).length);
    expect(after.messages.length).toBeGreaterThanOrEqual(before.messages.length);
  });
});
