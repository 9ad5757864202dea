/**
 * Moves the world clock forward, adding the media, posts, comments and DMs that "happened"
 * in between. Each hour slot has a fixed, seeded list of events; events are applied in time
 * order and each draws from its own seed, so advancing 0→2 h equals advancing 0→1 h→2 h and a
 * routine sync finds exactly the items with a time after its previous run.
 */
import { addComment, type CommentCtx } from './comments-gen';
import { makeComment, makeReply } from './corpus-chat';
import { addMessage, createConversation, makeMessageBody, type ThreadHome } from './conversations-gen';
import { followersAt } from './growth';
import { makeMedia, makePagePost } from './media-gen';
import { PersonPicker } from './people';
import { hashSeed, Rng } from './prng';
import { ENGAGEMENT_HOUR_FACTOR, HOUR_MS, POSTING_HOUR_WEIGHTS } from './time';
import type { Comment, Conversation, IgAccount, Page, World } from './types';

type EventKind = 'media' | 'post' | 'comment' | 'reply' | 'dm-ig' | 'dm-fb';

interface SlotEvent {
  t: number;
  kind: EventKind;
  brand: number;
  seed: number;
}

const MEAN_POSTING_WEIGHT = POSTING_HOUR_WEIGHTS.reduce((a, b) => a + b, 0) / 24;
const pickers = new WeakMap<World, PersonPicker>();

function slotEvents(world: World, slot: number): SlotEvent[] {
  const rng = new Rng(hashSeed(world.seed, world.scenario, 'slot', slot));
  const start = slot * HOUR_MS;
  const hour = new Date(start).getUTCHours();
  const events: SlotEvent[] = [];
  const push = (kind: EventKind, brand: number, n: number): void => {
    for (let i = 0; i < n; i++) events.push({ t: start + rng.int(1, HOUR_MS / 1000 - 1) * 1000, kind, brand, seed: hashSeed(world.seed, slot, kind, brand, i) });
  };
  world.igAccounts.forEach((account, b) => {
    const scale = followersAt(account, start) / 10_000;
    const engagement = ENGAGEMENT_HOUR_FACTOR[hour] ?? 1;
    // ~1.5 media/day at the usual posting hours; a Page post every few days.
    push('media', b, rng.chance((1.5 / 24) * ((POSTING_HOUR_WEIGHTS[hour] ?? 1) / MEAN_POSTING_WEIGHT)) ? 1 : 0);
    push('post', b, rng.chance(0.3 / 24) ? 1 : 0);
    push('comment', b, rng.poisson(1.2 * scale * engagement));
    push('reply', b, rng.poisson(0.4 * scale * engagement));
    push('dm-ig', b, rng.poisson(1.0 * scale));
    push('dm-fb', b, rng.poisson(0.5 * scale));
  });
  return events.sort((a, b) => a.t - b.t || a.seed - b.seed);
}

/** Index of a rank-weighted choice among n (recent items more likely). */
function rankPick(rng: Rng, n: number): number {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1));
  return rng.weighted(weights.map((_, i) => i), weights);
}

function commentCtx(world: World, rng: Rng, account: IgAccount): CommentCtx {
  let picker = pickers.get(world);
  if (!picker) {
    picker = new PersonPicker(world.people);
    pickers.set(world, picker);
  }
  return { rng, world, picker, owner: { id: account.id, username: account.username, name: account.name, niche: account.niche, flavour: 'ig' } };
}

function recentMedia(world: World, account: IgAccount, before: number, n: number): string[] {
  return account.mediaIds.filter((id) => (world.media[id]?.timestamp ?? Infinity) < before).slice(0, n);
}

function applyDm(world: World, rng: Rng, t: number, home: ThreadHome, threadIds: string[]): void {
  const lastTime = (c: Conversation): number => world.messages[c.messageIds[c.messageIds.length - 1] ?? '']?.createdTime ?? 0;
  const threads = threadIds
    .map((id) => world.conversations[id])
    .filter((c): c is Conversation => !!c && lastTime(c) < t)
    .sort((a, b) => lastTime(b) - lastTime(a))
    .slice(0, 30);
  if (threads.length === 0 || rng.chance(0.15)) {
    const taken = new Set(threadIds.map((id) => world.conversations[id]?.participant.personKey));
    for (let attempt = 0; attempt < 10; attempt++) {
      const person = rng.pick(world.people);
      if (taken.has(person.key)) continue;
      const conv = createConversation(rng, world, home, person);
      addMessage(rng, world, conv, { createdTime: t, fromBusiness: false, ...makeMessageBody(rng, home.niche, false, true) });
      return;
    }
    return;
  }
  const conv = threads[rankPick(rng, threads.length)] as Conversation;
  const last = world.messages[conv.messageIds[conv.messageIds.length - 1] ?? ''];
  const customerWaiting = !!last && !last.fromBusiness && t - last.createdTime < 2 * HOUR_MS;
  const fromBusiness = customerWaiting && rng.chance(0.7);
  addMessage(rng, world, conv, { createdTime: t, fromBusiness, ...makeMessageBody(rng, home.niche, fromBusiness, false) });
}

function applyEvent(world: World, ev: SlotEvent): void {
  const rng = new Rng(ev.seed);
  const account = world.igAccounts[ev.brand] as IgAccount;
  const page = world.pages[ev.brand] as Page;
  switch (ev.kind) {
    case 'media': {
      const media = makeMedia(rng, account, ev.t);
      world.media[media.id] = media;
      account.mediaIds.unshift(media.id);
      return;
    }
    case 'post': {
      const post = makePagePost(rng, page, ev.t);
      world.posts[post.id] = post;
      page.postIds.unshift(post.id);
      return;
    }
    case 'comment': {
      const targets = recentMedia(world, account, ev.t, 10);
      if (targets.length === 0) return;
      const ctx = commentCtx(world, rng, account);
      addComment(ctx, targets[rankPick(rng, targets.length)] as string, ev.t, ctx.picker.pick(rng), makeComment(rng, account.niche));
      return;
    }
    case 'reply': {
      const parents: Comment[] = [];
      for (const id of recentMedia(world, account, ev.t, 6)) {
        for (const cid of world.media[id]?.commentIds ?? []) {
          const c = world.comments[cid];
          if (c && !c.byOwner && c.timestamp < ev.t && ev.t - c.timestamp < 72 * HOUR_MS) parents.push(c);
        }
      }
      if (parents.length === 0) return;
      const parent = rng.pick(parents);
      const ctx = commentCtx(world, rng, account);
      const byOwner = rng.chance(0.6);
      addComment(ctx, parent.targetId, ev.t, byOwner ? 'owner' : ctx.picker.pick(rng), makeReply(rng, byOwner, parent.username), parent);
      return;
    }
    case 'dm-ig':
      applyDm(world, rng, ev.t, { platform: 'instagram', accountId: account.id, pageId: page.id, niche: account.niche }, account.conversationIds);
      return;
    case 'dm-fb':
      applyDm(world, rng, ev.t, { platform: 'messenger', accountId: page.id, pageId: page.id, niche: page.niche }, page.conversationIds);
      return;
  }
}

/**
 * Advances the world clock to `toMs`, adding everything that happens in (world.now, toMs].
 * Returns the number of new items. Moving backwards is a no-op.
 */
export function advance(world: World, toMs: number): number {
  const from = world.now;
  if (toMs <= from) return 0;
  let added = 0;
  for (let slot = Math.floor(from / HOUR_MS); slot <= Math.floor(toMs / HOUR_MS); slot++) {
    for (const ev of slotEvents(world, slot)) {
      if (ev.t <= from || ev.t > toMs) continue;
      applyEvent(world, ev);
      added++;
    }
  }
  world.now = toMs;
  if (added > 0) world.revision++;
  return added;
}
