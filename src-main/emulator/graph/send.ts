/**
 * The Send API as Meta runs it: `POST /{page-id}/messages` (Messenger Platform, also for IG via
 * the Page, Facebook Login) and `POST graph.instagram.com/me/messages` (Instagram Login).
 *
 * - https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages :
 *   `messaging_type` RESPONSE | UPDATE | MESSAGE_TAG is required on the Messenger Platform; the
 *   standard window is 24 h from the person's last message; echoes never reopen it.
 * - https://developers.facebook.com/docs/messenger-platform/instagram/features/conversation and the
 *   Human Agent feature: `tag: HUMAN_AGENT` (with `messaging_type: MESSAGE_TAG`) allows a human
 *   reply up to 7 days after the person's last message; on Instagram it is the only tag.
 * - https://developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes and
 *   https://developers.facebook.com/documentation/business-messaging/messenger-platform/error-codes :
 *   outside the window, code 10 "This message is sent outside of allowed window", subcode 2018278
 *   on Messenger; Instagram threads answer subcode 2534022 (Instagram messaging, same text);
 *   551/1545041 "This person isn't available right now"; 613 rate limit.
 * - https://developers.facebook.com/documentation/instagram-platform/private-replies : a private
 *   reply is `recipient: {comment_id}`, one message per comment, within 7 days of the comment.
 * - Permissions (Messenger error-codes page, and each API's permission list): a Page sends to
 *   Messenger with `pages_messaging` ("(#230) Requires pages_messaging permission to manage the
 *   object"), to Instagram with `instagram_manage_messages`; Instagram Login needs
 *   `instagram_business_manage_messages`. Without it: (#10) "Application does not have permission
 *   for this action" (harsher reading where the page names no code).
 * Sent messages join the thread, so the next sync reads them back (the echo).
 */
import { GraphError, paramError } from '../core/errors';
import { addMessage, createConversation } from '../world/conversations-gen';
import { hashSeed, Rng } from '../world/prng';
import { DAY_MS, HOUR_MS } from '../world/time';
import type { Comment, Conversation, Message, World } from '../world/types';
import { conversationWith, lookupNode, type Node } from './nodes';
import type { GraphCtx } from './render';
import { lastCustomerMessageAt } from './schema-messaging';
import { hasPrivateReply, markPrivateReply, personUnavailable, personUnavailableError, takeSendSlot } from './send-limits';

/** Messenger tags allowed outside the window regardless of time (not on Instagram). */
const MESSENGER_TAGS = ['ACCOUNT_UPDATE', 'POST_PURCHASE_UPDATE', 'CONFIRMED_EVENT_UPDATE'];
const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'];
/** Messenger text is capped at 2,000 characters; Instagram at 1,000 bytes of UTF-8 (harsher: bytes). */
const MESSENGER_MAX_CHARS = 2000;
const INSTAGRAM_MAX_BYTES = 1000;

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

function findThread(world: World, sender: Node, recipientId: string): Conversation | undefined {
  if (sender.type === 'ig_user') return conversationWith(world, sender.account.id, recipientId);
  if (sender.type === 'page') {
    return conversationWith(world, sender.page.id, recipientId) ?? conversationWith(world, sender.page.igAccountId, recipientId);
  }
  return undefined;
}

/** Subcode of "sent outside of allowed window": Messenger's error-codes page gives 2018278; Instagram threads answer 2534022. */
export const OUTSIDE_WINDOW_SUBCODE: Record<Conversation['platform'], number> = { messenger: 2018278, instagram: 2534022 };

function windowClosed(platform: Conversation['platform']): GraphError {
  return new GraphError(400, 10, '(#10) This message is sent outside of allowed window.', 'OAuthException', { subcode: OUTSIDE_WINDOW_SUBCODE[platform] });
}

function checkText(platform: Conversation['platform'], text: string): void {
  if (platform === 'instagram' && Buffer.byteLength(text, 'utf8') > INSTAGRAM_MAX_BYTES) {
    throw paramError(`Message text must be at most ${INSTAGRAM_MAX_BYTES} bytes`);
  }
  if (platform === 'messenger' && [...text].length > MESSENGER_MAX_CHARS) throw paramError(`Message text must be at most ${MESSENGER_MAX_CHARS} characters`);
}

/** Refuses a send (or private reply) when the token lacks the messaging permission of its channel. */
function requireMessagingPermission(ctx: GraphCtx, platform: Conversation['platform']): void {
  const needed = ctx.token.kind === 'ig_user' ? 'instagram_business_manage_messages' : platform === 'messenger' ? 'pages_messaging' : 'instagram_manage_messages';
  if (ctx.token.scopes.includes(needed)) return;
  if (needed === 'pages_messaging') throw new GraphError(400, 230, '(#230) Requires pages_messaging permission to manage the object', 'OAuthException');
  throw new GraphError(400, 10, '(#10) Application does not have permission for this action', 'OAuthException');
}

/** `messaging_type` and `tag` as Meta validates them; returns the tag that applies. */
function readTagging(ctx: GraphCtx, sender: Node, params: Record<string, string>): string | undefined {
  const type = params.messaging_type;
  const tag = params.tag;
  // Instagram Login's /me/messages documents no messaging_type; the Messenger Platform requires it.
  if (sender.type === 'page' && ctx.host === 'facebook' && type === undefined) throw paramError('param messaging_type is required');
  if (type !== undefined && !MESSAGING_TYPES.includes(type)) throw paramError(`param messaging_type must be one of {${MESSAGING_TYPES.join(', ')}}`);
  if (type === 'MESSAGE_TAG' && !tag) throw paramError('param tag is required when messaging_type is MESSAGE_TAG');
  if (tag && type !== undefined && type !== 'MESSAGE_TAG') throw paramError('param tag can only be used with messaging_type MESSAGE_TAG');
  return tag;
}

/** Refuses a send outside Meta's windows: 24 h standard, HUMAN_AGENT 7 days, Messenger update tags. */
function enforceWindow(world: World, conv: Conversation, tag: string | undefined): void {
  const elapsed = world.now - (lastCustomerMessageAt(world, conv) ?? Number.NEGATIVE_INFINITY);
  if (elapsed <= 24 * HOUR_MS) return;
  const humanAgent = tag === 'HUMAN_AGENT' && elapsed <= 7 * DAY_MS;
  const messengerTag = conv.platform === 'messenger' && tag !== undefined && MESSENGER_TAGS.includes(tag);
  if (!humanAgent && !messengerTag) throw windowClosed(conv.platform);
}

function appendBusinessMessage(world: World, conv: Conversation, text: string, tag: string | undefined): Message {
  const rng = new Rng(hashSeed(world.seed, 'send', conv.id, conv.messageIds.length, world.now));
  const sent = addMessage(rng, world, conv, { createdTime: world.now, fromBusiness: true, text, attachments: [], unsent: false, ...(tag ? { tag } : {}) });
  world.revision++;
  return sent;
}

type Home = { platform: Conversation['platform']; accountId: string; pageId: string };

/** Where a comment's private replies go: the IG account owning the media, or the Page of the post. */
function homeOfComment(world: World, comment: Comment): Home | undefined {
  const node = lookupNode(world, comment.id);
  if (node?.type === 'ig_comment') {
    const account = world.igAccounts.find((a) => a.id === node.media.ownerId);
    return account ? { platform: 'instagram', accountId: account.id, pageId: account.pageId } : undefined;
  }
  if (node?.type === 'fb_comment') return { platform: 'messenger', accountId: node.post.pageId, pageId: node.post.pageId };
  return undefined;
}

/** The home of a comment when the sender acts for it (IG Login account, or the Page or its IG account). */
function commentOwner(world: World, sender: Node, comment: Comment): Home | undefined {
  const home = homeOfComment(world, comment);
  if (!home) return undefined;
  if (sender.type === 'ig_user') return sender.account.id === home.accountId ? home : undefined;
  if (sender.type === 'page') return sender.page.id === home.pageId ? home : undefined;
  return undefined;
}

/** The commenter's thread with the account, created when they never wrote before. */
function threadWithCommenter(world: World, home: Home, comment: Comment): Conversation {
  const person = world.people.find((p) => p.igUserId === comment.fromId);
  if (!person) throw paramError('The comment author cannot receive messages', 2018001);
  const existing = Object.values(world.conversations).find((c) => c.accountId === home.accountId && c.participant.personKey === person.key);
  if (existing) return existing;
  const account = world.igAccounts.find((a) => a.id === home.accountId || a.pageId === home.pageId);
  const rng = new Rng(hashSeed(world.seed, 'private-reply-thread', comment.id));
  return createConversation(rng, world, { ...home, niche: account?.niche ?? 'studio' }, person);
}

/** `recipient: {comment_id}`: one DM to the commenter, within 7 days of the comment. */
function sendPrivateReply(ctx: GraphCtx, sender: Node, commentId: string, text: string): Record<string, string> {
  const world = ctx.world;
  const comment = world.comments[commentId];
  const home = comment ? commentOwner(world, sender, comment) : undefined;
  if (!comment || !home) throw new GraphError(400, 100, '(#100) No matching comment found', 'OAuthException', { subcode: 2018001 });
  if (comment.byOwner) throw paramError('Cannot send a private reply to your own comment');
  requireMessagingPermission(ctx, home.platform);
  if (world.now - comment.timestamp > 7 * DAY_MS) throw windowClosed(home.platform);
  // One message per comment (private-replies page); the harsher reading answers like a closed window.
  if (hasPrivateReply(world, comment.id)) {
    throw new GraphError(400, 10, '(#10) This comment has already been replied to privately.', 'OAuthException', { subcode: OUTSIDE_WINDOW_SUBCODE[home.platform] });
  }
  checkText(home.platform, text);
  const conv = threadWithCommenter(world, home, comment);
  if (personUnavailable(conv.participant.id)) throw personUnavailableError();
  takeSendSlot(world, home.accountId, true);
  markPrivateReply(world, comment.id);
  const sent = appendBusinessMessage(world, conv, text, undefined);
  return { recipient_id: conv.participant.id, message_id: sent.id };
}

/** Sends a DM (or a private reply); the message then appears in the thread. Returns `{recipient_id, message_id}`. */
export function sendMessage(ctx: GraphCtx, sender: Node, params: Record<string, string>): Record<string, string> {
  const recipient = objectParam(params, 'recipient');
  const recipientId = typeof recipient?.id === 'string' ? recipient.id : undefined;
  const commentId = typeof recipient?.comment_id === 'string' ? recipient.comment_id : undefined;
  if (!recipientId && !commentId) throw paramError('param recipient must be an object with an id (IGSID/PSID) or a comment_id');
  const conv = recipientId ? findThread(ctx.world, sender, recipientId) : undefined;
  if (recipientId && !conv) throw new GraphError(400, 100, '(#100) No matching user found', 'OAuthException', { subcode: 2018001 });
  if (params.sender_action && recipientId) return { recipient_id: recipientId };
  const message = objectParam(params, 'message');
  const text = typeof message?.text === 'string' ? message.text : '';
  if (!text && !message?.attachment) throw paramError('The parameter message is required and must contain text or an attachment');
  if (commentId) return sendPrivateReply(ctx, sender, commentId, text);

  const thread = conv as Conversation;
  requireMessagingPermission(ctx, thread.platform);
  checkText(thread.platform, text);
  const tag = readTagging(ctx, sender, params);
  enforceWindow(ctx.world, thread, tag);
  if (personUnavailable(thread.participant.id)) throw personUnavailableError();
  takeSendSlot(ctx.world, thread.accountId, false);
  const sent = appendBusinessMessage(ctx.world, thread, text, tag);
  return { recipient_id: thread.participant.id, message_id: sent.id };
}

/**
 * Puts a message sent in an earlier run back into a fresh world with its original id and time
 * (the live demo rebuilds the world from its seed and replays what the app sent). A private
 * reply recreates the commenter's thread exactly as the first send did.
 */
export function replaySentMessage(world: World, sent: { id: string; text: string; createdTime: number; conversationId?: string; tag?: string; privateReplyTo?: string }): void {
  if (world.messages[sent.id]) return;
  let conv = sent.conversationId ? world.conversations[sent.conversationId] : undefined;
  const comment = sent.privateReplyTo ? world.comments[sent.privateReplyTo] : undefined;
  if (comment) {
    const home = homeOfComment(world, comment);
    if (home && !conv) conv = threadWithCommenter(world, home, comment);
    markPrivateReply(world, comment.id);
  }
  if (!conv) return;
  const message: Message = { id: sent.id, conversationId: conv.id, createdTime: sent.createdTime, fromBusiness: true, text: sent.text, attachments: [], unsent: false, ...(sent.tag ? { tag: sent.tag } : {}) };
  world.messages[sent.id] = message;
  let i = conv.messageIds.length;
  while (i > 0 && (world.messages[conv.messageIds[i - 1] as string]?.createdTime ?? 0) > sent.createdTime) i--;
  conv.messageIds.splice(i, 0, sent.id);
  world.revision++;
}
