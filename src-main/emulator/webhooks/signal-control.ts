/**
 * Control endpoints for what happens to a message after it was sent, each answered with Meta's
 * webhook: a reaction, an edit (the world's text changes too, so a sync reads the edited text,
 * as Graph does), and the person reading the thread. See control.ts for the list.
 */
import type { EmulatorState } from '../core/state';
import type { OpResult } from '../graph/router';
import { editPayload, reactionPayload, seenPayload } from './payloads';
import type { WebhookSender } from './sender';

/** Meta lets a sender edit a message at most five times (message_edits reference). */
const MAX_EDITS = 5;
const editCounts = new WeakMap<object, number>();

const reply = (body: unknown, status = 200): OpResult => ({ status, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body });
const bad = (message: string, status = 400) => reply({ error: { message, type: 'EmulatorControlError', code: 100 } }, status);

export async function handleSignalControl(state: EmulatorState, sender: WebhookSender, path: string, body: Record<string, unknown>): Promise<OpResult> {
  const world = state.world;
  const now = state.now();
  if (path.replace(/\/+$/, '').endsWith('/seen')) {
    const conversation = world.conversations[String(body.conversationId)];
    const last = conversation?.messageIds.map((id) => world.messages[id]).filter((m) => m && !m.unsent).at(-1);
    if (!conversation || !last) return bad('no such conversation (or it has no message)', 404);
    return reply({ delivery: await sender.deliver(seenPayload(conversation, last, now)) });
  }
  const message = world.messages[String(body.mid)];
  const conversation = message ? world.conversations[message.conversationId] : undefined;
  if (!message || !conversation || message.unsent) return bad('no such message', 404);
  if (path.replace(/\/+$/, '').endsWith('/reaction')) {
    const action = body.action === 'unreact' ? 'unreact' : 'react';
    const payload = reactionPayload(
      conversation,
      message,
      { action, fromBusiness: body.fromBusiness === true, ...(typeof body.emoji === 'string' ? { emoji: body.emoji } : {}), ...(typeof body.reaction === 'string' ? { reaction: body.reaction } : {}) },
      now,
    );
    return reply({ delivery: await sender.deliver(payload) });
  }
  if (typeof body.text !== 'string' || body.text === '') return bad('text is required');
  const edits = (editCounts.get(message) ?? 0) + 1;
  if (edits > MAX_EDITS) return bad(`a message can be edited at most ${MAX_EDITS} times`);
  editCounts.set(message, edits);
  message.text = body.text;
  world.revision++;
  return reply({ numEdit: edits, delivery: await sender.deliver(editPayload(conversation, message, edits, now)) });
}
