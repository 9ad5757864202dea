/**
 * Meta's media CDN as the emulator serves it. The Graph API hands out `media_url`, `thumbnail_url`
 * and `full_picture` as signed CDN URLs that stop working: `oe` is the expiry (hex unix seconds)
 * and `oh` a hash over the URL; a tampered URL answers 403 "Bad URL hash", an expired one 403 "URL
 * signature expired" (apps are told to read the field again rather than keep URLs:
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media — "media_url …
 * may be omitted"/expiring CDN URLs). The emulator serves them under `{url}/cdn/{cdn host}/{path}`
 * (the client rebases Meta's hosts onto the emulator, as it does for `paging.next`), with real JPEG
 * bytes drawn per file name. Videos are not served: apps read a video's `thumbnail_url`.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { EmulatorState } from '../core/state';

/** How long a handed-out CDN URL works (the harsher reading: a day, not the "few days" seen in the wild). */
export const CDN_URL_LIFETIME_MS = 24 * 3_600_000;

function hashOf(seed: number, path: string, oe: string): string {
  return createHash('sha256').update(`${seed}|${path}|${oe}`).digest('hex').slice(0, 32);
}

/** Signs a stored CDN URL for handing out now: the same file, valid for a day from the emulator's clock. */
export function signCdnUrl(state: EmulatorState, url: string | undefined): string | undefined {
  if (!url) return url;
  const u = new URL(url);
  const oe = Math.floor((state.now() + CDN_URL_LIFETIME_MS) / 1000).toString(16).toUpperCase();
  u.search = '';
  u.searchParams.set('_nc_cat', '1');
  u.searchParams.set('oh', `00_${hashOf(state.world.seed, u.hostname + u.pathname, oe)}`);
  u.searchParams.set('oe', oe);
  return u.toString();
}

export interface CdnResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function text(status: number, message: string): CdnResponse {
  return { status, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from(message) };
}

/** A few drawn pictures, each a real JPEG of Instagram's 4:5 feed shape; a file name always maps to the same one. */
const PALETTE = ['#c8553d', '#588b8b', '#f2d0a4', '#2d3047', '#93b7be', '#e0a458', '#6a4c93', '#8ac926'];
const drawn = new Map<number, Promise<Buffer>>();
function picture(variant: number): Promise<Buffer> {
  let bytes = drawn.get(variant);
  if (!bytes) {
    const bg = PALETTE[variant % PALETTE.length]!;
    const fg = PALETTE[(variant + 3) % PALETTE.length]!;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="800"><rect width="640" height="800" fill="${bg}"/>
      <circle cx="${200 + variant * 30}" cy="360" r="190" fill="${fg}"/><rect x="80" y="620" width="480" height="60" rx="30" fill="#ffffff" opacity="0.7"/></svg>`;
    bytes = sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
    drawn.set(variant, bytes);
  }
  return bytes;
}

/** Serves `/cdn/{host}/{path}?oh=…&oe=…`. */
export async function serveCdn(state: EmulatorState, pathname: string, query: URLSearchParams): Promise<CdnResponse> {
  const rest = pathname.slice('/cdn/'.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return text(404, 'Not Found');
  const hostPath = rest.slice(0, slash) + rest.slice(slash);
  const oe = query.get('oe') ?? '';
  if (query.get('oh') !== `00_${hashOf(state.world.seed, hostPath, oe)}`) return text(403, 'Bad URL hash');
  if (Number.parseInt(oe, 16) * 1000 < state.now()) return text(403, 'URL signature expired');
  if (!/\.(jpg|jpeg)$/i.test(hostPath)) return text(404, 'Not Found');
  const variant = createHash('sha256').update(hostPath).digest()[0]! % PALETTE.length;
  const body = await picture(variant);
  return { status: 200, headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'max-age=1209600, no-transform' }, body };
}
