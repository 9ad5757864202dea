/**
 * Webhook control endpoints (not Meta's API):
 *   POST /__emulator/webhooks/subscribe      {url, verifyToken, retryBaseMs?, maxAttempts?}  handshake, then subscribe
 *   POST /__emulator/webhooks/message        {platform?, conversationId?, text, deliver?}     a person writes; Meta sends the webhook
 *   POST /__emulator/webhooks/unsend         {mid}                                            the person unsends it
 *   POST /__emulator/webhooks/reaction       {mid, action?, emoji?, reaction?, fromBusiness?} someone reacts (or unreacts)
 *   POST /__emulator/webhooks/edit           {mid, text}                                      the sender edits it (max 5 edits)
 *   POST /__emulator/webhooks/seen           {conversationId}                                 the person reads the thread
 *   GET  /__emulator/webhooks/deliveries                                                     every delivery and its attempts
 *   POST /__emulator/webhooks/data-deletion  {url, userId?}                                   Meta calls the data-deletion callback
 *   POST /__emulator/webhooks/deauthorize    {url, userId?}                                   Meta calls the deauthorize callback
 * `deliver: false` stores the message in the world without a webhook: Meta dropping one.
 */
import type { EmulatorState } from '../core/state';
import type { OpResult } from '../graph/router';
import { addMessage } from '../world/conversations-gen';
import { hashSeed, Rng } from '../world/prng';
import { messagePayload, unsendPayload } from './payloads';
import { handleSignalControl } from './signal-control';
import { WebhookSender } from './sender';

const senders = new WeakMap<EmulatorState, WebhookSender>();

export function webhookSender(state: EmulatorState): WebhookSender {
  let sender = senders.get(state);
  if (!sender) {
    sender = new WebhookSender(state.world.app.secret);
    senders.set(state, sender);
  }
  return sender;
}

const reply = (body: unknown, status = 200): OpResult => ({ status, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body });
const bad = (message: string, status = 400) => reply({ error: { message, type: 'EmulatorControlError', code: 100 } }, status);

let messageCounter = 0;

export async function handleWebhookControl(state: EmulatorState, method: string, path: string, json: unknown): Promise<OpResult> {
  const body = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const sender = webhookSender(state);
  const world = state.world;
  switch (`${method} ${path.replace(/\/+$/, '')}`) {
    case 'POST /__emulator/webhooks/subscribe': {
      if (typeof body.url !== 'string' || typeof body.verifyToken !== 'string') return bad('url and verifyToken are required');
      const result = await sender.subscribe({ url: body.url, verifyToken: body.verifyToken, retryBaseMs: Number(body.retryBaseMs ?? 1000), maxAttempts: Number(body.maxAttempts ?? 8) });
      return result.ok ? reply({ success: true }) : bad(result.detail);
    }
    case 'POST /__emulator/webhooks/message': {
      state.syncWorld();
      const platform = body.platform === 'messenger' ? 'messenger' : 'instagram';
      const conversation =
        typeof body.conversationId === 'string' ? world.conversations[body.conversationId] : Object.values(world.conversations).find((c) => c.platform === platform);
      if (!conversation) return bad('no such conversation', 404);
      const rng = new Rng(hashSeed(world.seed, 'webhook-message', messageCounter++));
      const message = addMessage(rng, world, conversation, { createdTime: state.now(), fromBusiness: body.fromBusiness === true, text: String(body.text ?? 'Hello'), attachments: [], unsent: false });
      world.revision++;
      const delivery = body.deliver === false ? null : await sender.deliver(messagePayload(conversation, message, state.now()));
      return reply({ mid: message.id, conversationId: conversation.id, personId: conversation.participant.id, accountId: conversation.accountId, delivery });
    }
    case 'POST /__emulator/webhooks/unsend': {
      const message = world.messages[String(body.mid)];
      const conversation = message ? world.conversations[message.conversationId] : undefined;
      if (!message || !conversation) return bad('no such message', 404);
      message.unsent = true;
      world.revision++;
      return reply({ delivery: await sender.deliver(unsendPayload(conversation, message, state.now())) });
    }
    case 'POST /__emulator/webhooks/reaction':
    case 'POST /__emulator/webhooks/edit':
    case 'POST /__emulator/webhooks/seen':
      return handleSignalControl(state, sender, path, body);
    case 'GET /__emulator/webhooks/deliveries':
      return reply({ subscription: sender.subscription ? { url: sender.subscription.url } : null, deliveries: sender.deliveries });
    case 'POST /__emulator/webhooks/data-deletion':
    case 'POST /__emulator/webhooks/deauthorize': {
      if (typeof body.url !== 'string') return bad('url is required');
      const now = Math.floor(state.now() / 1000);
      const userId = typeof body.userId === 'string' ? body.userId : world.user.id;
      // The person removed the app: Meta invalidates their login and the Page tokens it produced
      // before it calls back (debug_token then answers is_valid false, code 190 subcode 458).
      if (userId === world.user.id) for (const t of world.tokens) if (t.kind === 'user' || t.kind === 'page') t.revoked = true;
      return reply(await sender.callback(body.url, { user_id: userId, issued_at: now, expires: now + 3600 }));
    }
    default:
      return bad(`Unknown webhook control endpoint: ${method} ${path}`, 404);
  }
}
