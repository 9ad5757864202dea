/**
 * Meta's webhook payloads for things that happen in the emulator's world, in the shapes of the
 * real samples (tests/fixtures/meta/fb-messenger-webhook-message-text.json,
 * ig-messaging-webhook-*.json): `messaging[]` under `object: instagram` (entry.id = the IG
 * professional account) or `object: page` (entry.id = the Page).
 * https://developers.facebook.com/docs/messenger-platform/webhooks/webhook-events/messages
 */
import { messageExtra } from '../world/message-extras';
import type { Conversation, Message } from '../world/types';

/**
 * Serialises like Meta: non-ASCII escaped as \uXXXX and "/" as "\/". The signature covers these
 * exact bytes, so a receiver that re-serialises instead of using the raw body fails on emoji.
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The `messaging` webhook for one DM (incoming, or the echo of the business's own). */
export function messagePayload(conversation: Conversation, message: Message, deliveredAt: number): Record<string, unknown> {
  const business = conversation.accountId;
  const person = conversation.participant.id;
  const body: Record<string, unknown> = { mid: message.id };
  if (message.text) body.text = message.text;
  if (message.fromBusiness) body.is_echo = true;
  if (message.attachments.length > 0) body.attachments = message.attachments.map((a) => ({ type: a.kind, payload: { url: a.url } }));
  // https://developers.facebook.com/docs/instagram-platform/webhooks/examples (story reply, story mention);
  // …/webhooks/new: since 2025-11-03 a shared post comes as `share` and `ig_post` with one media id.
  const extra = messageExtra(conversation, message);
  if (extra?.kind === 'story_reply') body.reply_to = { story: { url: extra.link, id: extra.storyId } };
  if (extra?.kind === 'story_mention') body.attachments = [{ type: 'story_mention', payload: { url: extra.link } }];
  if (extra?.kind === 'share') {
    const mediaId = new URL(extra.link).searchParams.get('asset_id') ?? '';
    body.attachments = ['share', 'ig_post'].map((type) => ({ type, payload: { ig_post_media_id: mediaId, url: extra.link } }));
  }
  return {
    object: conversation.platform === 'instagram' ? 'instagram' : 'page',
    entry: [
      {
        id: business,
        time: deliveredAt,
        messaging: [
          {
            sender: { id: message.fromBusiness ? business : person },
            recipient: { id: message.fromBusiness ? person : business },
            timestamp: message.createdTime,
            message: body,
          },
        ],
      },
    ],
  };
}

/** Unsend: the same `mid` with `is_deleted: true`. */
export function unsendPayload(conversation: Conversation, message: Message, deliveredAt: number): Record<string, unknown> {
  const payload = messagePayload(conversation, message, deliveredAt) as { entry: Array<{ messaging: Array<{ message: Record<string, unknown> }> }> };
  const event = payload.entry[0]?.messaging[0];
  if (event) event.message = { mid: message.id, is_deleted: true };
  return payload;
}

/** One `messaging[]` event from the person (or the business) in this thread, wrapped as Meta does. */
function messagingEvent(conversation: Conversation, fromBusiness: boolean, timestamp: number, event: Record<string, unknown>): Record<string, unknown> {
  const business = conversation.accountId;
  const person = conversation.participant.id;
  return {
    object: conversation.platform === 'instagram' ? 'instagram' : 'page',
    entry: [
      {
        id: business,
        time: timestamp,
        messaging: [{ sender: { id: fromBusiness ? business : person }, recipient: { id: fromBusiness ? person : business }, timestamp, ...event }],
      },
    ],
  };
}

/**
 * `message_reactions`: `reaction: {mid, action, reaction, emoji}`; an unreact carries no emoji.
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-reactions
 */
export function reactionPayload(conversation: Conversation, message: Message, r: { action: 'react' | 'unreact'; emoji?: string; reaction?: string; fromBusiness?: boolean }, at: number): Record<string, unknown> {
  const reaction: Record<string, unknown> = { mid: message.id, action: r.action };
  if (r.action === 'react') Object.assign(reaction, { reaction: r.reaction ?? 'other', emoji: r.emoji ?? '❤️' });
  return messagingEvent(conversation, r.fromBusiness === true, at, { reaction });
}

/**
 * `message_edits`: `message_edit: {mid, text, num_edit}` (at most five edits).
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-edits
 */
export function editPayload(conversation: Conversation, message: Message, numEdit: number, at: number): Record<string, unknown> {
  return messagingEvent(conversation, message.fromBusiness, at, { message_edit: { mid: message.id, text: message.text, num_edit: numEdit } });
}

/**
 * Seen receipts: Messenger's `message_reads` carries a watermark (everything before it was read);
 * Instagram's `messaging_seen` names the `mid` read (tests/fixtures/meta/ig-messaging-webhook-seen.json).
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-reads
 */
export function seenPayload(conversation: Conversation, lastRead: Message, at: number): Record<string, unknown> {
  const read = conversation.platform === 'instagram' ? { mid: lastRead.id } : { watermark: at };
  return messagingEvent(conversation, false, at, { read });
}
