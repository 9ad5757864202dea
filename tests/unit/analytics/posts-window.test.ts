/**
 * The posts table's windows: main filters, sorts and pages the posts (the renderer asks for the
 * rows in view), and each window is the same slice the whole sorted list would give.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PostRow, PostSortKey } from '../../../src-preload/contract';
import type { Repositories } from '../../../src-main/store/repositories';
import { listPosts, postKind } from '../../../src-main/services/analytics/posts';
import { PAGE_POST_KINDS } from '../../../src-main/store/repositories/post-windows';
import { Rng } from '../../../src-main/emulator/world/prng';
import { useTempStore } from '../../support/temp-store';

const NOW = Date.UTC(2026, 11, 1, 12);
const DAY = 86_400_000;
const store = useTempStore(5);
let repos: Repositories;
beforeEach(() => {
  ({ repos } = store);
});

const IG_TYPES: Array<[string, string]> = [['IMAGE', 'FEED'], ['VIDEO', 'REELS'], ['IMAGE', 'STORY'], ['CAROUSEL_ALBUM', 'FEED'], ['VIDEO', 'FEED']];
const PAGE_TYPES = [...Object.keys(PAGE_POST_KINDS), 'something_new'];
const CAPTIONS = ['Été sale', 'ÇA VA bien', 'spring drop 🌷', 'SPRING restock', null, 'Behind the scenes'];

/** 300 posts over two accounts, some figures unknown, some ties. */
function seed(): { ig: number; page: number } {
  const rng = new Rng(5);
  const ig = repos.accounts.upsert({ network: 'instagram', externalId: 'ig', handle: 'shop', name: 'Shop', loginKind: 'demo' }, NOW);
  const page = repos.accounts.upsert({ network: 'facebook', externalId: 'pg', name: 'Shop', loginKind: 'demo', linkedAccountId: null }, NOW);
  for (let i = 0; i < 300; i++) {
    const onPage = i % 3 === 0;
    const [mediaType, productType] = onPage ? [PAGE_TYPES[(i / 3) % PAGE_TYPES.length]!, 'PAGE_POST'] : IG_TYPES[i % IG_TYPES.length]!;
    const id = repos.posts.upsert(onPage ? page : ig, { externalId: `p${i}`, caption: CAPTIONS[i % CAPTIONS.length]!, mediaType, productType, publishedAt: NOW - Math.floor(rng.float() * 60) * DAY }, NOW);
    const maybe = (n: number) => (rng.float() < 0.15 ? null : Math.floor(rng.float() * n));
    if (i % 17 !== 0) repos.posts.addSnapshot(id, NOW, { views: maybe(5000), reach: maybe(2000), likes: maybe(50), comments: maybe(10), shares: maybe(5), saves: onPage ? null : maybe(5) });
  }
  return { ig, page };
}

/** The order the table had when it sorted in the renderer: unknown figures last, ties newest first. */
function reference(posts: PostRow[], key: PostSortKey, descending: boolean): number[] {
  return [...posts]
    .sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id)
    .sort((a, b) => {
      const x = a[key];
      const y = b[key];
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return descending ? y - x : x - y;
    })
    .map((p) => p.id);
}

const all = { scope: { kind: 'all' as const }, from: null, to: null, kind: null, search: '' };

describe('posts windows', () => {
  it('sorts every column both ways as the table did, and each window is that order\'s slice', () => {
    seed();
    const everything = listPosts(repos, all, 'UTC').posts;
    expect(everything).toHaveLength(300);
    for (const key of ['publishedAt', 'views', 'reach', 'likes', 'comments', 'shares', 'saves', 'engagementRate'] as const) {
      for (const descending of [true, false]) {
        const order = reference(everything, key, descending);
        const sorted = listPosts(repos, { ...all, sort: { key, descending } }, 'UTC');
        expect(sorted.posts.map((p) => p.id), `${key} ${descending ? 'desc' : 'asc'}`).toEqual(order);
        const window = listPosts(repos, { ...all, sort: { key, descending }, offset: 120, limit: 50 }, 'UTC');
        expect(window.total).toBe(300);
        expect(window.offset).toBe(120);
        expect(window.posts.map((p) => p.id)).toEqual(order.slice(120, 170));
      }
    }
    // Past the end: an empty window, the total still right.
    expect(listPosts(repos, { ...all, offset: 400, limit: 50 }, 'UTC')).toMatchObject({ posts: [], total: 300 });
  });

  it('filters by kind in words and by caption in any case and script, before paging', () => {
    seed();
    const everything = listPosts(repos, all, 'UTC').posts;
    for (const kind of [...new Set(everything.map((p) => p.kind))]) {
      const expected = everything.filter((p) => p.kind === kind).map((p) => p.id);
      const page = listPosts(repos, { ...all, kind, limit: 10 }, 'UTC');
      expect(page.total, kind).toBe(expected.length);
      expect(page.posts.map((p) => p.id)).toEqual(expected.slice(0, 10));
    }
    for (const search of ['été', 'ça va', 'Spring', '🌷', 'nothing like this']) {
      const needle = search.toLocaleLowerCase();
      const expected = everything.filter((p) => p.caption.toLocaleLowerCase().includes(needle)).map((p) => p.id);
      expect(listPosts(repos, { ...all, search }, 'UTC').posts.map((p) => p.id), search).toEqual(expected);
    }
    expect(listPosts(repos, { ...all, search: 'été' }, 'UTC').total).toBeGreaterThan(0);
  });

  it('names every kind in SQL as postKind does', () => {
    seed();
    const rows = repos.db.prepare('SELECT p.id, a.network, p.media_type AS mediaType, p.product_type AS productType FROM posts p JOIN accounts a ON a.id = p.account_id').all() as Array<{ id: number; network: string; mediaType: string | null; productType: string | null }>;
    const kinds = [...new Set(rows.map((r) => postKind(r.network, r.mediaType, r.productType)))];
    expect(kinds.sort()).toEqual(['Carousel', 'Event', 'Feed', 'Link', 'Note', 'Photo', 'Post', 'Reel', 'Status', 'Story', 'Video']);
    for (const kind of kinds) {
      const ids = listPosts(repos, { ...all, kind }, 'UTC').posts.map((p) => p.id).sort((a, b) => a - b);
      expect(ids, kind).toEqual(rows.filter((r) => postKind(r.network, r.mediaType, r.productType) === kind).map((r) => r.id).sort((a, b) => a - b));
    }
  });
});
