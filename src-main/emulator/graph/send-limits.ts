/**
 * Per-world bookkeeping the Send API needs beyond the world itself: sliding rate windows and the
 * comments that already received their one private reply. Kept beside the world (a WeakMap) so
 * the world stays plain data; the live demo rebuilds it by replaying what was sent.
 */
import { GraphError } from '../core/errors';
import { unitHash } from '../world/prng';
import type { World } from '../world/types';

interface SendBook {
  /** Send times per account id (for the per-second limit). */
  sends: Map<string, number[]>;
  /** Private-reply times per account id (for the per-hour limit). */
  privateReplies: Map<string, number[]>;
  /** Comment ids that already got their private reply. */
  repliedComments: Set<string>;
}

const books = new WeakMap<World, SendBook>();

function book(world: World): SendBook {
  let b = books.get(world);
  if (!b) {
    b = { sends: new Map(), privateReplies: new Map(), repliedComments: new Set() };
    books.set(world, b);
  }
  return b;
}

/**
 * Instagram's Send API allows 100 calls per second per professional account for text and
 * 750 private replies per hour (https://developers.facebook.com/docs/instagram-platform/overview ,
 * "Rate limiting" — Conversations, Send API, Private Replies). Messenger applies its own
 * BUC budget too; the emulator applies the same per-second cap to Pages.
 */
export const SEND_LIMIT_PER_SECOND = 100;
export const PRIVATE_REPLIES_PER_HOUR = 750;

/** Messenger's "(#613) Calls to this api have exceeded the rate limit" (Messenger error codes page). */
export function sendRateLimitError(): GraphError {
  return new GraphError(400, 613, '(#613) Calls to this api have exceeded the rate limit.', 'OAuthException', { isTransient: true });
}

function withinLimit(times: number[], now: number, windowMs: number, max: number): boolean {
  while (times.length > 0 && (times[0] as number) <= now - windowMs) times.shift();
  return times.length < max;
}

/** Records one send for an account, or throws 613 when the per-second budget is spent. */
export function takeSendSlot(world: World, accountId: string, privateReply: boolean): void {
  const b = book(world);
  const now = world.now;
  const sends = b.sends.get(accountId) ?? [];
  b.sends.set(accountId, sends);
  if (!withinLimit(sends, now, 1000, SEND_LIMIT_PER_SECOND)) throw sendRateLimitError();
  if (privateReply) {
    const replies = b.privateReplies.get(accountId) ?? [];
    b.privateReplies.set(accountId, replies);
    if (!withinLimit(replies, now, 3_600_000, PRIVATE_REPLIES_PER_HOUR)) throw sendRateLimitError();
    replies.push(now);
  }
  sends.push(now);
}

/** Whether a comment already received its single private reply. */
export function hasPrivateReply(world: World, commentId: string): boolean {
  return book(world).repliedComments.has(commentId);
}

/** Marks a comment as privately replied to (also used when the live demo replays its journal). */
export function markPrivateReply(world: World, commentId: string): void {
  book(world).repliedComments.add(commentId);
}

/**
 * A few people have turned off messages from businesses or blocked the account: Meta answers
 * "(#551) This person isn't available right now." (code 551, subcode 1545041, Messenger error
 * codes page). About one in a hundred participants, decided by their id so it never flickers.
 */
export function personUnavailable(participantId: string): boolean {
  return unitHash(participantId, 'messages-off') < 0.01;
}

/** The 551/1545041 error. */
export function personUnavailableError(): GraphError {
  return new GraphError(400, 551, "(#551) This person isn't available right now.", 'OAuthException', { subcode: 1545041 });
}
