/**
 * Stores what the webhook parsers (`meta/webhooks.ts`) produced, idempotently: messages are keyed
 * on Meta's `mid`, comments on their id, so a redelivered envelope changes nothing.
 *
 * Webhooks name the person, not the thread. A message goes into the thread the sync already
 * stored with that person; if none exists yet, into a provisional thread `webhook:<person id>`
 * that the next sync adopts under Meta's conversation id (InboxRepository.upsertConversation).
 * Routing on `entry.id`: the IG professional account (object `instagram`) or the Page (`page`).
 * https://developers.facebook.com/docs/messenger-platform/webhooks/webhook-events/messages
 */
import type { CommentEvent, MessageEvent, PageFeedEvent, WebhookEvent } from '../meta/webhook-types';
import type { Repositories } from '../store/repositories';
import { applyEdit, applyReaction, applyRead, type SignalOutcome } from './apply-signals';
import { dropExpiredSignals, holdSignal, settlePendingSignals, type MessageSignal } from './pending-signals';

export interface ApplyResult {
  messagesStored: number;
  commentsStored: number;
  /** Reactions, edits and seen receipts that changed what the store shows (including ones that waited for their message). */
  signalsStored: number;
  /** Signals about a message not stored yet, kept until it arrives (pending-signals.ts). */
  signalsPending: number;
  /** Edits that replaced a stored text: the caller checkpoints so the old words leave the -wal too. */
  textsReplaced: number;
  /** Events this version does not keep (deliveries, postbacks, mentions, WhatsApp, …). */
  ignored: number;
  /** Something arrived that only a sync can complete (unknown post, unknown account). */
  needsSync: boolean;
}

export const PROVISIONAL_THREAD_PREFIX = 'webhook:';

function accountFor(repos: Repositories, network: 'instagram' | 'facebook', externalId: string): number | null {
  return repos.accounts.list().find((a) => a.network === network && a.externalId === externalId)?.id ?? null;
}

function threadFor(repos: Repositories, accountId: number, platform: 'instagram' | 'messenger', personId: number, at: number): number {
  const existing = repos.db
    .prepare('SELECT id FROM conversations WHERE account_id = ? AND person_id = ? AND platform = ? ORDER BY last_message_at DESC LIMIT 1')
    .get(accountId, personId, platform) as { id: number } | undefined;
  if (existing) return existing.id;
  const person = repos.db.prepare('SELECT external_id FROM people WHERE id = ?').get(personId) as { external_id: string };
  return repos.inbox.upsertConversation(accountId, { externalId: `${PROVISIONAL_THREAD_PREFIX}${person.external_id}`, platform, personId, updatedAt: at });
}

/**
 * A reply to the brand's story comes as `message.reply_to.story` ({url, id}), not as an attachment
 * (https://developers.facebook.com/docs/instagram-platform/webhooks/examples/): kept as a
 * `story_reply` attachment so the thread shows what the text answers.
 */
function storyReplyAttachment(e: MessageEvent): Array<MessageEvent['attachments'][number]> {
  const story = e.replyTo?.story;
  if (!story) return [];
  return [{ type: 'story_reply', ...(story.url ? { url: story.url } : {}), payload: { ...story } }];
}

function applyMessage(repos: Repositories, e: MessageEvent, now: number, result: ApplyResult, options: ApplyOptions): void {
  const accountId = accountFor(repos, e.platform === 'instagram' ? 'instagram' : 'facebook', e.entryId);
  if (accountId === null || !e.mid) {
    result.needsSync = result.needsSync || accountId === null;
    result.ignored += 1;
    return;
  }
  const outgoing = e.isEcho || e.senderId === e.entryId;
  const personExternalId = outgoing ? e.recipientId : e.senderId;
  const personId = repos.inbox.upsertPerson(accountId, { idKind: e.platform === 'instagram' ? 'igsid' : 'psid', externalId: personExternalId }, e.timestampMs);
  const conversationId = threadFor(repos, accountId, e.platform, personId, e.timestampMs);
  const isNew = repos.inbox.upsertMessage(
    conversationId,
    {
      externalId: e.mid,
      direction: outgoing ? 'out' : 'in',
      sentAt: e.timestampMs,
      text: e.text ?? null,
      // Text-only mode: photos and files are never saved, whichever way a message arrives.
      attachments: options.textOnly ? [] : [...storyReplyAttachment(e), ...e.attachments],
      replyToExternalId: e.replyTo?.mid ?? null,
      isDeleted: e.isDeleted,
    },
    now,
  );
  repos.inbox.refreshConversationTimes(conversationId);
  if (!isNew) return;
  result.messagesStored += 1;
  result.signalsStored += settlePendingSignals(
    repos,
    { accountId, platform: e.platform, externalId: e.mid, personExternalId, isDeleted: e.isDeleted, origin: 'webhook' },
    now,
  );
}

function storeComment(repos: Repositories, accountId: number, mediaExternalId: string | undefined, c: { id: string; text?: string; parentId?: string; from?: { id: string; username?: string; name?: string }; createdAt: number }, network: 'instagram' | 'facebook', now: number, result: ApplyResult): void {
  const postId = mediaExternalId ? repos.posts.idByExternalId(accountId, mediaExternalId) : null;
  if (postId === null || !c.id) {
    // The post is not stored yet (new post, or older than the first sync): the sync fetches both.
    result.needsSync = true;
    result.ignored += 1;
    return;
  }
  const personId = c.from ? repos.inbox.upsertPerson(accountId, { idKind: network === 'instagram' ? 'ig_user' : 'fb_user', externalId: c.from.id, username: c.from.username ?? null, name: c.from.name ?? null }, c.createdAt) : null;
  repos.comments.upsert(accountId, postId, { externalId: c.id, parentExternalId: c.parentId ?? null, personId, authorUsername: c.from?.username ?? c.from?.name ?? null, text: c.text ?? null, createdAt: c.createdAt }, now);
  result.commentsStored += 1;
}

function applyComment(repos: Repositories, e: CommentEvent, now: number, result: ApplyResult): void {
  const accountId = accountFor(repos, 'instagram', e.entryId);
  if (accountId === null) {
    result.ignored += 1;
    return;
  }
  storeComment(repos, accountId, e.media?.id, { id: e.commentId, ...(e.text !== undefined ? { text: e.text } : {}), ...(e.parentId ? { parentId: e.parentId } : {}), ...(e.from ? { from: e.from } : {}), createdAt: e.timeMs ?? now }, 'instagram', now, result);
}

function applyFeed(repos: Repositories, e: PageFeedEvent, now: number, result: ApplyResult): void {
  const accountId = accountFor(repos, 'facebook', e.entryId);
  if (accountId === null || e.item !== 'comment' || e.verb !== 'add' || !e.commentId) {
    // New posts, edits, hides and reactions are picked up by the next sync.
    result.needsSync = result.needsSync || (accountId !== null && e.item !== 'comment');
    result.ignored += 1;
    return;
  }
  const parentId = e.parentId && e.parentId !== e.postId ? e.parentId : undefined;
  storeComment(repos, accountId, e.postId, { id: e.commentId, ...(e.message !== undefined ? { text: e.message } : {}), ...(parentId ? { parentId } : {}), ...(e.from ? { from: e.from } : {}), createdAt: e.createdTimeMs ?? e.timeMs ?? now }, 'facebook', now, result);
}

export interface ApplyOptions {
  /** The text-only DMs setting: keep the words, never attachment references. */
  textOnly?: boolean;
}

/** Applies parsed events; the caller wraps this in the transaction that also advances the seq. */
export function applyWebhookEvents(repos: Repositories, events: readonly WebhookEvent[], now: number, options: ApplyOptions = {}): ApplyResult {
  const result: ApplyResult = { messagesStored: 0, commentsStored: 0, signalsStored: 0, signalsPending: 0, textsReplaced: 0, ignored: 0, needsSync: false };
  const lookup = (network: 'instagram' | 'facebook', externalId: string) => accountFor(repos, network, externalId);
  dropExpiredSignals(repos, now);
  const countSignal = (e: MessageSignal, outcome: SignalOutcome) => {
    if (outcome === 'stored') {
      result.signalsStored += 1;
      if (e.type === 'message-edit') result.textsReplaced += 1;
    } else if (outcome === 'account-unknown') {
      result.ignored += 1;
      result.needsSync = true;
    } else if (outcome === 'message-unknown') {
      const accountId = lookup(e.platform === 'instagram' ? 'instagram' : 'facebook', e.entryId);
      if (accountId !== null && holdSignal(repos, accountId, e, now)) result.signalsPending += 1;
      // An edit of a message the store lacks: the sync fetches the message with its current text.
      if (e.type === 'message-edit') result.needsSync = true;
    }
  };
  for (const e of events) {
    if (e.type === 'message') applyMessage(repos, e, now, result, options);
    else if (e.type === 'reaction') countSignal(e, applyReaction(repos, lookup, e));
    else if (e.type === 'message-edit') countSignal(e, applyEdit(repos, lookup, e));
    else if (e.type === 'read') countSignal(e, applyRead(repos, lookup, e, now));
    else if (e.type === 'comment') applyComment(repos, e, now, result);
    else if (e.type === 'page-feed') applyFeed(repos, e, now, result);
    else result.ignored += 1;
  }
  return result;
}
