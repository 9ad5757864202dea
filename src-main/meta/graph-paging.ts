/**
 * Cursor paging helpers. Meta's `paging.next` links are absolute URLs on Meta's own hosts (and carry
 * the access token); when the emulator or a test stands in for Meta they must be followed against
 * the configured base instead, and never sent to a host we don't recognise.
 */
import { z } from 'zod';
import { META_HOSTS, type GraphConfig } from './config';
import { MalformedResponseError } from './errors';
import { redactUrl, safeExcerpt } from './redact';

/** Which Graph host a request targets. */
export type GraphHost = 'facebook' | 'instagram';

/** `paging` object of a Graph edge response. */
export const pagingSchema = z.looseObject({
  cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
  next: z.string().optional(),
  previous: z.string().optional(),
});

/** Envelope of a Graph edge page: `{ data: [...], paging?: {...} }`. */
export const pageEnvelopeSchema = z.looseObject({
  data: z.array(z.unknown()),
  paging: pagingSchema.optional(),
});

/** One page of an edge. */
export interface GraphPage<T> {
  data: T[];
  paging?: z.infer<typeof pagingSchema>;
  /** The whole response body (edges sometimes add `summary` and similar siblings). */
  raw: Record<string, unknown>;
}

function startsWithBase(url: string, base: string): boolean {
  if (!url.startsWith(base)) return false;
  const rest = url.charAt(base.length);
  return rest === '' || rest === '/' || rest === '?';
}

/**
 * Maps a `paging.next` URL onto the configured base URL, keeping path and query but dropping any
 * `access_token` (the client adds its own). Throws `MalformedResponseError` for unknown hosts so a
 * token is never sent somewhere unexpected.
 */
export function rebaseNextUrl(next: string, config: GraphConfig, fallbackHost: GraphHost): { url: URL; host: GraphHost } {
  let parsed: URL;
  try {
    parsed = new URL(next, fallbackHost === 'instagram' ? config.instagramBaseUrl : config.facebookBaseUrl);
  } catch {
    throw new MalformedResponseError('paging.next is not a valid URL', 200, safeExcerpt(next));
  }
  const href = parsed.toString();
  // Longest base first: the emulator's Instagram base is the Facebook base plus `/ig`.
  const configured: [GraphHost, string][] = (
    [
      ['facebook', config.facebookBaseUrl],
      ['instagram', config.instagramBaseUrl],
    ] as [GraphHost, string][]
  ).sort((a, b) => b[1].length - a[1].length);

  let result: { url: URL; host: GraphHost } | undefined;
  for (const [host, base] of configured) {
    if (startsWithBase(href, base)) {
      result = { url: parsed, host };
      break;
    }
  }
  if (!result) {
    const origin = parsed.origin;
    const host: GraphHost | undefined =
      origin === META_HOSTS.facebook ? 'facebook' : origin === META_HOSTS.instagram ? 'instagram' : undefined;
    if (!host) {
      throw new MalformedResponseError(
        `paging.next points at an unexpected host: ${redactUrl(origin)}`,
        200,
        safeExcerpt(redactUrl(`${origin}${parsed.pathname}`)),
        false,
      );
    }
    const base = host === 'instagram' ? config.instagramBaseUrl : config.facebookBaseUrl;
    result = { url: new URL(`${base}${parsed.pathname}${parsed.search}`), host };
  }
  result.url.searchParams.delete('access_token');
  result.url.hash = '';
  return result;
}

/** Stable identity of a page request, used to detect a cursor that loops back on itself. */
export function pageIdentity(url: URL): string {
  const copy = new URL(url.toString());
  copy.searchParams.delete('access_token');
  copy.searchParams.sort();
  return copy.toString();
}
