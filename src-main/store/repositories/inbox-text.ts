import type { AttachmentKind, TextRun } from '../../../src-preload/contract';

/**
 * Characters that draw nothing: zero-width space/joiners, word joiner, BOM, soft hyphen, the
 * bidi controls, Hangul fillers and the like. A name made only of these would render blank.
 */
const INVISIBLE = /[\s\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]/gu;
/** Combining marks (variation selectors, the grapheme joiner…) draw nothing without a base letter. */
const MARKS = /\p{M}/gu;

export function isBlank(text: string | null | undefined): boolean {
  return !text || text.replace(INVISIBLE, '').replace(MARKS, '').length === 0;
}

/** The person's name, else their handle, else their Meta id: never blank, never invisible. */
export function readableName(name: string | null, username: string | null, externalId: string | null): string {
  if (!isBlank(name)) return name as string;
  if (!isBlank(username)) return `@${username as string}`;
  return externalId ? `Person ${externalId}` : 'Unknown person';
}

type RawAttachment = Record<string, unknown>;

/**
 * The kind of one stored attachment, from either shape Meta sends: the Conversations API
 * (`image_data`, `video_data`, `mime_type`, `file_url`; Instagram shares/story as their own keys)
 * or webhook-style `type` (image, video, audio, file, story_mention, ig_reel, reel, share…).
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/conversations-api
 * https://developers.facebook.com/docs/messenger-platform/instagram/features/webhook
 */
export function attachmentKind(raw: unknown): AttachmentKind {
  if (!raw || typeof raw !== 'object') return 'other';
  const a = raw as RawAttachment;
  const type = typeof a.type === 'string' ? a.type : typeof a.kind === 'string' ? a.kind : null;
  switch (type) {
    case 'image':
    case 'sticker':
      return 'image';
    case 'video':
      return 'video';
    case 'audio':
      return 'audio';
    case 'file':
      return 'file';
    case 'story_mention':
      return 'story_mention';
    case 'story_reply':
    case 'ig_story':
      return 'story_reply';
    case 'share':
    case 'shared_post':
    case 'ig_post':
    case 'template':
      return 'shared_post';
    case 'reel':
    case 'ig_reel':
      return 'reel';
    default:
      break;
  }
  if (a.image_data) return 'image';
  if (a.video_data) return 'video';
  const mime = typeof a.mime_type === 'string' ? a.mime_type : '';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (a.file_url || mime) return 'file';
  return 'other';
}

const field = (raw: unknown, key: string): unknown => (raw && typeof raw === 'object' ? (raw as RawAttachment)[key] : undefined);
const sharedMediaId = (raw: unknown): unknown => field(field(raw, 'payload'), 'ig_post_media_id');

/**
 * Since 2025-11-03 Meta sends one shared Instagram post as two attachments, the old `share` and
 * the new `ig_post`, with the same `ig_post_media_id`
 * (https://developers.facebook.com/docs/instagram-platform/webhooks/new): one post, one placeholder.
 */
function withoutDuplicateShares(items: unknown[]): unknown[] {
  const posts = new Set<unknown>(items.filter((a) => field(a, 'type') === 'ig_post').map(sharedMediaId).filter((id) => id !== undefined));
  if (posts.size === 0) return items;
  return items.filter((a) => !(field(a, 'type') === 'share' && posts.has(sharedMediaId(a))));
}

export function attachmentKinds(json: string | null): AttachmentKind[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? withoutDuplicateShares(parsed).map(attachmentKind) : [];
  } catch {
    return ['other'];
  }
}

/** Folds text the way the FTS tokenizer does (unicode61, remove_diacritics 2): lower case, no accents. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query, as the FTS query sees them (see `toFtsQuery`). */
export function queryWords(query: string): string[] {
  return query
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8)
    .map(fold);
}

/**
 * Where the query's words occur in `text`, as [start, end) offsets into `text`: whole words, the
 * last query word also as a prefix, like the FTS query. Offsets, not markers inserted into the
 * text, so a message that itself contains `[brackets]` or any other character is never shown as
 * a match it isn't.
 */
export function matchRanges(text: string, query: string): Array<[number, number]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const last = words[words.length - 1] as string;
  const whole = new Set(words.slice(0, -1));
  const ranges: Array<[number, number]> = [];
  for (const token of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const folded = fold(token[0]);
    if (whole.has(folded) || folded === last || folded.startsWith(last)) ranges.push([token.index, token.index + token[0].length]);
  }
  return ranges;
}

/** Characters of context kept either side of the first match in a search snippet. */
export const SNIPPET_CONTEXT = 60;

/** A window of `text` around its first match, cut into plain and matching runs. */
export function snippetRuns(text: string, query: string): { snippet: string; runs: TextRun[] } {
  const ranges = matchRanges(text, query);
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, first - SNIPPET_CONTEXT);
  const end = Math.min(text.length, (ranges[0]?.[1] ?? 0) + SNIPPET_CONTEXT * 2);
  const runs: TextRun[] = [];
  if (start > 0) runs.push({ text: '…', match: false });
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) runs.push({ text: text.slice(at, from), match: false });
    runs.push({ text: text.slice(from, to), match: true });
    at = to;
  }
  if (end > at) runs.push({ text: text.slice(at, end), match: false });
  if (end < text.length) runs.push({ text: '…', match: false });
  return { snippet: runs.map((r) => r.text).join(''), runs };
}
