/** Comment threads on IG media and Page posts. */
import { makeComment, makeReply } from './corpus-chat';
import { igObjectId, numericId } from './ids';
import type { PersonPicker } from './people';
import type { Rng } from './prng';
import { HOUR_MS } from './time';
import type { Comment, Niche, Person, World } from './types';

/** Who owns the commented object (their replies are marked byOwner). */
export interface CommentOwner {
  id: string;
  username: string;
  name: string;
  niche: Niche;
  /** 'ig' ids look like IG comment ids, 'fb' like `<post>_<n>`. */
  flavour: 'ig' | 'fb';
}

/** Everything needed to add comments to the world. */
export interface CommentCtx {
  rng: Rng;
  world: World;
  picker: PersonPicker;
  owner: CommentOwner;
}

function commentId(ctx: CommentCtx, targetId: string): string {
  if (ctx.owner.flavour === 'ig') return igObjectId(ctx.rng);
  const postNum = targetId.split('_')[1] ?? numericId(ctx.rng, 15);
  return `${postNum}_${numericId(ctx.rng, 15)}`;
}

/** Inserts id into an oldest-first list, keeping it sorted by the comment timestamps. */
export function insertByTime(list: string[], id: string, t: number, timeOf: (id: string) => number): void {
  let i = list.length;
  while (i > 0 && timeOf(list[i - 1] as string) > t) i--;
  list.splice(i, 0, id);
}

/** Creates one comment (top-level or reply) and links it into the world. */
export function addComment(
  ctx: CommentCtx,
  targetId: string,
  t: number,
  author: Person | 'owner',
  text: string,
  parent?: Comment,
): Comment {
  const byOwner = author === 'owner';
  const comment: Comment = {
    id: commentId(ctx, targetId),
    targetId,
    text,
    timestamp: t,
    fromId: byOwner ? ctx.owner.id : author.igUserId,
    username: byOwner ? ctx.owner.username : author.username,
    fromName: byOwner ? ctx.owner.name : author.name,
    likeCount: ctx.rng.chance(0.55) ? 0 : Math.floor(ctx.rng.logNormal(1) * 1.5),
    hidden: !byOwner && ctx.rng.chance(0.02),
    byOwner,
    replyIds: [],
  };
  if (parent) comment.parentId = parent.id;
  const world = ctx.world;
  world.comments[comment.id] = comment;
  const timeOf = (id: string): number => world.comments[id]?.timestamp ?? 0;
  if (parent) {
    insertByTime(parent.replyIds, comment.id, t, timeOf);
  } else {
    const target = world.media[targetId] ?? world.posts[targetId];
    if (target) insertByTime(target.commentIds, comment.id, t, timeOf);
  }
  return comment;
}

/** Reply delay: owners answer within hours, most fans within minutes to a day. */
function replyDelay(rng: Rng, byOwner: boolean): number {
  const scale = byOwner ? 7 * HOUR_MS : 3 * HOUR_MS;
  return 5 * 60_000 + -Math.log(Math.max(rng.float(), 1e-9)) * scale;
}

/** Possibly adds owner/fan replies to a fresh top-level comment, keeping times <= until. */
export function maybeReplies(ctx: CommentCtx, parent: Comment, until: number): void {
  const { rng } = ctx;
  if (parent.byOwner) return;
  if (rng.chance(0.35)) {
    const t = parent.timestamp + replyDelay(rng, true);
    if (t <= until) addComment(ctx, parent.targetId, Math.floor(t), 'owner', makeReply(rng, true, parent.username), parent);
  }
  if (rng.chance(0.1)) {
    const t = parent.timestamp + replyDelay(rng, false);
    const fan = ctx.picker.pick(rng);
    if (t <= until) addComment(ctx, parent.targetId, Math.floor(t), fan, makeReply(rng, false, parent.username), parent);
  }
}

/** Generates the historical comment thread of one media/post up to `until`. */
export function seedThread(ctx: CommentCtx, targetId: string, postedAt: number, meanTopLevel: number, until: number): void {
  const { rng } = ctx;
  const n = rng.poisson(meanTopLevel);
  for (let i = 0; i < n; i++) {
    // Most comments arrive in the first hours, a long tail over weeks.
    const u = Math.max(rng.float(), 1e-9);
    const delay = rng.chance(0.8) ? -Math.log(u) * 5 * HOUR_MS : -Math.log(u) * 96 * HOUR_MS;
    const t = Math.floor(postedAt + 60_000 + delay);
    if (t > until) continue;
    const author = ctx.picker.pick(rng);
    const c = addComment(ctx, targetId, t, author, makeComment(rng, ctx.owner.niche));
    maybeReplies(ctx, c, until);
  }
}
