/**
 * Normalisers for Graph objects the sync stores: comments of both networks (with replies
 * expanded), DM conversations with participants and messages, and the WhatsApp send-message
 * response. They accept the older field names seen in real samples (`user` instead of `from` on
 * comments). Media and Page posts are in media-parsers.ts, insights in insights.ts.
 */
import { z } from 'zod';
import { MalformedResponseError } from './errors';
import { asArray, asBoolean, asNumber, asRecord, asString, definedFields, toEpochMs } from './json-access';

/** An Instagram comment with its replies. */
export interface IgComment {
  id: string;
  text: string;
  timestampMs?: number;
  username?: string;
  from?: { id: string; username?: string };
  likeCount?: number;
  hidden?: boolean;
  mediaId?: string;
  parentId?: string;
  replies: IgComment[];
}

/** Fields to request for comments; `replies{…}` expansion avoids one call per comment. */
export const IG_COMMENT_FIELDS =
  'id,text,timestamp,username,from{id,username},like_count,hidden,parent_id,media{id},replies{id,text,timestamp,username,from{id,username},like_count,hidden,parent_id}';

/**
 * A comment on Instagram media or a Facebook post, with its replies. Instagram names the text
 * `text`, the time `timestamp`, hides with `hidden` and nests replies as `replies`; Facebook uses
 * `message`, `created_time`, `is_hidden`, `parent{id}` and nests replies as a `comments` edge.
 */
export interface Comment {
  id: string;
  text?: string;
  createdAtMs?: number;
  /** Instagram's top-level `username`. */
  username?: string;
  authorId?: string;
  /** `from.username` (Instagram) or the top-level `username`. */
  authorUsername?: string;
  /** `from.name` (Facebook). */
  authorName?: string;
  likeCount?: number;
  hidden?: boolean;
  mediaId?: string;
  parentId?: string;
  replies: Comment[];
  /** Where more replies are, when Meta paged the nested replies edge. */
  repliesNext?: string;
}

/** Normalises a comment node from either network (`/{media-id}/comments`, `/{post-id}/comments`, `/{comment-id}`). */
export function parseComment(json: unknown): Comment {
  const c = asRecord(json);
  const id = asString(c?.id);
  if (!c || !id) throw new MalformedResponseError('Comment without an id', 200, '', false);
  // Older Instagram payloads name the author `user` and omit `username`.
  const author = asRecord(c.from) ?? asRecord(c.user);
  const repliesEdge = asRecord(c.replies) ?? asRecord(c.comments);
  return {
    id,
    replies: asArray(repliesEdge?.data).map(parseComment),
    ...definedFields({
      text: asString(c.text) ?? asString(c.message),
      createdAtMs: toEpochMs(c.timestamp ?? c.created_time),
      username: asString(c.username),
      authorId: asString(author?.id),
      authorUsername: asString(author?.username) ?? asString(c.username),
      authorName: asString(author?.name),
      likeCount: asNumber(c.like_count),
      hidden: asBoolean(c.hidden) ?? asBoolean(c.is_hidden),
      mediaId: asString(asRecord(c.media)?.id),
      parentId: asString(c.parent_id) ?? asString(asRecord(c.parent)?.id),
      repliesNext: asString(asRecord(repliesEdge?.paging)?.next),
    }),
  };
}

/** Normalises an IG Comment node into the shape the comment actions use. */
export function parseIgComment(json: unknown): IgComment {
  return toIgComment(parseComment(json));
}

function toIgComment(c: Comment): IgComment {
  const comment: IgComment = { id: c.id, text: c.text ?? '', replies: c.replies.map(toIgComment) };
  if (c.createdAtMs !== undefined) comment.timestampMs = c.createdAtMs;
  if (c.username) comment.username = c.username;
  if (c.authorId) comment.from = { id: c.authorId, ...(c.authorUsername ? { username: c.authorUsername } : {}) };
  if (c.likeCount !== undefined) comment.likeCount = c.likeCount;
  if (c.hidden !== undefined) comment.hidden = c.hidden;
  if (c.mediaId) comment.mediaId = c.mediaId;
  if (c.parentId) comment.parentId = c.parentId;
  return comment;
}

/** A DM thread participant; `id` is the IGSID/PSID, `userId` the IG account id. */
export interface ConversationParticipant {
  id: string;
  username?: string;
  name?: string;
  userId?: string;
}

/**
 * A DM message (`/{message-id}` or the `messages` edge of a thread). Outside an Instagram
 * thread's 20 newest, Meta returns only `id` and `created_time`.
 */
export interface Message {
  id: string;
  createdTimeMs?: number;
  fromId?: string;
  text?: string;
  attachments: unknown[];
  /** The message this one quotes (`reply_to.mid`). */
  replyToId?: string;
  /** Meta's flag for a message sent by the business that owns the thread. */
  isOwner?: boolean;
  isUnsupported?: boolean;
}

/**
 * Instagram gives a story reply or mention and a shared post as fields of their own (`story`,
 * `shares`), not as attachments; they are kept as attachments of the webhook's types, so a
 * message read by the sync shows what one brought by a webhook shows.
 * https://developers.facebook.com/docs/graph-api/reference/message
 */
function storyAndShares(m: Record<string, unknown>): Array<Record<string, unknown>> {
  const story = asRecord(m.story);
  const out: Array<Record<string, unknown>> = [];
  for (const [key, type] of [['reply_to', 'story_reply'], ['mention', 'story_mention']] as const) {
    const item = asRecord(story?.[key]);
    if (!item) continue;
    const url = asString(item.link) ?? asString(item.url);
    out.push({ type, payload: { ...(url ? { url } : {}), ...(asString(item.id) ? { id: asString(item.id) } : {}) } });
  }
  for (const share of asArray(asRecord(m.shares)?.data)) {
    const url = asString(asRecord(share)?.link);
    out.push({ type: 'share', payload: url ? { url } : {} });
  }
  return out;
}

/** Normalises a message node. */
export function parseMessage(json: unknown): Message {
  const m = asRecord(json);
  const id = asString(m?.id);
  if (!m || !id) throw new MalformedResponseError('Message without an id', 200, '', false);
  const replyTo = asRecord(m.reply_to);
  return {
    id,
    attachments: [...asArray(asRecord(m.attachments)?.data), ...storyAndShares(m)],
    ...definedFields({
      createdTimeMs: toEpochMs(m.created_time),
      fromId: asString(asRecord(m.from)?.id),
      text: asString(m.message),
      replyToId: asString(replyTo?.mid) ?? asString(replyTo?.id),
      isOwner: asBoolean(m.is_owner),
      isUnsupported: asBoolean(m.is_unsupported),
    }),
  };
}

/** A DM conversation. */
export interface Conversation {
  id: string;
  updatedTimeMs?: number;
  participants: ConversationParticipant[];
  /** Message ids when the `messages` edge was expanded (details only for Instagram's newest 20). */
  messageIds: string[];
  /** The expanded messages, newest first. */
  messages: Message[];
  /** Where the thread's older messages are, when Meta paged the `messages` edge. */
  messagesNext?: string;
}

/** Fields to request for conversations (participants and recent message ids in one call). */
export const CONVERSATION_FIELDS = 'id,updated_time,participants{id,username,user_id},messages{id,created_time}';

/** Normalises a conversation node from `/conversations` or `/{conversation-id}`. */
export function parseConversation(json: unknown): Conversation {
  const c = asRecord(json);
  const id = asString(c?.id);
  if (!c || !id) throw new MalformedResponseError('Conversation without an id', 200, '', false);
  const participants = asArray(asRecord(c.participants)?.data).flatMap((p) => {
    const r = asRecord(p);
    const pid = asString(r?.id);
    if (!r || !pid) return [];
    const username = asString(r.username);
    const name = asString(r.name);
    const userId = asString(r.user_id);
    return [{ id: pid, ...(username ? { username } : {}), ...(name ? { name } : {}), ...(userId ? { userId } : {}) }];
  });
  const edge = asRecord(c.messages);
  const messages = asArray(edge?.data).map(parseMessage);
  const updated = toEpochMs(c.updated_time);
  const next = asString(asRecord(edge?.paging)?.next);
  return {
    id,
    ...(updated !== undefined ? { updatedTimeMs: updated } : {}),
    participants,
    messageIds: messages.map((m) => m.id),
    messages,
    ...(next ? { messagesNext: next } : {}),
  };
}

/** Schema of `POST /{phone-number-id}/messages` responses. */
export const whatsAppSendResponseSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  contacts: z.array(z.looseObject({ input: z.string(), wa_id: z.string().optional(), user_id: z.string().optional() })).default([]),
  messages: z.array(z.looseObject({ id: z.string(), message_status: z.string().optional() })).min(1),
});

/** Normalised WhatsApp send result. */
export interface WhatsAppSendResult {
  messageId: string;
  messageStatus?: string;
  contacts: { input: string; waId?: string; userId?: string }[];
}

/** Parses a WhatsApp send-message response; the `wamid` is the dedupe key for later status webhooks. */
export function parseWhatsAppSendResponse(json: unknown): WhatsAppSendResult {
  const parsed = whatsAppSendResponseSchema.safeParse(json);
  const first = parsed.success ? parsed.data.messages[0] : undefined;
  if (!parsed.success || !first) throw new MalformedResponseError('Unexpected WhatsApp send response', 200, '', false);
  return {
    messageId: first.id,
    ...(first.message_status ? { messageStatus: first.message_status } : {}),
    contacts: parsed.data.contacts.map((c) => ({
      input: c.input,
      ...(c.wa_id !== undefined ? { waId: c.wa_id } : {}),
      ...(c.user_id ? { userId: c.user_id } : {}),
    })),
  };
}
