/**
 * `POST /{page-id}/messages` (Messenger Platform, also for IG via the Page) and IG Login's
 * `POST /me/messages`, enforcing the 24-hour window from the customer's last message.
 */
import { GraphError, paramError } from '../core/errors';
import { addMessage } from '../world/conversations-gen';
import { hashSeed, Rng } from '../world/prng';
import { DAY_MS, HOUR_MS } from '../world/time';
import type { Conversation } from '../world/types';
import { conversationWith, type Node } from './nodes';
import type { GraphCtx } from './render';
import { lastCustomerMessageAt } from './schema-messaging';

/** Messenger tags allowed outside the window regardless of time (not on Instagram). */
const MESSENGER_TAGS = ['ACCOUNT_UPDATE', 'POST_PURCHASE_UPDATE', 'CONFIRMED_EVENT_UPDATE'];

/** Reads `recipient`/`message` given as JSON strings (JSON body or form) or bracket form fields. */
function objectParam(params: Record<string, string>, name: string): Record<string, unknown> | undefined {
  const raw = params[name];
  if (raw !== undefined) {
    try {
      const v = JSON.parse(raw) as unknown;
      if (v && typeof v === 'object') return v as Record<string, unknown>;
    } catch {
      throw paramError(`param ${name} must be a JSON object`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    const m = new RegExp(`^${name}\\[(\\w+)\\]$`).exec(k);
    if (m?.[1]) out[m[1]] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

function findThread(ctx: GraphCtx, sender: Node, recipientId: string): Conversation | undefined {
  const world = ctx.world;
  if (sender.type === 'ig_user') return conversationWith(world, sender.account.id, recipientId);
  if (sender.type === 'page') {
    return conversationWith(world, sender.page.id, recipientId) ?? conversationWith(world, sender.page.igAccountId, recipientId);
  }
  return undefined;
}

/** Sends a DM; the message then appears in the thread. Returns `{recipient_id, message_id}`. */
export function sendMessage(ctx: GraphCtx, sender: Node, params: Record<string, string>): Record<string, string> {
  const recipient = objectParam(params, 'recipient');
  const recipientId = typeof recipient?.id === 'string' ? recipient.id : undefined;
  if (!recipientId) throw paramError('param recipient must be an object with an id (IGSID/PSID)');
  const conv = findThread(ctx, sender, recipientId);
  if (!conv) throw new GraphError(400, 100, '(#100) No matching user found', 'OAuthException', { subcode: 2018001 });
  if (params.sender_action) return { recipient_id: recipientId };
  const message = objectParam(params, 'message');
  const text = typeof message?.text === 'string' ? message.text : '';
  if (!text && !message?.attachment) throw paramError('The parameter message is required and must contain text or an attachment');
  if (text.length > 1000) throw paramError('Message text must be at most 1000 characters');

  const world = ctx.world;
  const now = world.now;
  const elapsed = now - (lastCustomerMessageAt(world, conv) ?? Number.NEGATIVE_INFINITY);
  const tag = params.tag;
  if (elapsed > 24 * HOUR_MS) {
    const humanAgent = tag === 'HUMAN_AGENT' && elapsed <= 7 * DAY_MS;
    const messengerTag = conv.platform === 'messenger' && tag !== undefined && MESSENGER_TAGS.includes(tag);
    if (!humanAgent && !messengerTag) {
      throw new GraphError(400, 10, '(#10) This message is sent outside of allowed window.', 'OAuthException', { subcode: 2534022 });
    }
  }
  const rng = new Rng(hashSeed(world.seed, 'send', conv.id, conv.messageIds.length, now));
  const sent = addMessage(rng, world, conv, {
    createdTime: now,
    fromBusiness: true,
    text: text || '',
    attachments: [],
    unsent: false,
    ...(tag ? { tag } : {}),
  });
  world.revision++;
  return { recipient_id: recipientId, message_id: sent.id };
}
