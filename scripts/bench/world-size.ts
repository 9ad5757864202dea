/**
 * Measures an emulator world the way `lower-bound.ts` needs it: counts of what exists (media,
 * posts, comments and replies, reels, young feed posts, visible DM threads and their messages)
 * for the accounts a sync connects. Sizes only; no knowledge of how the sync reads them.
 */
import { visibleMessages } from '../../src-main/emulator/graph/schema-messaging';
import type { Comment, Conversation, World } from '../../src-main/emulator/world/types';
import type { InstagramAccountSize, ItemSize, PageSize, WorldSize } from './lower-bound';

const DAY_MS = 86_400_000;

function itemSize(world: World, commentIds: readonly string[]): ItemSize {
  return { replies: commentIds.map((id) => (world.comments[id] as Comment | undefined)?.replyIds.length ?? 0) };
}

/** Visible messages per thread, for threads the conversations edge lists (at least one visible message). */
function threadMessages(world: World, conversationIds: readonly string[]): number[] {
  return conversationIds
    .map((id) => visibleMessages(world, world.conversations[id] as Conversation).length)
    .filter((n) => n > 0);
}

/**
 * The size of the world for a full sync of `connected` (IG user ids and Page ids), all found
 * through `/me/accounts`. Instagram threads are read through the linked Page's token, so an
 * Instagram account's threads count even when its Page is not synced itself.
 */
export function worldSize(world: World, connected: ReadonlySet<string>, historyDays: number): WorldSize {
  const accounts: Array<InstagramAccountSize | PageSize> = [];
  for (const account of world.igAccounts) {
    if (!connected.has(account.id)) continue;
    const media = account.mediaIds.map((id) => world.media[id]).filter((m) => m !== undefined);
    accounts.push({
      kind: 'instagram',
      viaDiscovery: true,
      media: media.map((m) => itemSize(world, m.commentIds)),
      reels: media.filter((m) => m.productType === 'REELS').length,
      feedPostsUnder30Days: media.filter((m) => m.productType === 'FEED' && world.now - m.timestamp < 30 * DAY_MS).length,
      threadMessages: threadMessages(world, account.conversationIds),
    });
  }
  for (const page of world.pages) {
    if (!connected.has(page.id)) continue;
    accounts.push({
      kind: 'page',
      viaDiscovery: true,
      posts: page.postIds.map((id) => itemSize(world, world.posts[id]?.commentIds ?? [])),
      threadMessages: threadMessages(world, page.conversationIds),
    });
  }
  return { historyDays, managedPages: world.pages.length, accounts };
}
