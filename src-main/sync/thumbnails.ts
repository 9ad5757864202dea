/**
 * Post thumbnails, fetched during sync so the posts table shows pictures with the network off.
 *
 * Which URL: see `pictureUrl`. A stored picture is fetched again only when Meta names another file
 * (`pictureKey`): the URL's signature changes on every read, the picture only when the post's owner
 * replaces it. Meta's CDN URLs expire (a signed `oe` time): a 403/404 is answered by reading the media's URLs
 * again once; when that fails too, the post records "no thumbnail" with the reason, never a broken image.
 *
 * Downscaled with sharp (libvips through N-API: it runs off the main thread in libuv's pool, loads
 * in Electron without a rebuild, and writes WebP), to 160 px wide WebP, a few KB a post.
 */
import sharp from 'sharp';
import { isMetaApiError } from '../meta/errors';
import { pictureUrl, type ThumbnailDue } from '../store/repositories/thumbnails';
import type { SyncContext, SyncTarget } from './context';

export const THUMBNAIL_WIDTH = 160;
const PARALLEL = 4;

/** A picture that could not be fetched (a CDN error, a file Meta did not serve) is tried again after this long. */
export const RETRY_FAILED_THUMBNAIL_MS = 3 * 24 * 3_600_000;

/** Reads the post's picture URLs from Meta again (the stored ones expired); null when Meta gives none. */
async function rereadUrl(ctx: SyncContext, target: SyncTarget, network: 'instagram' | 'facebook', post: ThumbnailDue): Promise<string | null> {
  const fields = network === 'facebook' ? 'full_picture' : 'media_type,media_url,thumbnail_url';
  const body = await ctx.client.get<Record<string, unknown>>(post.externalId, {
    host: target.host,
    token: target.token,
    params: { fields },
    businessId: target.externalId,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const mediaUrl = network === 'facebook' ? str(body.full_picture) : str(body.media_url);
  const thumbnailUrl = str(body.thumbnail_url);
  ctx.repos.thumbnails.setUrls(post.postId, mediaUrl, thumbnailUrl);
  return pictureUrl(network, { mediaType: str(body.media_type) ?? post.mediaType, mediaUrl, thumbnailUrl });
}

async function downscale(bytes: Buffer): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes).resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true }).webp({ quality: 70 }).toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}

type Outcome = { ok: true; bytes: Buffer; sourceUrl: string } | { ok: false; reason: string; status: number | null };

async function download(ctx: SyncContext, url: string): Promise<Outcome> {
  const res = await ctx.client.fetchMedia(url, ctx.signal);
  if (res.status !== 200) return { ok: false, status: res.status, reason: `Meta's image server answered ${res.status}${res.status === 403 ? ' (the link expired)' : ''}` };
  if (!res.contentType?.startsWith('image/')) return { ok: false, status: res.status, reason: `Meta sent ${res.contentType ?? 'a file of no type'}, not a picture` };
  return { ok: true, bytes: res.bytes, sourceUrl: url };
}

async function fetchOne(ctx: SyncContext, target: SyncTarget, network: 'instagram' | 'facebook', post: ThumbnailDue): Promise<void> {
  const now = ctx.now();
  let url = pictureUrl(network, post);
  let outcome: Outcome | null = url ? await download(ctx, url) : null;
  if (!outcome || (!outcome.ok && (outcome.status === 403 || outcome.status === 404 || outcome.status === 410))) {
    // Expired or gone: ask Meta for the media's current URL, once.
    try {
      url = await rereadUrl(ctx, target, network, post);
    } catch (error) {
      if (!isMetaApiError(error) || error.kind === 'offline' || error.kind === 'aborted') throw error;
      ctx.repos.thumbnails.markUnavailable(post.postId, `Meta would not give the picture's address again: ${error.message.slice(0, 160)}`, url, now);
      return;
    }
    outcome = url ? await download(ctx, url) : null;
  }
  if (!outcome) {
    ctx.repos.thumbnails.markUnavailable(post.postId, network === 'facebook' ? 'This Page post has no picture.' : 'Meta gives no picture for this post.', null, now);
    return;
  }
  if (!outcome.ok) {
    ctx.repos.thumbnails.markUnavailable(post.postId, `${outcome.reason}, also after asking Meta for the address again.`, url, now);
    return;
  }
  try {
    const small = await downscale(outcome.bytes);
    ctx.repos.thumbnails.store(post.postId, { mime: 'image/webp', ...small, sourceUrl: outcome.sourceUrl }, now);
    ctx.written.count++;
  } catch (error) {
    ctx.repos.thumbnails.markUnavailable(post.postId, `The picture Meta sent could not be read (${(error as Error).message.slice(0, 120)}).`, url, now);
  }
}

/**
 * Fetches and stores the thumbnails of this account's posts that have none yet or whose picture
 * changed (the listing just read gave a URL with a new file path), a few at a time; a picture whose
 * URL only got a new signature is not downloaded again.
 */
export async function syncThumbnails(ctx: SyncContext, target: SyncTarget, network: 'instagram' | 'facebook'): Promise<void> {
  const due = ctx.repos.thumbnails.due(target.accountId, network, ctx.now(), RETRY_FAILED_THUMBNAIL_MS);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < due.length) {
      const post = due[next++]!;
      await fetchOne(ctx, target, network, post);
      // Every 25th picture: a progress event per picture would flood the window with re-renders.
      if (++done % 25 === 0 || done === due.length) ctx.progress('Thumbnails', done, due.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, worker));
}
