/**
 * Webhook normalisation (meta-api.md §5): Instagram and Messenger `messaging[]`/`standby[]` events,
 * `changes[]` for IG comments and Page feed, and WhatsApp changes, all turned into `WebhookEvent`s.
 * Plus `verifySignature` for `X-Hub-Signature-256`, which must run on the raw request bytes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { MalformedResponseError } from './errors';
import { asArray, asBoolean, asNumber, asRecord, asString, definedFields, quoteLargeIds, toEpochMs, type JsonRecord } from './json-access';
import { parseComment, type Comment } from './resource-parsers';
import { parseWhatsAppChange } from './webhook-whatsapp';
import type {
  CommentEvent,
  MessageAttachment,
  MessageEvent,
  MessagingPlatform,
  PageFeedEvent,
  WebhookEvent,
} from './webhook-types';

export type * from './webhook-types';
export { parseWhatsAppError } from './webhook-whatsapp';

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` against the raw body in constant time. Several secrets
 * may be given because it is unverified which one (Meta app or Instagram app) signs IG-Login hooks.
 */
export function verifySignature(rawBody: Buffer, header: string | null | undefined, appSecret: string | readonly string[]): boolean {
  if (!header) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const received = Buffer.from(match[1], 'hex');
  const secrets = typeof appSecret === 'string' ? [appSecret] : appSecret;
  let ok = false;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    // Evaluate every secret so timing does not reveal which one matched.
    ok = (expected.length === received.length && timingSafeEqual(expected, received)) || ok;
  }
  return ok;
}

/** Parses a raw webhook body (keeping long numeric ids exact) and normalises it. */
export function parseWebhookBody(raw: Buffer | string): WebhookEvent[] {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  return parseWebhookPayload(JSON.parse(quoteLargeIds(text)) as unknown);
}

function parseAttachments(value: unknown): MessageAttachment[] {
  return asArray(value).flatMap((a) => {
    const rec = asRecord(a);
    if (!rec) return [];
    const payload = asRecord(rec.payload) ?? {};
    const url = asString(payload.url);
    return [{ type: asString(rec.type) ?? 'unknown', ...(url ? { url } : {}), payload }];
  });
}

function parseMessage(msg: JsonRecord, base: Omit<MessageEvent, 'type' | 'mid' | 'attachments' | 'isEcho' | 'isDeleted' | 'isUnsupported'>): MessageEvent {
  const attachments = parseAttachments(msg.attachments);
  const event: MessageEvent = {
    type: 'message',
    ...base,
    mid: asString(msg.mid) ?? '',
    attachments,
    isEcho: asBoolean(msg.is_echo) ?? false,
    isDeleted: asBoolean(msg.is_deleted) ?? false,
    // Older IG payloads flag unsupported content only through the attachment type.
    isUnsupported: (asBoolean(msg.is_unsupported) ?? false) || attachments.some((a) => a.type === 'unsupported_type'),
  };
  const text = asString(msg.text);
  if (text !== undefined) event.text = text;
  const replyTo = asRecord(msg.reply_to);
  if (replyTo) {
    const story = asRecord(replyTo.story);
    const mid = asString(replyTo.mid);
    const storyId = asString(story?.id);
    const storyUrl = asString(story?.url);
    event.replyTo = {
      ...(mid ? { mid } : {}),
      ...(story ? { story: { ...(storyId ? { id: storyId } : {}), ...(storyUrl ? { url: storyUrl } : {}) } } : {}),
    };
  }
  const quick = asString(asRecord(msg.quick_reply)?.payload);
  if (quick !== undefined) event.quickReplyPayload = quick;
  const appId = asString(msg.app_id);
  if (appId) event.appId = appId;
  const metadata = asString(msg.metadata);
  if (metadata !== undefined) event.metadata = metadata;
  return event;
}

function parseMessagingEvent(ev: JsonRecord, platform: MessagingPlatform, entryId: string, standby: boolean, object: string): WebhookEvent {
  const base = {
    platform,
    entryId,
    senderId: asString(asRecord(ev.sender)?.id) ?? '',
    recipientId: asString(asRecord(ev.recipient)?.id) ?? '',
    timestampMs: toEpochMs(ev.timestamp) ?? 0,
    standby,
  };
  const message = asRecord(ev.message);
  if (message) return parseMessage(message, base);
  const read = asRecord(ev.read);
  if (read) {
    const mid = asString(read.mid);
    const watermarkMs = toEpochMs(read.watermark);
    return { type: 'read', ...base, ...(mid ? { mid } : {}), ...(watermarkMs !== undefined ? { watermarkMs } : {}) };
  }
  const delivery = asRecord(ev.delivery);
  if (delivery) {
    const watermarkMs = toEpochMs(delivery.watermark);
    const mids = asArray(delivery.mids).map(asString).filter((m): m is string => !!m);
    return { type: 'delivery', ...base, mids, ...(watermarkMs !== undefined ? { watermarkMs } : {}) };
  }
  const reaction = asRecord(ev.reaction);
  if (reaction) {
    const r = asString(reaction.reaction);
    const emoji = asString(reaction.emoji);
    return {
      type: 'reaction',
      ...base,
      mid: asString(reaction.mid) ?? '',
      action: asString(reaction.action) === 'unreact' ? 'unreact' : 'react',
      ...(r ? { reaction: r } : {}),
      ...(emoji ? { emoji } : {}),
    };
  }
  const postback = asRecord(ev.postback);
  if (postback) {
    const mid = asString(postback.mid);
    const title = asString(postback.title);
    const payload = asString(postback.payload);
    return { type: 'postback', ...base, ...(mid ? { mid } : {}), ...(title ? { title } : {}), ...(payload !== undefined ? { payload } : {}) };
  }
  const edit = asRecord(ev.message_edit);
  if (edit) {
    const text = asString(edit.text);
    const numEdit = asNumber(edit.num_edit);
    return { type: 'message-edit', ...base, mid: asString(edit.mid) ?? '', ...(text !== undefined ? { text } : {}), ...(numEdit !== undefined ? { numEdit } : {}) };
  }
  return { type: 'unknown', object, entryId, raw: ev };
}

/**
 * A comment change's `value` has the shape of the Graph comment node (`id`, `text`/`message`,
 * `from`, `parent_id`, `media{id}`), so it goes through the same parser the sync uses
 * (resource-parsers.ts); a value without an id yields an event with an empty `commentId`,
 * which the store skips.
 * https://developers.facebook.com/docs/instagram-platform/webhooks/examples (comments)
 */
function commentNode(value: JsonRecord, id: unknown): Comment | null {
  try {
    return parseComment({ ...value, id });
  } catch (error) {
    if (error instanceof MalformedResponseError) return null;
    throw error;
  }
}

function parseCommentChange(value: JsonRecord, field: 'comments' | 'live_comments', entryId: string, timeMs: number | undefined): CommentEvent {
  const c = commentNode(value, value.id);
  const event: CommentEvent = { type: 'comment', platform: 'instagram', field, entryId, commentId: c?.id ?? '' };
  if (timeMs !== undefined) event.timeMs = timeMs;
  if (c?.text !== undefined) event.text = c.text;
  if (c?.authorId) event.from = { id: c.authorId, ...(c.authorUsername ? { username: c.authorUsername } : {}) };
  if (c?.parentId) event.parentId = c.parentId;
  const media = asRecord(value.media);
  if (media && c?.mediaId) {
    // The webhook adds ad and product fields the Graph node does not carry.
    event.media = {
      id: c.mediaId,
      ...definedFields({
        mediaProductType: asString(media.media_product_type),
        adId: asString(media.ad_id),
        adTitle: asString(media.ad_title),
        originalMediaId: asString(media.original_media_id),
      }),
    };
  }
  return event;
}

/**
 * A Page `feed` change. Comment changes name the comment `comment_id` and otherwise have the
 * Graph comment node's fields (`message`, `from{id,name}`, `created_time`, `parent_id`,
 * `is_hidden`), so those go through the sync's comment parser; older payloads name the author
 * `sender_id`/`sender_name`.
 * https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed
 */
function parseFeed(value: JsonRecord, entryId: string, timeMs: number | undefined): PageFeedEvent {
  const event: PageFeedEvent = { type: 'page-feed', entryId, item: asString(value.item) ?? 'unknown', verb: asString(value.verb) ?? 'unknown' };
  if (timeMs !== undefined) event.timeMs = timeMs;
  const node = commentNode(value, value.comment_id ?? value.post_id);
  const fromId = node?.authorId ?? asString(value.sender_id);
  const name = node?.authorName ?? asString(value.sender_name);
  Object.assign(
    event,
    definedFields({
      postId: asString(value.post_id),
      commentId: asString(value.comment_id),
      parentId: node?.parentId,
      message: node?.text,
      reactionType: asString(value.reaction_type),
      createdTimeMs: node?.createdAtMs,
      isHidden: node?.hidden,
      from: fromId ? { id: fromId, ...(name ? { name } : {}) } : undefined,
    }),
  );
  return event;
}

/** Normalises a parsed webhook payload of any supported `object` into events, in delivery order. */
export function parseWebhookPayload(json: unknown): WebhookEvent[] {
  const root = asRecord(json);
  if (!root) return [];
  const object = asString(root.object) ?? 'unknown';
  const events: WebhookEvent[] = [];
  for (const rawEntry of asArray(root.entry)) {
    const entry = asRecord(rawEntry);
    if (!entry) continue;
    const entryId = asString(entry.id) ?? '';
    const timeMs = toEpochMs(entry.time);
    if (object === 'instagram' || object === 'page') {
      const platform: MessagingPlatform = object === 'instagram' ? 'instagram' : 'messenger';
      for (const [key, standby] of [['messaging', false], ['standby', true]] as const) {
        for (const ev of asArray(entry[key])) {
          const rec = asRecord(ev);
          if (rec) events.push(parseMessagingEvent(rec, platform, entryId, standby, object));
        }
      }
    }
    for (const rawChange of asArray(entry.changes)) {
      const change = asRecord(rawChange);
      if (!change) continue;
      const field = asString(change.field) ?? '';
      const value = asRecord(change.value) ?? {};
      if (object === 'whatsapp_business_account') events.push(...parseWhatsAppChange(entryId, change));
      else if (object === 'instagram' && (field === 'comments' || field === 'live_comments')) events.push(parseCommentChange(value, field, entryId, timeMs));
      else if (object === 'page' && field === 'feed') events.push(parseFeed(value, entryId, timeMs));
      else events.push({ type: 'unknown', object, entryId, field, raw: change });
    }
  }
  return events;
}
