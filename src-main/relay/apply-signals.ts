/**
 * Stores what Messenger and Instagram webhooks say about messages already in the store:
 * reactions (`message_reactions`, react/unreact), edits (`message_edits`) and seen receipts
 * (Messenger `message_reads` with a watermark, Instagram `messaging_seen` naming a `mid`).
 * Everything is keyed on Meta's ids and only ever moves forward in time, so a redelivered or
 * late envelope changes nothing (the relay delivers at least once).
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-reactions
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-edits
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-reads
 * https://developers.facebook.com/docs/instagram-platform/webhooks/examples (messaging_seen: `read.mid`)
 */
import type { MessageEditEvent, ReactionEvent, ReadEvent } from '../meta/webhook-types';
import type { Repositories } from '../store/repositories';

/** What one signal did: stored, already known (a redelivery or older event), or not completable here. */
export type SignalOutcome = 'stored' | 'unchanged' | 'message-unknown' | 'account-unknown';

export type AccountLookup = (network: 'instagram' | 'facebook', externalId: string) => number | null;

const networkOf = (platform: 'instagram' | 'messenger') => (platform === 'instagram' ? 'instagram' : 'facebook');

export function applyReaction(repos: Repositories, accountFor: AccountLookup, e: ReactionEvent): SignalOutcome {
  const accountId = accountFor(networkOf(e.platform), e.entryId);
  if (accountId === null) return 'account-unknown';
  const message = e.mid ? repos.messageSignals.findMessage(accountId, e.mid) : null;
  if (!message) return 'message-unknown';
  const stored = repos.messageSignals.setReaction({
    messageId: message.id,
    byBusiness: e.senderId === e.entryId,
    action: e.action,
    emoji: e.emoji ?? null,
    reaction: e.reaction ?? null,
    at: e.timestampMs,
  });
  return stored ? 'stored' : 'unchanged';
}

/**
 * An edit replaces the text (text-only mode keeps words, so it applies there too). `keepText`: the
 * message was just read from Graph after the edit happened, so its stored text is already the
 * current one and only the "Edited" mark (count, time) is taken from the webhook.
 */
export function applyEdit(repos: Repositories, accountFor: AccountLookup, e: MessageEditEvent, keepText = false): SignalOutcome {
  const accountId = accountFor(networkOf(e.platform), e.entryId);
  if (accountId === null) return 'account-unknown';
  const message = e.mid ? repos.messageSignals.findMessage(accountId, e.mid) : null;
  if (!message) return 'message-unknown';
  if (e.text === undefined) return 'unchanged';
  return repos.messageSignals.applyEdit(message.id, keepText ? null : e.text, e.numEdit ?? 1, e.timestampMs) ? 'stored' : 'unchanged';
}

/**
 * A seen receipt moves the thread's "seen up to" mark: Messenger gives the watermark (everything
 * sent before it was read), Instagram the `mid` of the message read, whose time is the mark.
 */
export function applyRead(repos: Repositories, accountFor: AccountLookup, e: ReadEvent, now: number): SignalOutcome {
  const accountId = accountFor(networkOf(e.platform), e.entryId);
  if (accountId === null) return 'account-unknown';
  let conversationId: number | null = null;
  let seenUpto: number | undefined = e.watermarkMs;
  if (e.mid) {
    const message = repos.messageSignals.findMessage(accountId, e.mid);
    if (message) {
      conversationId = message.conversationId;
      seenUpto = Math.max(seenUpto ?? 0, message.sentAt);
    }
  }
  conversationId ??= seenUpto !== undefined ? repos.messageSignals.threadWith(accountId, e.platform, e.senderId) : null;
  if (conversationId === null || seenUpto === undefined) return 'message-unknown';
  return repos.messageSignals.markSeen(conversationId, seenUpto, now) ? 'stored' : 'unchanged';
}
