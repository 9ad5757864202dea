/** Resolving Graph ids to world objects, their owning account, and token access rules. */
import { findLiveStory } from '../world/stories';
import type { ChildMedia, Comment, Conversation, IgAccount, Media, Message, Page, PagePost, TokenSpec, World } from '../world/types';

/** A resolved Graph node. */
export type Node =
  | { type: 'user'; id: string; name: string }
  | { type: 'system_user'; id: string; name: string }
  | { type: 'business'; id: string; name: string }
  | { type: 'page'; page: Page }
  | { type: 'ig_user'; account: IgAccount }
  | { type: 'ig_media'; media: Media }
  | { type: 'ig_child'; child: ChildMedia; parent: Media }
  | { type: 'ig_comment'; comment: Comment; media: Media }
  | { type: 'post'; post: PagePost }
  | { type: 'fb_comment'; comment: Comment; post: PagePost }
  | { type: 'conversation'; conv: Conversation }
  | { type: 'message'; message: Message; conv: Conversation }
  | { type: 'participant'; conv: Conversation };

/** Node type names of the union. */
export type NodeType = Node['type'];

interface Index {
  revision: number;
  children: Map<string, { child: ChildMedia; parent: Media }>;
  participants: Map<string, Conversation>;
}
const indexes = new WeakMap<World, Index>();

function index(world: World): Index {
  const cached = indexes.get(world);
  if (cached && cached.revision === world.revision) return cached;
  const idx: Index = { revision: world.revision, children: new Map(), participants: new Map() };
  for (const m of Object.values(world.media)) for (const c of m.children) idx.children.set(c.id, { child: c, parent: m });
  for (const c of Object.values(world.conversations)) idx.participants.set(c.participant.id, c);
  indexes.set(world, idx);
  return idx;
}

/** The conversation a participant (IGSID/PSID) belongs to on an account. */
export function conversationWith(world: World, accountId: string, participantId: string): Conversation | undefined {
  const conv = index(world).participants.get(participantId);
  return conv && conv.accountId === accountId ? conv : undefined;
}

/** Resolves an id (not "me") to a node. */
export function lookupNode(world: World, id: string): Node | undefined {
  const media = world.media[id];
  if (media) return { type: 'ig_media', media };
  const comment = world.comments[id];
  if (comment) {
    const m = world.media[comment.targetId];
    if (m) return { type: 'ig_comment', comment, media: m };
    const post = world.posts[comment.targetId];
    return post ? { type: 'fb_comment', comment, post } : undefined;
  }
  const message = world.messages[id];
  if (message) {
    const conv = world.conversations[message.conversationId];
    return conv ? { type: 'message', message, conv } : undefined;
  }
  const conv = world.conversations[id];
  if (conv) return { type: 'conversation', conv };
  const post = world.posts[id];
  if (post) return { type: 'post', post };
  const account = world.igAccounts.find((a) => a.id === id);
  if (account) return { type: 'ig_user', account };
  const page = world.pages.find((p) => p.id === id);
  if (page) return { type: 'page', page };
  if (id === world.user.id) return { type: 'user', id, name: world.user.name };
  if (id === world.business.systemUserId) return { type: 'system_user', id, name: world.business.systemUserName };
  if (id === world.business.id) return { type: 'business', id, name: world.business.name };
  const story = /^\d+$/.test(id) ? findLiveStory(world, id) : undefined;
  if (story) return { type: 'ig_media', media: story };
  const child = index(world).children.get(id);
  if (child) return { type: 'ig_child', ...child };
  const participantConv = index(world).participants.get(id);
  if (participantConv) return { type: 'participant', conv: participantConv };
  return undefined;
}

/** The node a token acts as for `/me`. */
export function meNode(world: World, token: TokenSpec): Node | undefined {
  switch (token.kind) {
    case 'user':
      return { type: 'user', id: world.user.id, name: world.user.name };
    case 'system_user':
      return { type: 'system_user', id: world.business.systemUserId, name: world.business.systemUserName };
    case 'page':
    case 'ig_user':
      return lookupNode(world, token.subjectId);
    case 'app':
      return undefined;
  }
}

/** The IG account or Page owning a node (undefined for users/businesses). */
export function ownerOf(node: Node): string | undefined {
  switch (node.type) {
    case 'page':
      return node.page.id;
    case 'ig_user':
      return node.account.id;
    case 'ig_media':
      return node.media.ownerId;
    case 'ig_child':
      return node.parent.ownerId;
    case 'ig_comment':
      return node.media.ownerId;
    case 'post':
      return node.post.pageId;
    case 'fb_comment':
      return node.post.pageId;
    case 'conversation':
    case 'participant':
      return node.conv.accountId;
    case 'message':
      return node.conv.accountId;
    default:
      return undefined;
  }
}

/** Whether a token may read/act on a node. */
export function canAccess(world: World, token: TokenSpec, node: Node): boolean {
  if (token.kind === 'system_user' || token.kind === 'user') return true;
  if (token.kind === 'app') return false;
  const owner = ownerOf(node);
  if (token.kind === 'ig_user') return owner === token.subjectId;
  const page = world.pages.find((p) => p.id === token.subjectId);
  return !!page && (owner === page.id || owner === page.igAccountId);
}

/** Path-template placeholder for stats, e.g. `{ig-user-id}`. */
export function placeholder(type: NodeType | 'unknown'): string {
  const names: Record<NodeType | 'unknown', string> = {
    user: '{user-id}',
    system_user: '{user-id}',
    business: '{business-id}',
    page: '{page-id}',
    ig_user: '{ig-user-id}',
    ig_media: '{media-id}',
    ig_child: '{media-id}',
    ig_comment: '{comment-id}',
    post: '{post-id}',
    fb_comment: '{comment-id}',
    conversation: '{conversation-id}',
    message: '{message-id}',
    participant: '{user-id}',
    unknown: '{id}',
  };
  return names[type];
}
