/** Generation of IG media and Facebook Page posts (shared by createWorld and advance). */
import { makeCaption, makePostMessage } from './corpus-captions';
import { fansAt, followersAt } from './growth';
import { igObjectId, numericId, shortcode } from './ids';
import type { Rng } from './prng';
import { DAY_MS, ENGAGEMENT_HOUR_FACTOR, ENGAGEMENT_WEEKDAY_FACTOR, HOUR_MS, POSTING_HOUR_WEIGHTS } from './time';
import type { ChildMedia, IgAccount, Media, MediaProductType, MediaType, Page, PagePost } from './types';

const HOURS = POSTING_HOUR_WEIGHTS.map((_, i) => i);

/** A posting instant on the UTC day starting at `dayStart`, clustered at realistic hours. */
export function postingTimeOnDay(rng: Rng, dayStart: number): number {
  const hour = rng.weighted(HOURS, POSTING_HOUR_WEIGHTS);
  return dayStart + hour * HOUR_MS + rng.int(0, 59) * 60_000 + rng.int(0, 59) * 1000;
}

/** `count` posting times in [start, end), newest first; slightly denser recently (brands grow). */
export function historyTimes(rng: Rng, start: number, end: number, count: number): number[] {
  const days = Math.max(1, Math.floor((end - start) / DAY_MS));
  const firstDay = Math.floor(start / DAY_MS) * DAY_MS;
  const out: number[] = [];
  while (out.length < count) {
    // sqrt skews days towards the end of the range.
    const d = Math.floor(Math.sqrt(rng.float()) * days);
    const t = postingTimeOnDay(rng, firstDay + d * DAY_MS);
    if (t >= start && t < end) out.push(t);
  }
  return out.sort((a, b) => b - a);
}

/** Engagement multiplier: luck (log-normal) times the hour/weekday signal. */
export function popularityFor(rng: Rng, t: number, sigma: number): number {
  const d = new Date(t);
  const hourF = ENGAGEMENT_HOUR_FACTOR[d.getUTCHours()] ?? 1;
  const dayF = ENGAGEMENT_WEEKDAY_FACTOR[d.getUTCDay()] ?? 1;
  return rng.logNormal(sigma) * hourF * dayF;
}

const KINDS: ReadonlyArray<readonly [MediaType, MediaProductType]> = [
  ['IMAGE', 'FEED'], ['CAROUSEL_ALBUM', 'FEED'], ['VIDEO', 'FEED'], ['VIDEO', 'REELS'],
];
const KIND_WEIGHTS = [38, 24, 6, 32];
const CDN = 'https://scontent.cdninstagram.com';

/** One IG media object posted at `t` by `account`. */
export function makeMedia(rng: Rng, account: IgAccount, t: number): Media {
  const [mediaType, productType] = rng.weighted(KINDS, KIND_WEIGHTS);
  const id = igObjectId(rng);
  const code = shortcode(rng);
  const isVideo = mediaType === 'VIDEO';
  const children: ChildMedia[] = [];
  if (mediaType === 'CAROUSEL_ALBUM') {
    const n = rng.int(2, 10);
    for (let i = 0; i < n; i++) {
      const childId = igObjectId(rng);
      const video = rng.chance(0.12);
      children.push({
        id: childId,
        mediaType: video ? 'VIDEO' : 'IMAGE',
        mediaUrl: video ? `${CDN}/o1/v/t16/f2/m86/${childId}.mp4` : `${CDN}/v/t51.29350-15/${childId}_n.jpg`,
      });
    }
  }
  const media: Media = {
    id,
    ownerId: account.id,
    mediaType,
    productType,
    caption: makeCaption(rng, account.niche),
    timestamp: t,
    shortcode: code,
    permalink: `https://www.instagram.com/${productType === 'REELS' ? 'reel' : 'p'}/${code}/`,
    mediaUrl: isVideo ? `${CDN}/o1/v/t16/f2/m86/${id}.mp4` : `${CDN}/v/t51.29350-15/${id}_n.jpg`,
    children,
    isCommentEnabled: !rng.chance(0.02),
    popularity: popularityFor(rng, t, productType === 'REELS' ? 0.75 : 0.5),
    followersAtPost: Math.round(followersAt(account, t)),
    commentIds: [],
  };
  if (isVideo) media.thumbnailUrl = `${CDN}/v/t51.29350-15/${id}_thumb_n.jpg`;
  return media;
}

const STATUS_TYPES: ReadonlyArray<PagePost['statusType']> = ['added_photos', 'added_video', 'mobile_status_update', 'shared_story'];

/** One Facebook Page post created at `t`. */
export function makePagePost(rng: Rng, page: Page, t: number): PagePost {
  const num = numericId(rng, 15);
  const statusType = rng.weighted(STATUS_TYPES, [55, 12, 25, 8]);
  const post: PagePost = {
    id: `${page.id}_${num}`,
    pageId: page.id,
    message: makePostMessage(rng, page.niche),
    createdTime: t,
    statusType,
    permalinkUrl: `https://www.facebook.com/${page.id}/posts/${num}`,
    popularity: popularityFor(rng, t, 0.5),
    fansAtPost: Math.round(fansAt(page, t)),
    commentIds: [],
  };
  if (statusType === 'added_photos' || statusType === 'added_video') {
    post.fullPicture = `https://scontent.xx.fbcdn.net/v/t39.30808-6/${numericId(rng, 9)}_${num}_n.jpg`;
  }
  return post;
}
