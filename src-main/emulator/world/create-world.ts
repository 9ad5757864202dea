/** Builds the deterministic emulator world for a scenario, seed and clock. */
import { seedThread, type CommentCtx } from './comments-gen';
import { createConversation, lastActivity, seedMessages, splitTotal, type ThreadHome } from './conversations-gen';
import { growthRate } from './growth';
import { historyTimes, makeMedia, makePagePost } from './media-gen';
import { createPeople, PersonPicker } from './people';
import { hashSeed, Rng } from './prng';
import { SCENARIOS, type BrandSpec, type ScenarioSpec } from './scenarios';
import { DAY_MS } from './time';
import { initialTokens } from './tokens';
import type { IgAccount, Media, Page, Person, Scenario, World } from './types';
import { igUserId, numericId, randomToken } from './ids';

/** Options for createWorld. */
export interface CreateWorldOptions {
  scenario: Scenario;
  /** Defaults to DEFAULT_SEED. */
  seed?: number;
  /** The world clock (unix ms); history covers the two years before it. */
  now: number;
}

/** Seed used when none is given, so "the demo world" is one well-known world. */
export const DEFAULT_SEED = 20_261_101;

function brandAccounts(rng: Rng, world: World, spec: BrandSpec, historyStart: number, days: number): [IgAccount, Page] {
  const igId = igUserId(rng);
  const pageId = `1${rng.digits(14)}`;
  const account: IgAccount = {
    id: igId,
    igLoginScopedId: `2${rng.digits(16)}`,
    niche: spec.niche,
    username: spec.username,
    name: spec.name,
    biography: spec.biography,
    website: spec.website,
    profilePictureUrl: `https://scontent.cdninstagram.com/v/t51.2885-19/${numericId(rng, 9)}_n.jpg`,
    followsCount: spec.follows,
    followersStart: spec.followersStart,
    growthRatePerDay: growthRate(spec.followersStart, spec.followersNow, days),
    historyStart,
    pageId,
    mediaIds: [],
    conversationIds: [],
  };
  const page: Page = {
    id: pageId,
    niche: spec.niche,
    name: spec.pageName,
    category: spec.pageCategory,
    about: spec.biography.split('\n')[0] ?? spec.pageName,
    link: `https://www.facebook.com/${spec.username.replace(/\./g, '')}`,
    fansStart: spec.fansStart,
    growthRatePerDay: growthRate(spec.fansStart, spec.fansNow, days),
    historyStart,
    igAccountId: igId,
    postIds: [],
    conversationIds: [],
  };
  world.igAccounts.push(account);
  world.pages.push(page);
  return [account, page];
}

function seedContent(rng: Rng, world: World, spec: BrandSpec, account: IgAccount, page: Page, picker: PersonPicker): void {
  const now = world.now;
  const igCtx: CommentCtx = {
    rng,
    world,
    picker,
    owner: { id: account.id, username: account.username, name: account.name, niche: spec.niche, flavour: 'ig' },
  };
  for (const t of historyTimes(rng, account.historyStart, now - 10 * 60_000, spec.media)) {
    const media = makeMedia(rng, account, t);
    world.media[media.id] = media;
    account.mediaIds.push(media.id);
    const mean = 0.8 + 2.6 * media.popularity * Math.sqrt(media.followersAtPost / 10_000);
    seedThread(igCtx, media.id, t, mean, now);
  }
  const fbCtx: CommentCtx = { ...igCtx, owner: { id: page.id, username: page.name, name: page.name, niche: spec.niche, flavour: 'fb' } };
  for (const t of historyTimes(rng, page.historyStart, now - 30 * 60_000, spec.posts)) {
    const post = makePagePost(rng, page, t);
    world.posts[post.id] = post;
    page.postIds.push(post.id);
    seedThread(fbCtx, post.id, t, 1.2 * post.popularity, now);
  }
}

/** Creates the world: accounts, media with comment threads, Page posts, DM threads, tokens. */
export function createWorld(options: CreateWorldOptions): World {
  const seed = options.seed ?? DEFAULT_SEED;
  const spec = SCENARIOS[options.scenario];
  const now = options.now;
  const rng = new Rng(hashSeed(seed, options.scenario));
  const historyStart = now - spec.historyDays * DAY_MS;
  const world: World = {
    scenario: options.scenario,
    seed,
    createdAt: now,
    now,
    revision: 0,
    app: {
      id: numericId(rng, 16),
      name: 'Social Desk',
      secret: randomToken(rng, 32).toLowerCase().replace(/[^a-f0-9]/g, 'a'),
      igAppId: numericId(rng, 16),
      igAppSecret: randomToken(rng, 32).toLowerCase().replace(/[^a-f0-9]/g, 'b'),
    },
    business: { id: numericId(rng, 16), name: 'Maple & Moss Ltd', systemUserId: `61${rng.digits(13)}`, systemUserName: 'Social Desk Sync' },
    user: { id: `10${rng.digits(15)}`, name: 'Rosa Whitfield' },
    igAccounts: [],
    pages: [],
    people: [],
    media: {},
    comments: {},
    posts: {},
    conversations: {},
    messages: {},
    tokens: [],
  };
  world.people = createPeople(rng, spec.people, 'p');
  const picker = new PersonPicker(world.people);
  const pairs = spec.brands.map((b) => brandAccounts(rng, world, b, historyStart, spec.historyDays));
  spec.brands.forEach((b, i) => {
    const [account, page] = pairs[i] as [IgAccount, Page];
    seedContent(rng, world, b, account, page, picker);
  });

  // DM threads: every home gets distinct people; message counts split the scenario total exactly.
  const homes: Array<{ home: ThreadHome; count: number }> = [];
  spec.brands.forEach((b, i) => {
    const [account, page] = pairs[i] as [IgAccount, Page];
    homes.push({ home: { platform: 'instagram', accountId: account.id, pageId: page.id, niche: b.niche }, count: b.igConversations });
    homes.push({ home: { platform: 'messenger', accountId: page.id, pageId: page.id, niche: b.niche }, count: b.messengerConversations });
  });
  const totalThreads = homes.reduce((s, h) => s + h.count, 0);
  const counts = splitTotal(rng, spec.messages, totalThreads);
  let k = 0;
  for (const { home, count } of homes) {
    const people: Person[] = rng.shuffle(world.people).slice(0, count);
    for (const person of people) {
      const conv = createConversation(rng, world, home, person);
      seedMessages(rng, world, conv, home.niche, counts[k++] ?? 1, lastActivity(rng, now, historyStart));
    }
  }
  applyInsightGaps(world, spec);
  world.tokens = initialTokens(rng, world, now);
  return world;
}

/**
 * Marks the media a scenario says Meta cannot give insights for, at fixed positions so the
 * ground truth is easy to state: the oldest ones predate the conversion; denied and ad media are
 * spread evenly through the newer history.
 */
function applyInsightGaps(world: World, spec: ScenarioSpec): void {
  if (spec.quirks) world.quirks = { ...spec.quirks };
  for (const account of world.igAccounts) {
    const ids = account.mediaIds; // newest first
    const before = Math.min(spec.mediaBeforeConversion ?? 0, ids.length);
    if (before > 0) {
      const newestBefore = world.media[ids[ids.length - before] as string] as Media;
      const oldestAfter = world.media[ids[ids.length - before - 1] as string];
      account.businessConvertedAt = oldestAfter ? Math.floor((newestBefore.timestamp + oldestAfter.timestamp) / 2) : newestBefore.timestamp + 1;
    }
    // Denied then ad media at evenly spaced positions among the post-conversion media (never the newest).
    const denied = spec.deniedMedia ?? 0;
    const slots = denied + (spec.adMedia ?? 0);
    const usable = ids.length - before;
    for (let k = 1; k <= slots; k++) {
      const media = world.media[ids[Math.floor((k * usable) / (slots + 1))] as string] as Media;
      if (k <= denied) media.insightsDenied = true;
      else media.productType = 'AD';
    }
  }
}
