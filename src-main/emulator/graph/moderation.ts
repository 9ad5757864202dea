/**
 * Comment moderation as Meta runs it, on Instagram and on Facebook Pages.
 *
 * Instagram (https://developers.facebook.com/documentation/instagram-platform/comment-moderation ,
 * …/reference/ig-comment and …/ig-comment/replies):
 *   `POST /{ig-comment-id}/replies?message=` → `{id}`; only top-level comments take replies (a
 *   reply to a reply is added to its top-level comment); hidden comments cannot be replied to.
 *   `POST /{ig-comment-id}?hide=true|false` → `{success:true}`. `DELETE /{ig-comment-id}` →
 *   `{success:true}`; the comment and its replies are gone, later calls answer 100/33.
 * Facebook Pages (Graph API comment reference): `POST /{comment-id}/comments?message=` → `{id}`,
 *   `POST /{comment-id}?is_hidden=true|false` → `{success:true}`, `DELETE /{comment-id}`.
 * The owner's own comments cannot be hidden (harsher reading: the docs only show hiding others').
 */
import { paramError, unsupportedGet, GraphError } from '../core/errors';
import { insertByTime } from '../world/comments-gen';
import { igObjectId, numericId } from '../world/ids';
import { hashSeed, Rng } from '../world/prng';
import type { Comment, World } from '../world/types';
import { lookupNode, type Node } from './nodes';
import type { GraphCtx } from './render';

type CommentNode = Extract<Node, { type: 'ig_comment' | 'fb_comment' }>;

/** The IG account or Page that owns the commented object, as it appears on its own replies. */
function ownerIdentity(world: World, node: CommentNode): { id: string; username: string; name: string } {
  if (node.type === 'ig_comment') {
    const a = world.igAccounts.find((x) => x.id === node.media.ownerId);
    return { id: node.media.ownerId, username: a?.username ?? '', name: a?.name ?? '' };
  }
  const p = world.pages.find((x) => x.id === node.post.pageId);
  return { id: node.post.pageId, username: p?.name ?? '', name: p?.name ?? '' };
}

function newCommentId(world: World, node: CommentNode, parent: Comment): string {
  const rng = new Rng(hashSeed(world.seed, 'owner-reply', parent.id, parent.replyIds.length, world.now));
  if (node.type === 'ig_comment') return igObjectId(rng);
  const postNum = parent.targetId.split('_')[1] ?? numericId(rng, 15);
  return `${postNum}_${numericId(rng, 15)}`;
}

/** Creates the account's public reply under a comment; returns its id. */
function replyToComment(world: World, node: CommentNode, message: string | undefined, fixedId?: string): { id: string } {
  if (!message || !message.trim()) throw paramError('param message must be non-empty');
  if ([...message].length > 2200) throw paramError('param message must be at most 2200 characters');
  const top = node.comment.parentId ? world.comments[node.comment.parentId] : node.comment;
  if (!top) throw unsupportedGet(node.comment.id, 'post');
  if (top.hidden) throw new GraphError(400, 100, '(#100) You cannot reply to a hidden comment', 'OAuthException');
  const owner = ownerIdentity(world, node);
  const id = fixedId ?? newCommentId(world, node, top);
  const reply: Comment = {
    id,
    targetId: top.targetId,
    parentId: top.id,
    text: message,
    timestamp: world.now,
    fromId: owner.id,
    username: owner.username,
    fromName: owner.name,
    likeCount: 0,
    hidden: false,
    byOwner: true,
    replyIds: [],
  };
  world.comments[id] = reply;
  insertByTime(top.replyIds, id, reply.timestamp, (x) => world.comments[x]?.timestamp ?? 0);
  world.revision++;
  return { id };
}

function setHidden(world: World, node: CommentNode, raw: string): { success: true } {
  if (raw !== 'true' && raw !== 'false') throw paramError(`param ${node.type === 'ig_comment' ? 'hide' : 'is_hidden'} must be a boolean`);
  if (node.comment.byOwner) throw new GraphError(400, 100, "(#100) You can't hide your own comments", 'OAuthException');
  node.comment.hidden = raw === 'true';
  world.revision++;
  return { success: true };
}

function deleteComment(world: World, node: CommentNode): { success: true } {
  const c = node.comment;
  for (const r of c.replyIds) delete world.comments[r];
  const parent = c.parentId ? world.comments[c.parentId] : undefined;
  if (parent) parent.replyIds = parent.replyIds.filter((x) => x !== c.id);
  const target = world.media[c.targetId] ?? world.posts[c.targetId];
  if (target && !parent) target.commentIds = target.commentIds.filter((x) => x !== c.id);
  delete world.comments[c.id];
  world.revision++;
  return { success: true };
}

/** Handles a write on a comment node; undefined when the operation is not a moderation call. */
export function moderateComment(ctx: GraphCtx, method: string, node: Node, edge: string | undefined, params: Record<string, string>): unknown {
  if (node.type !== 'ig_comment' && node.type !== 'fb_comment') return undefined;
  const replyEdge = node.type === 'ig_comment' ? 'replies' : 'comments';
  if (method === 'POST' && edge === replyEdge) return replyToComment(ctx.world, node, params.message);
  const hideParam = node.type === 'ig_comment' ? params.hide : params.is_hidden;
  if (method === 'POST' && !edge && hideParam !== undefined) return setHidden(ctx.world, node, hideParam);
  if (method === 'DELETE' && !edge) return deleteComment(ctx.world, node);
  return undefined;
}

/** One moderation step replayed into a fresh world (the live demo's journal). */
export type ModerationReplay =
  | { kind: 'reply'; commentId: string; replyId: string; text: string; at: number }
  | { kind: 'hide' | 'unhide' | 'delete'; commentId: string };

/** Re-applies a moderation step that succeeded in an earlier run (with the world advanced to its time); missing comments are skipped. */
export function replayModeration(world: World, step: ModerationReplay): void {
  const node = lookupNode(world, step.commentId);
  if (!node || (node.type !== 'ig_comment' && node.type !== 'fb_comment')) return;
  if (step.kind === 'reply') {
    if (world.comments[step.replyId] || node.comment.hidden) return;
    const saved = world.now;
    world.now = Math.min(saved, step.at);
    try {
      replyToComment(world, node, step.text, step.replyId);
    } finally {
      world.now = saved;
    }
  } else if (step.kind === 'delete') {
    deleteComment(world, node);
  } else {
    node.comment.hidden = step.kind === 'hide';
    world.revision++;
  }
}
