/** Ground truth for tests: every id that exists and which message ids are retrievable. */
import { insightsBlockedReason } from './graph/insights-media';
import { lastCustomerMessageAt, RETRIEVABLE_MESSAGES, retrievableIds, visibleMessages } from './graph/schema-messaging';
import { followersAt } from './world/growth';
import { formatGraphTime } from './world/time';
import type { Comment, Conversation, Media, World } from './world/types';

function threadIds(world: World, targetIds: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (id: string): void => {
    const c: Comment | undefined = world.comments[id];
    if (!c) return;
    out.push(c.id);
    c.replyIds.forEach(walk);
  };
  for (const t of targetIds) for (const id of (world.media[t] ?? world.posts[t])?.commentIds ?? []) walk(id);
  return out;
}

function conversationTruth(world: World, conv: Conversation): Record<string, unknown> {
  const last = lastCustomerMessageAt(world, conv);
  return {
    id: conv.id,
    platform: conv.platform,
    participantId: conv.participant.id,
    participantUsername: conv.participant.username ?? null,
    messageCount: conv.messageIds.length,
    messageIds: conv.messageIds,
    visibleMessageIds: visibleMessages(world, conv).map((m) => m.id),
    retrievableMessageIds: retrievableIds(world, conv),
    // Meta withholds older Instagram messages: the thread's stored history is knowingly partial.
    historyLimited: conv.platform === 'instagram' && visibleMessages(world, conv).length > RETRIEVABLE_MESSAGES,
    lastCustomerMessageAt: last === undefined ? null : formatGraphTime(last),
    lastCustomerMessageAtMs: last ?? null,
  };
}

/** The truth document served at GET /__emulator/truth. */
export function buildTruth(world: World): Record<string, unknown> {
  const accounts: unknown[] = [];
  for (const a of world.igAccounts) {
    accounts.push({
      kind: 'instagram',
      id: a.id,
      username: a.username,
      pageId: a.pageId,
      mediaIds: a.mediaIds,
      followers: Math.round(followersAt(a, world.now)),
      // Media Meta gives no insights for, with the reason (the rest have insights).
      insightsBlocked: Object.fromEntries(
        a.mediaIds.flatMap((id) => {
          const reason = insightsBlockedReason(world, world.media[id] as Media);
          return reason ? [[id, reason]] : [];
        }),
      ),
      commentIds: threadIds(world, a.mediaIds),
      conversations: a.conversationIds.map((id) => conversationTruth(world, world.conversations[id] as Conversation)),
    });
  }
  for (const p of world.pages) {
    accounts.push({
      kind: 'page',
      id: p.id,
      name: p.name,
      igAccountId: p.igAccountId,
      postIds: p.postIds,
      commentIds: threadIds(world, p.postIds),
      conversations: p.conversationIds.map((id) => conversationTruth(world, world.conversations[id] as Conversation)),
    });
  }
  return {
    scenario: world.scenario,
    seed: world.seed,
    now: world.now,
    nowIso: formatGraphTime(world.now),
    totals: {
      media: Object.keys(world.media).length,
      comments: Object.keys(world.comments).length,
      posts: Object.keys(world.posts).length,
      conversations: Object.keys(world.conversations).length,
      messages: Object.keys(world.messages).length,
    },
    accounts,
  };
}
