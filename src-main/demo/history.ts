import type { Repositories } from '../store/repositories';
import type { MetricSnapshot } from '../store/repositories/posts';
import { metricsAt, postMetricsAt } from '../emulator/world/metrics';
import type { World } from '../emulator/world/types';
import { refreshInterval } from '../sync/cadence';
import { toSnapshot } from '../sync/snapshots';

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
        const values = media ? metricsAt(world, externalId, at) : postMetricsAt(world, pagePost!, at);
        // History keeps the chart metrics only, as the syncs it stands in for would have for older posts.
        if (values) rows.push([state.id, at, { ...toSnapshot(values, media ? 'ig-media' : 'page-post'), extra: null }]);
      }
    }
    insert(rows);
    written += rows.length;
  }
  return written;
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
