/**
 * DM schemas (conversation, message, participant profile) and the conversations edges. In an
 * Instagram thread only the 20 most recent messages return details, a limit Meta documents for
 * Instagram Messaging only
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/conversations-api);
 * Messenger threads page to their full history
 * (https://developers.facebook.com/docs/graph-api/reference/conversation).
 */
import { GraphError } from '../core/errors';
import type { FieldSpec } from '../core/fields';
import { newestFirst, paginate } from '../core/paging';
import { unitHash } from '../world/prng';
import { formatGraphTime, HOUR_MS } from '../world/time';
import { messageExtra, type MessageExtra } from '../world/message-extras';
import type { Attachment, Conversation, Message, Page, World } from '../world/types';
import { conversationWith, type Node } from './nodes';
import { registerSchemas, renderNode, type EdgeRequest, type GraphCtx } from './render';

/** How many recent messages per Instagram thread are retrievable with details. */
export const RETRIEVABLE_MESSAGES = 20;

/** Messages the API shows (unsent ones vanish), newest first. */
export function visibleMessages(world: World, conv: Conversation): Message[] {
  const out: Message[] = [];
  for (let i = conv.messageIds.length - 1; i >= 0; i--) {
    const m = world.messages[conv.messageIds[i] as string];
    if (m && !m.unsent && m.createdTime <= world.now) out.push(m);
  }
  return out;
}

/** Ids whose details can be read: every visible message on Messenger, the 20 most recent on Instagram. */
export function retrievableIds(world: World, conv: Conversation): string[] {
  const visible = visibleMessages(world, conv);
  return (conv.platform === 'instagram' ? visible.slice(0, RETRIEVABLE_MESSAGES) : visible).map((m) => m.id);
}

/**
 * The message this one quotes, if any: about one in six replies quote the message before it, in
 * the shape Meta gives `reply_to` (`mid`, and `is_self_reply` when quoting one's own message).
 */
function replyTo(world: World, conv: Conversation, message: Message): Record<string, unknown> | undefined {
  const index = conv.messageIds.indexOf(message.id);
  const previous = index > 0 ? world.messages[conv.messageIds[index - 1] as string] : undefined;
  if (!previous || previous.unsent || unitHash(message.id, 'reply-to') >= 0.17) return undefined;
  return { mid: previous.id, is_self_reply: previous.fromBusiness === message.fromBusiness };
}

/** The "deleted" error Meta returns for messages older than the most recent 20 (or unsent). */
export function messageDeletedError(): GraphError {
  return new GraphError(400, 100, '(#100) This message has been deleted', 'OAuthException');
}

/** Time of the customer's latest message (the 24 h window starts there). */
export function lastCustomerMessageAt(world: World, conv: Conversation): number | undefined {
  for (let i = conv.messageIds.length - 1; i >= 0; i--) {
    const m = world.messages[conv.messageIds[i] as string];
    if (m && !m.fromBusiness) return m.createdTime;
  }
  return undefined;
}

function updatedTime(world: World, conv: Conversation): number {
  return world.messages[conv.messageIds[conv.messageIds.length - 1] ?? '']?.createdTime ?? 0;
}

function businessParty(world: World, conv: Conversation): Record<string, string> {
  if (conv.platform === 'instagram') {
    const a = world.igAccounts.find((x) => x.id === conv.accountId);
    return { username: a?.username ?? '', id: conv.accountId };
  }
  const page = world.pages.find((p) => p.id === conv.pageId);
  return { name: page?.name ?? '', email: `${conv.pageId}@facebook.com`, id: conv.pageId };
}

/** The customer side; `user_id` (their IG id) is only listed among participants, as in Meta's sample. */
function customerParty(conv: Conversation, withUserId = false): Record<string, string> {
  const p = conv.participant;
  if (conv.platform === 'instagram') return withUserId ? { username: p.username ?? '', id: p.id, user_id: p.userId ?? '' } : { username: p.username ?? '', id: p.id };
  return { name: p.name, email: p.email ?? `${p.id}@facebook.com`, id: p.id };
}

function storyJson(extra: MessageExtra | null): Record<string, unknown> | undefined {
  if (extra?.kind === 'story_reply') return { reply_to: { link: extra.link, id: extra.storyId } };
  if (extra?.kind === 'story_mention') return { mention: { link: extra.link, id: extra.storyId } };
  return undefined;
}

function sharesJson(extra: MessageExtra | null): Record<string, unknown> | undefined {
  return extra?.kind === 'share' ? { data: [{ link: extra.link }] } : undefined;
}

function attachmentJson(a: Attachment): Record<string, unknown> {
  const base: Record<string, unknown> = { id: a.id, mime_type: a.mimeType, name: a.name, size: a.size };
  if (a.kind === 'image') {
    base.image_data = { width: a.width, height: a.height, max_width: a.width, max_height: a.height, url: a.url, preview_url: a.url, render_as_sticker: false, image_type: 1 };
  } else if (a.kind === 'video') {
    base.video_data = { width: 720, height: 1280, length: 12, video_type: 0, url: a.url, preview_url: `${a.url}&preview=1` };
  } else {
    base.file_url = a.url;
  }
  return base;
}

function listConversations(ctx: GraphCtx, ids: readonly string[], req: EdgeRequest): unknown {
  const world = ctx.world;
  let convs = ids.map((id) => world.conversations[id] as Conversation).filter((c) => visibleMessages(world, c).length > 0);
  if (req.params.user_id) convs = convs.filter((c) => c.participant.id === req.params.user_id);
  const sorted = convs.sort((a, b) => newestFirst([updatedTime(world, a), a.id], [updatedTime(world, b), b.id]));
  const page = paginate(sorted, (c) => [updatedTime(world, c), c.id], newestFirst, req.params, req.loc, 100);
  const fields = req.fields ?? [{ name: 'id', mods: {} }, { name: 'updated_time', mods: {} }];
  const data = page.items.map((conv) => renderNode(ctx, { type: 'conversation', conv }, fields));
  return page.paging ? { data, paging: page.paging } : { data };
}

/** `GET /{page-id}/conversations?platform=instagram|messenger` (default messenger). */
export function pageConversationsEdge(ctx: GraphCtx, page: Page, req: EdgeRequest): unknown {
  if (ctx.token.kind !== 'page' && ctx.token.kind !== 'system_user') {
    throw new GraphError(400, 190, '(#190) This method must be called with a Page Access Token', 'OAuthException');
  }
  if (req.params.platform === 'instagram') {
    const account = ctx.world.igAccounts.find((a) => a.id === page.igAccountId);
    return listConversations(ctx, account?.conversationIds ?? [], req);
  }
  return listConversations(ctx, page.conversationIds, req);
}

/** IG Login: `GET graph.instagram.com/me/conversations`. */
export function igConversationsEdge(ctx: GraphCtx, accountId: string, req: EdgeRequest): unknown {
  const account = ctx.world.igAccounts.find((a) => a.id === accountId);
  return listConversations(ctx, account?.conversationIds ?? [], req);
}

/** Fields older messages keep in a listing (details are withheld beyond the most recent 20). */
function restrictOld(fields: FieldSpec[] | undefined): FieldSpec[] {
  const keep = (fields ?? []).filter((f) => f.name === 'id' || f.name === 'created_time');
  return keep.length ? keep : [{ name: 'id', mods: {} }, { name: 'created_time', mods: {} }];
}

type ConvNode = Extract<Node, { type: 'conversation' }>;
type MsgNode = Extract<Node, { type: 'message' }>;
type ParticipantNode = Extract<Node, { type: 'participant' }>;

registerSchemas({
  conversation: {
    metaType: 'UnifiedThread',
    id: (n: ConvNode) => n.conv.id,
    defaults: ['id'],
    scalars: {
      updated_time: (ctx, n) => formatGraphTime(updatedTime(ctx.world, n.conv)),
      message_count: (ctx, n) => visibleMessages(ctx.world, n.conv).length,
      unread_count: (ctx, n) => {
        const last = visibleMessages(ctx.world, n.conv)[0];
        return last && !last.fromBusiness ? 1 : 0;
      },
      participants: (ctx, n) => ({ data: [customerParty(n.conv, true), businessParty(ctx.world, n.conv)] }),
      senders: (ctx, n) => ({ data: [customerParty(n.conv), businessParty(ctx.world, n.conv)] }),
      can_reply: (ctx, n) => ctx.world.now - (lastCustomerMessageAt(ctx.world, n.conv) ?? 0) <= 24 * HOUR_MS,
    },
    edges: {
      messages: (ctx, n, req) => {
        const all = visibleMessages(ctx.world, n.conv);
        const recent = new Set(retrievableIds(ctx.world, n.conv));
        const page = paginate(all, (m) => [m.createdTime, m.id], newestFirst, req.params, req.loc, 100);
        const fields = req.fields ?? [{ name: 'id', mods: {} }, { name: 'created_time', mods: {} }];
        const data = page.items.map((message) =>
          renderNode(ctx, { type: 'message', message, conv: n.conv }, recent.has(message.id) ? fields : restrictOld(fields)),
        );
        return page.paging ? { data, paging: page.paging } : { data };
      },
    },
  },
  message: {
    metaType: 'Message',
    id: (n: MsgNode) => n.message.id,
    defaults: ['id', 'created_time'],
    scalars: {
      created_time: (_ctx, n) => formatGraphTime(n.message.createdTime),
      from: (ctx, n) => (n.message.fromBusiness ? businessParty(ctx.world, n.conv) : customerParty(n.conv)),
      to: (ctx, n) => ({ data: [n.message.fromBusiness ? customerParty(n.conv) : businessParty(ctx.world, n.conv)] }),
      message: (_ctx, n) => n.message.text,
      attachments: (_ctx, n) => (n.message.attachments.length ? { data: n.message.attachments.map(attachmentJson) } : undefined),
      is_unsupported: () => false,
      reply_to: (ctx, n) => replyTo(ctx.world, n.conv, n.message),
      // A story reply or mention, and a shared post, are fields of their own here (world/message-extras.ts).
      story: (_ctx, n) => storyJson(messageExtra(n.conv, n.message)),
      shares: (_ctx, n) => sharesJson(messageExtra(n.conv, n.message)),
      // Sent by the business that owns the thread.
      is_owner: (_ctx, n) => n.message.fromBusiness,
    },
    edges: {},
  },
  participant: {
    metaType: 'User',
    id: (n: ParticipantNode) => n.conv.participant.id,
    defaults: ['name', 'id'],
    scalars: {
      name: (_ctx, n) => n.conv.participant.name,
      username: (_ctx, n) => n.conv.participant.username,
      first_name: (_ctx, n) => n.conv.participant.name.split(' ')[0],
      last_name: (_ctx, n) => n.conv.participant.name.split(' ').slice(1).join(' '),
      profile_pic: (_ctx, n) => `https://scontent.xx.fbcdn.net/v/t51.2885-15/${n.conv.participant.id}_n.jpg`,
      follower_count: (_ctx, n) => Math.round(40 + 2500 * unitHash(n.conv.participant.id, 'fc') ** 3),
      is_user_follow_business: (_ctx, n) => unitHash(n.conv.participant.id, 'ufb') < 0.7,
      is_business_follow_user: (_ctx, n) => unitHash(n.conv.participant.id, 'bfu') < 0.15,
      is_verified_user: () => false,
    },
    edges: {},
  },
});

/** Schemas register on import; this export keeps the import explicit for bundlers. */
export const MESSAGING_SCHEMAS_READY = true;
export { conversationWith };
