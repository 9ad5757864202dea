/**
 * Instagram stories: live for 24 hours, so they are derived on demand from the clock (a seeded
 * set per account and day) instead of being stored; the media count stays the 1,000 posts.
 */
import { followersAt } from './growth';
import { igObjectId } from './ids';
import { popularityFor, postingTimeOnDay } from './media-gen';
import { hashSeed, Rng } from './prng';
import { DAY_MS, HOUR_MS } from './time';
import type { IgAccount, Media, World } from './types';

const CDN = 'https://scontent.cdninstagram.com';

function storiesOfDay(world: World, account: IgAccount, day: number): Media[] {
  const rng = new Rng(hashSeed(world.seed, account.id, 'stories', day));
  const count = rng.weighted([0, 1, 2, 3], [5, 30, 35, 30]);
  const out: Media[] = [];
  for (let i = 0; i < count; i++) {
    const t = postingTimeOnDay(rng, day * DAY_MS);
    const id = igObjectId(rng);
    const video = rng.chance(0.25);
    const story: Media = {
      id,
      ownerId: account.id,
      mediaType: video ? 'VIDEO' : 'IMAGE',
      productType: 'STORY',
      caption: '',
      timestamp: t,
      shortcode: '',
      permalink: `https://instagram.com/stories/${account.username}/${id}/`,
      mediaUrl: video ? `${CDN}/o1/v/t16/f2/m69/${id}.mp4` : `${CDN}/v/t51.29350-15/${id}_story_n.jpg`,
      children: [],
      isCommentEnabled: false,
      popularity: popularityFor(rng, t, 0.35),
      followersAtPost: Math.round(followersAt(account, t)),
      commentIds: [],
    };
    if (video) story.thumbnailUrl = `${CDN}/v/t51.29350-15/${id}_story_thumb_n.jpg`;
    out.push(story);
  }
  return out;
}

/** Stories of an account that are live at the world clock (posted in the last 24 h), newest first. */
export function liveStories(world: World, account: IgAccount): Media[] {
  const now = world.now;
  const today = Math.floor(now / DAY_MS);
  return [...storiesOfDay(world, account, today - 1), ...storiesOfDay(world, account, today)]
    .filter((s) => s.timestamp <= now && s.timestamp > now - 24 * HOUR_MS)
    .sort((a, b) => b.timestamp - a.timestamp);
}

/** A live story by id (expired stories are gone, as on Instagram). */
export function findLiveStory(world: World, id: string): Media | undefined {
  for (const account of world.igAccounts) {
    const hit = liveStories(world, account).find((s) => s.id === id);
    if (hit) return hit;
  }
  return undefined;
}
