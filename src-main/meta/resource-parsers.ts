/**
 * Normalisers for Graph objects the sync stores: IG comments (with the `replies` edge expanded),
 * DM conversations with participants, and the WhatsApp send-message response. They accept the
 * older field names seen in real samples (`user` instead of `from` on comments).
 */
import { z } from 'zod';
import { MalformedResponseError } from './errors';
import { asArray, asBoolean, asNumber, asRecord, asString, toEpochMs } from './json-access';

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

/** Normalises an IG Comment node (from `/{media-id}/comments` or `/{comment-id}`). */
export function parseIgComment(json: unknown): IgComment {
  const c = asRecord(json);
  const id = asString(c?.id);
  if (!c || !id) throw new MalformedResponseError('Instagram comment without an id', 200, '', false);
  // Older payloads name the author `user` and omit `username`.
  const author = asRecord(c.from) ?? asRecord(c.user);
  const authorId = asString(author?.id);
  const authorName = asString(author?.username) ?? asString(c.username);
  const comment: IgComment = { id, text: asString(c.text) ?? '', replies: asArray(asRecord(c.replies)?.data).map(parseIgComment) };
  const ts = toEpochMs(c.timestamp);
  if (ts !== undefined) comment.timestampMs = ts;
  const username = asString(c.username);
  if (username) comment.username = username;
  if (authorId) comment.from = { id: authorId, ...(authorName ? { username: authorName } : {}) };
  const likes = asNumber(c.like_count);
  if (likes !== undefined) comment.likeCount = likes;
  const hidden = asBoolean(c.hidden);
  if (hidden !== undefined) comment.hidden = hidden;
  const mediaId = asString(asRecord(c.media)?.id);
  if (mediaId) comment.mediaId = mediaId;
  const parentId = asString(c.parent_id);
  if (parentId) comment.parentId = parentId;
  return comment;
}

/** A DM thread participant; `id` is the IGSID/PSID, `userId` the IG account id. */
export interface ConversationParticipant {
  id: string;
  username?: string;
  userId?: string;
}

/** A DM conversation. */
export interface Conversation {
  id: string;
  updatedTimeMs?: number;
  participants: ConversationParticipant[];
  /** Message ids when the `messages` edge was expanded (details only for the newest 20). */
  messageIds: string[];
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
    const userId = asString(r.user_id);
    return [{ id: pid, ...(username ? { username } : {}), ...(userId ? { userId } : {}) }];
  });
  const messageIds = asArray(asRecord(c.messages)?.data)
    .map((m) => asString(asRecord(m)?.id))
    .filter((m): m is string => !!m);
  const updated = toEpochMs(c.updated_time);
  return { id, ...(updated !== undefined ? { updatedTimeMs: updated } : {}), participants, messageIds };
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
