import type { Repositories } from '../store/repositories';
import type { MetricSnapshot } from '../store/repositories/posts';
import { metricsAt, postMetricsAt } from '../emulator/world/metrics';
import type { World } from '../emulator/world/types';
import { refreshInterval } from '../sync/cadence';

/**
 * A real workspace builds its post-metric history one sync at a time; the demo has two years of
 * posts but only one sync, so it back-fills the snapshots that syncs on our refresh cadence
 * would have taken, from the same growth curves the emulator serves. Only for demo accounts.
 */
export function backfillDemoHistory(repos: Repositories, world: World, accountIds: readonly number[], syncedAt: number): number {
  let written = 0;
  const insert = repos.db.transaction((rows: Array<[number, number, MetricSnapshot]>) => {
    for (const [postId, at, snapshot] of rows) repos.posts.addSnapshot(postId, at, snapshot);
  });
  for (const accountId of accountIds) {
    const rows: Array<[number, number, MetricSnapshot]> = [];
    for (const [externalId, state] of repos.posts.snapshotState(accountId)) {
      const media = world.media[externalId];
      const pagePost = world.posts[externalId];
      if (!media && !pagePost) continue;
      for (let at = state.publishedAt + refreshInterval(0); at < syncedAt - 60_000; at += refreshInterval(at - state.publishedAt)) {
        const snapshot = media ? fromMediaMetrics(metricsAt(world, externalId, at)) : fromPageMetrics(postMetricsAt(world, pagePost!, at));
        if (snapshot) rows.push([state.id, at, snapshot]);
      }
    }
    insert(rows);
    written += rows.length;
  }
  return written;
}

function fromMediaMetrics(m: Record<string, number> | undefined): MetricSnapshot | null {
  if (!m) return null;
  return { views: m.views ?? null, reach: m.reach ?? null, likes: m.likes ?? null, comments: m.comments ?? null, shares: m.shares ?? null, saves: m.saved ?? null, totalInteractions: m.total_interactions ?? null };
}

function fromPageMetrics(m: Record<string, number | Record<string, number>>): MetricSnapshot | null {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const reactions = m.post_reactions_by_type_total;
  return {
    views: num(m.post_media_view),
    reach: num(m.post_total_media_view_unique),
    likes: reactions && typeof reactions === 'object' ? Object.values(reactions).reduce((a, b) => a + b, 0) : null,
  };
}

/**
 * Meta returns only the 20 newest messages of a thread, so one sync cannot see older ones; a
 * workspace that had been syncing all along would have stored each message while it was new
 * (and erased the text of the ones later unsent). The demo stores those messages the same way.
 */
export function backfillDemoMessages(repos: Repositories, world: World, accountIds: readonly number[], storedAt: number): number {
  let added = 0;
  for (const accountId of accountIds) {
    const conversations = repos.inbox.conversationIds(accountId);
    repos.db.transaction(() => {
      for (const [externalId, conversationId] of conversations) {
        const thread = world.conversations[externalId];
        if (!thread) continue;
        for (const messageId of thread.messageIds) {
          const m = world.messages[messageId];
          if (!m || m.createdTime > storedAt) continue;
          const isNew = repos.inbox.upsertMessage(
            conversationId,
            { externalId: m.id, direction: m.fromBusiness ? 'out' : 'in', sentAt: m.createdTime, text: m.text || null, attachments: m.attachments, isDeleted: m.unsent },
            storedAt,
          );
          if (isNew) added += 1;
        }
        repos.inbox.refreshConversationTimes(conversationId);
      }
    })();
  }
  return added;
}
