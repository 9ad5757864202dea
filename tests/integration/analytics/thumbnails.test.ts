import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { resolveGraphConfig } from '../../../src-main/meta/config';
import { GraphClient } from '../../../src-main/meta/graph-client';
import { RETRY_FAILED_THUMBNAIL_MS, syncThumbnails, THUMBNAIL_WIDTH } from '../../../src-main/sync/thumbnails';
import type { SyncContext, SyncTarget } from '../../../src-main/sync/context';
import { makeSyncHarness, type SyncHarness } from '../../support/sync-harness';

let h: SyncHarness;
let igId: number;
let pageId: number;

beforeAll(async () => {
  h = await makeSyncHarness('small');
  const results = await h.syncAll();
  expect(results.every((r) => r.status === 'ok')).toBe(true);
  const accounts = h.core.repos.accounts.list();
  igId = accounts.find((a) => a.network === 'instagram')!.id;
  pageId = accounts.find((a) => a.network === 'facebook')!.id;
}, 60_000);
afterAll(() => h.close());

type Row = { id: number; external_id: string; media_type: string | null; media_url: string | null; thumbnail_url: string | null; status: string | null; source_url: string | null; reason: string | null; width: number | null; n: number | null };
function rows(accountId: number): Row[] {
  return h.core.repos.db.prepare(
    `SELECT p.id, p.external_id, p.media_type, p.media_url, p.thumbnail_url, t.status, t.source_url, t.reason, t.width, length(t.bytes) AS n
     FROM posts p LEFT JOIN post_thumbnails t ON t.post_id = p.id WHERE p.account_id = ?`,
  ).all(accountId) as Row[];
}

function ctxFor(client: GraphClient): { ctx: SyncContext; target: (accountId: number) => SyncTarget } {
  const repos = h.core.repos;
  const ctx: SyncContext = { client, repos, now: () => h.clock.now, progress: () => {}, written: { count: 0 } };
  const target = (accountId: number): SyncTarget => {
    const a = repos.accounts.get(accountId)!;
    return { accountId, externalId: a.externalId, token: repos.accounts.getCredential(accountId)!.accessToken, host: 'facebook', full: false };
  };
  return { ctx, target };
}

describe('thumbnails during sync', () => {
  it('stores a small WebP of every Instagram post inside the store, a video from its thumbnail_url', async () => {
    const ig = rows(igId);
    expect(ig.length).toBeGreaterThan(10);
    for (const r of ig) {
      expect(r.status, `post ${r.external_id}: ${r.reason}`).toBe('stored');
      expect(r.width).toBeLessThanOrEqual(THUMBNAIL_WIDTH);
      expect(r.n).toBeLessThan(12_000);
      // The emulator's CDN URLs are signed and expire; what is kept is the file's address without the signature.
      expect(r.source_url).not.toMatch(/\?/);
      if (r.media_type === 'VIDEO') expect(r.source_url).toMatch(/_thumb_n\.jpg$/);
      else expect(r.source_url).toMatch(/_n\.jpg$/);
    }
    const [one] = h.core.repos.thumbnails.get([ig[0]!.id]).values();
    const meta = await sharp(one!.bytes).metadata();
    expect([meta.format, meta.width]).toEqual(['webp', THUMBNAIL_WIDTH]);
  });

  it('records why a Page post has no picture instead of leaving a gap', () => {
    const page = rows(pageId);
    expect(page.length).toBeGreaterThan(0);
    for (const r of page) {
      if (r.media_url) expect(r.status).toBe('stored');
      else expect([r.status, r.reason]).toEqual(['unavailable', 'This Page post has no picture.']);
    }
  });

  it('reads the URL again once when the stored one expired, and stores the picture', async () => {
    const victim = rows(igId).find((r) => r.media_type === 'IMAGE')!;
    h.core.repos.db.prepare('DELETE FROM post_thumbnails WHERE post_id = ?').run(victim.id);
    // A day and a bit later every URL the last sync stored has expired (403 "URL signature expired").
    h.clock.now += 25 * 3_600_000;
    const { status } = await h.client.fetchMedia(victim.media_url!);
    expect(status).toBe(403);
    const { ctx, target } = ctxFor(h.client);
    await syncThumbnails(ctx, target(igId), 'instagram');
    const after = rows(igId).find((r) => r.id === victim.id)!;
    expect(after.status).toBe('stored');
    expect(after.media_url).not.toBe(victim.media_url);
  });

  it('records "no thumbnail" with the reason when the picture is gone even after asking again', async () => {
    const victim = rows(igId).find((r) => r.media_type === 'VIDEO') ?? rows(igId)[1]!;
    h.core.repos.db.prepare('DELETE FROM post_thumbnails WHERE post_id = ?').run(victim.id);
    const cdnCalls: string[] = [];
    let graphCalls = 0;
    const client = new GraphClient({
      config: resolveGraphConfig({ GRAPH_API_BASE_URL: h.emulator.url }),
      fetch: async (input, init) => {
        const url = String(input);
        if (url.includes('/cdn/')) {
          cdnCalls.push(url);
          return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
        }
        graphCalls++;
        return fetch(input, init);
      },
    });
    const { ctx, target } = ctxFor(client);
    await syncThumbnails(ctx, target(igId), 'instagram');
    const after = rows(igId).find((r) => r.id === victim.id)!;
    expect(after.status).toBe('unavailable');
    expect(after.reason).toMatch(/answered 404.*also after asking Meta for the address again/);
    expect(cdnCalls).toHaveLength(2);
    expect(graphCalls).toBe(1);
    expect(h.core.repos.thumbnails.get([victim.id]).size).toBe(0);
  });

  it('downloads a picture again only when Meta names a new file, not when its signed URL rotates', async () => {
    // Each download stores a row with the time it was fetched: a changed time is a download again
    // (posts published in between are fetched for the first time, as they should be).
    const fetched = () => new Map((h.core.repos.db.prepare('SELECT post_id, fetched_at FROM post_thumbnails').raw(true).all() as Array<[number, number]>));
    const downloadedSince = (before: Map<number, number>) => [...fetched()].filter(([id, at]) => before.has(id) && before.get(id) !== at).map(([id]) => id).sort((x, y) => x - y);
    // A sync two days on lists the posts again: every URL carries a new signature and expiry.
    h.clock.now += 2 * 24 * 3_600_000;
    const image = rows(igId).find((r) => r.media_type === 'IMAGE' && r.status === 'stored')!;
    let before = fetched();
    expect((await h.syncAll()).every((r) => r.status === 'ok')).toBe(true);
    expect(rows(igId).find((r) => r.id === image.id)!.media_url).not.toBe(image.media_url);
    expect(downloadedSince(before)).toEqual([]);

    // The owner replaces two pictures on Meta: the newest reel gets a new cover, the newest Page photo post is edited.
    const world = h.emulator.world;
    const reel = Object.values(world.media).filter((m) => m.mediaType === 'VIDEO' && m.thumbnailUrl).sort((x, y) => y.timestamp - x.timestamp)[0]!;
    reel.thumbnailUrl = reel.thumbnailUrl!.replace(/_thumb_n\.jpg$/, '_cover2_n.jpg');
    const photo = Object.values(world.posts).filter((p) => p.fullPicture).sort((x, y) => y.createdTime - x.createdTime)[0]!;
    photo.fullPicture = photo.fullPicture!.replace(/_n\.jpg$/, '_edit_n.jpg');
    h.clock.now += 3_600_000;
    before = fetched();
    expect((await h.syncAll()).every((r) => r.status === 'ok')).toBe(true);
    const reelRow = rows(igId).find((r) => r.external_id === reel.id)!;
    const photoRow = rows(pageId).find((r) => r.external_id === photo.id)!;
    expect(downloadedSince(before)).toEqual([reelRow.id, photoRow.id].sort((x, y) => x - y));
    expect([reelRow.status, reelRow.source_url]).toEqual(['stored', expect.stringMatching(/_cover2_n\.jpg$/)]);
    expect([photoRow.status, photoRow.source_url]).toEqual(['stored', expect.stringMatching(/_edit_n\.jpg$/)]);
  });

  it('tries a failed picture again after a few days, and only then', async () => {
    const victim = rows(igId).find((r) => r.media_type === 'IMAGE' && r.status === 'stored')!;
    const repos = h.core.repos;
    repos.thumbnails.markUnavailable(victim.id, "Meta's image server answered 503", victim.media_url, h.clock.now);
    const due = (days: number) => repos.thumbnails.due(igId, 'instagram', h.clock.now + days * 24 * 3_600_000, RETRY_FAILED_THUMBNAIL_MS).map((d) => d.postId);
    expect(due(0)).not.toContain(victim.id);
    expect(due(2.9)).not.toContain(victim.id);
    expect(due(3)).toContain(victim.id);
    // A post Meta gives no picture for is not asked about again and again.
    const bare = rows(pageId).find((r) => r.status === 'unavailable' && r.media_url === null);
    if (bare) expect(repos.thumbnails.due(pageId, 'facebook', h.clock.now + 30 * 24 * 3_600_000, RETRY_FAILED_THUMBNAIL_MS).map((d) => d.postId)).not.toContain(bare.id);
  });
});
