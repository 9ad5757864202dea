/**
 * The Meta calls behind each outbox kind, and the look-ups that tell whether a call that may have
 * reached Meta before a crash did go through. Pure request code: no store writes here.
 */
import type { GraphClient } from '../../meta/graph-client';
import { parseMetaTime } from '../../sync/graph-helpers';
import type { OutboxRecord } from '../../store/repositories/outbox';
import type { CommentTarget } from '../../store/repositories/reply-targets';
import type { SendRoute } from './send-route';

/** What Meta answered: the new object's id (message or comment), when there is one. */
export interface MetaResult {
  externalId: string | null;
  /** For private replies: the commenter's IGSID/PSID (their thread). */
  recipientId?: string;
  /** When Meta recorded it (only known when found by a look-up). */
  at?: number;
}

interface SendResponse {
  recipient_id?: string;
  message_id?: string;
}

/** Instagram adds a reply to a reply under the top-level comment; we address that one directly. */
export function replyParent(comment: CommentTarget): string {
  return comment.parentExternalId ?? comment.externalId;
}

function replyEdge(comment: CommentTarget): string {
  return `${replyParent(comment)}/${comment.network === 'instagram' ? 'replies' : 'comments'}`;
}

/** Sends one item to Meta. `tag` is decided at send time from the current window. */
export async function callMeta(client: GraphClient, route: SendRoute, item: OutboxRecord, comment: CommentTarget | null): Promise<MetaResult> {
  const m = route.messages;
  const c = route.comments;
  switch (item.kind) {
    case 'message': {
      const body: Record<string, unknown> = { recipient: { id: item.targetExternalId }, message: { text: item.text ?? '' } };
      if (item.tag) Object.assign(body, { messaging_type: 'MESSAGE_TAG', tag: item.tag });
      else if (m.needsMessagingType) body.messaging_type = 'RESPONSE';
      const r = await client.post<SendResponse>(m.path, { host: m.host, token: m.token, json: body, businessId: m.businessId, idempotent: false });
      return { externalId: r.message_id ?? null, ...(r.recipient_id ? { recipientId: r.recipient_id } : {}) };
    }
    case 'private_reply': {
      const body: Record<string, unknown> = { recipient: { comment_id: item.targetExternalId }, message: { text: item.text ?? '' } };
      if (m.needsMessagingType) body.messaging_type = 'RESPONSE';
      const r = await client.post<SendResponse>(m.path, { host: m.host, token: m.token, json: body, businessId: m.businessId, idempotent: false });
      return { externalId: r.message_id ?? null, ...(r.recipient_id ? { recipientId: r.recipient_id } : {}) };
    }
    case 'comment_reply': {
      if (!comment) throw new Error('The comment is no longer stored.');
      const r = await client.post<{ id?: string }>(replyEdge(comment), { host: c.host, token: c.token, params: { message: item.text ?? '' }, businessId: c.businessId, idempotent: false });
      return { externalId: r.id ?? null };
    }
    case 'comment_hide':
    case 'comment_unhide': {
      const hidden = item.kind === 'comment_hide' ? 'true' : 'false';
      const params = comment?.network === 'facebook' ? { is_hidden: hidden } : { hide: hidden };
      await client.post(item.targetExternalId, { host: c.host, token: c.token, params, businessId: c.businessId, idempotent: true });
      return { externalId: null };
    }
    case 'comment_delete':
      await client.delete(item.targetExternalId, { host: c.host, token: c.token, businessId: c.businessId });
      return { externalId: null };
  }
}

interface RawMessage {
  id: string;
  created_time?: string;
  message?: string;
  from?: { id?: string };
}

/** The fields a reply listing returns (Instagram `text`/`timestamp`, Facebook `message`/`created_time`). */
interface RawComment {
  id: string;
  text?: string;
  message?: string;
  timestamp?: string;
  created_time?: string;
  from?: { id?: string };
}

const parseTime = (s: string | undefined): number => parseMetaTime(s) ?? Number.NaN;
/** Meta's clock and ours may disagree a little; a match may be this much older than "sending since". */
const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * After a crash in "sending": looks in the thread (messages) or under the comment (replies) for
 * what we sent — same author, same text, not older than the attempt. Returns it, or null when
 * Meta has no such item (then it is safe to send again).
 */
export async function findSent(
  client: GraphClient,
  route: SendRoute,
  item: OutboxRecord,
  where: { conversationExternalId?: string; comment?: CommentTarget | null; businessId: string },
): Promise<MetaResult | null> {
  const since = (item.sendingSince ?? item.createdAt) - CLOCK_SKEW_MS;
  if (item.kind === 'message' && where.conversationExternalId) {
    const m = route.messages;
    const r = await client.get<{ messages?: { data?: RawMessage[] } }>(where.conversationExternalId, {
      host: m.host,
      token: m.token,
      params: { fields: 'messages.limit(20){id,created_time,from,message}' },
      businessId: m.businessId,
    });
    const hit = (r.messages?.data ?? []).find((x) => x.from?.id === where.businessId && x.message === item.text && parseTime(x.created_time) >= since);
    return hit ? { externalId: hit.id, at: parseTime(hit.created_time) } : null;
  }
  if (item.kind === 'comment_reply' && where.comment) {
    const c = route.comments;
    const r = await client.get<{ data?: RawComment[] }>(replyEdge(where.comment), {
      host: c.host,
      token: c.token,
      params: { fields: where.comment.network === 'instagram' ? 'id,text,timestamp,from' : 'id,message,created_time,from', limit: 100 },
      businessId: c.businessId,
    });
    const hit = (r.data ?? []).find((x) => x.from?.id === where.businessId && (x.text ?? x.message) === item.text && parseTime(x.timestamp ?? x.created_time) >= since);
    return hit ? { externalId: hit.id, at: parseTime(hit.timestamp ?? hit.created_time) } : null;
  }
  return null;
}
