import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { resolveGraphConfig } from '../../../src-main/meta/config';
import { GraphClient } from '../../../src-main/meta/graph-client';
import { syncThumbnails, THUMBNAIL_WIDTH } from '../../../src-main/sync/thumbnails';
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
});
