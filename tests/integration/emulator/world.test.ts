import { describe, expect, it } from 'vitest';
import { advance, createWorld, metricsAt } from '../../../src-main/emulator/world';
import { NOW } from './helpers';

const HOUR = 3_600_000;

describe('emulator world', () => {
  const demo = createWorld({ scenario: 'demo', now: NOW });

  it('has the demo sizes: 1,000 IG media, ~150 posts, 500 threads, 5,000 messages', () => {
    expect(Object.keys(demo.media)).toHaveLength(1000);
    expect(Object.keys(demo.conversations)).toHaveLength(500);
    expect(Object.keys(demo.messages)).toHaveLength(5000);
    expect(Object.keys(demo.posts).length).toBeGreaterThanOrEqual(140);
    expect(demo.igAccounts).toHaveLength(2);
    expect(demo.pages).toHaveLength(2);
    expect(Object.keys(demo.comments).length).toBeGreaterThan(2000);
  });

  it('is deterministic for the same seed and clock, and differs for another seed', () => {
    const again = createWorld({ scenario: 'demo', now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = createWorld({ scenario: 'demo', now: NOW, seed: 7 });
    expect(Object.keys(other.media)[0]).not.toBe(Object.keys(demo.media)[0]);
  });

  it('spreads media over two years with mixed types, hashtags and clustered hours', () => {
    const media = Object.values(demo.media);
    const times = media.map((m) => m.timestamp);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 731 * 24 * HOUR);
    expect(Math.max(...times)).toBeLessThan(NOW);
    const kinds = new Set(media.map((m) => `${m.mediaType}/${m.productType}`));
    expect(kinds).toEqual(new Set(['IMAGE/FEED', 'CAROUSEL_ALBUM/FEED', 'VIDEO/FEED', 'VIDEO/REELS']));
    expect(media.every((m) => /#\w+/.test(m.caption))).toBe(true);
    const byHour = new Array<number>(24).fill(0);
    for (const t of times) byHour[new Date(t).getUTCHours()]! += 1;
    // Posting clusters: the busiest hour has several times the posts of the quietest ones.
    expect(Math.max(...byHour)).toBeGreaterThan(5 * Math.min(...byHour.slice(1, 5)) + 20);
  });

  it('has commenters who comment often and threads with more than 20 messages', () => {
    const counts = new Map<string, number>();
    for (const c of Object.values(demo.comments)) if (!c.byOwner) counts.set(c.username, (counts.get(c.username) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThan(30);
    const long = Object.values(demo.conversations).filter((c) => c.messageIds.length > 20);
    expect(long.length).toBeGreaterThan(10);
    const platforms = new Set(Object.values(demo.conversations).map((c) => c.platform));
    expect(platforms).toEqual(new Set(['instagram', 'messenger']));
    const msgs = Object.values(demo.messages);
    expect(msgs.some((m) => m.unsent)).toBe(true);
    expect(msgs.some((m) => m.attachments.length > 0)).toBe(true);
    expect(msgs.some((m) => m.fromBusiness) && msgs.some((m) => !m.fromBusiness)).toBe(true);
  });

  it('metricsAt grows and saturates with current metric names per media type', () => {
    const reel = Object.values(demo.media).find((m) => m.productType === 'REELS' && NOW - m.timestamp > 30 * 24 * HOUR)!;
    const early = metricsAt(demo, reel.id, reel.timestamp + 2 * HOUR)!;
    const day = metricsAt(demo, reel.id, reel.timestamp + 24 * HOUR)!;
    const late = metricsAt(demo, reel.id, reel.timestamp + 30 * 24 * HOUR)!;
    expect(early.views).toBeLessThan(day.views!);
    expect(day.views).toBeLessThan(late.views!);
    expect(late.views! - metricsAt(demo, reel.id, reel.timestamp + 29 * 24 * HOUR)!.views!).toBeLessThan(late.views! * 0.02);
    expect(Object.keys(late)).toEqual(expect.arrayContaining(['views', 'reach', 'likes', 'saved', 'shares', 'total_interactions', 'reposts', 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time']));
    expect(late).not.toHaveProperty('impressions');
    expect(late).not.toHaveProperty('profile_visits');
    const post = Object.values(demo.media).find((m) => m.productType === 'FEED')!;
    expect(metricsAt(demo, post.id, NOW)).toHaveProperty('profile_visits');
    expect(metricsAt(demo, post.id, post.timestamp - 1)).toBeUndefined();
  });

  it('advance() adds new items after the clock only, independent of step size', () => {
    const a = createWorld({ scenario: 'small', now: NOW });
    const b = createWorld({ scenario: 'small', now: NOW });
    const mediaBefore = Object.keys(a.media).length;
    const messagesBefore = Object.keys(a.messages).length;
    advance(a, NOW + HOUR);
    advance(a, NOW + 26 * HOUR);
    advance(b, NOW + 26 * HOUR);
    b.revision = a.revision;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a.media).length).toBeGreaterThan(mediaBefore);
    expect(Object.keys(a.messages).length).toBeGreaterThan(messagesBefore);
    const fresh = Object.values(a.comments).filter((c) => c.timestamp > NOW);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((c) => c.timestamp <= NOW + 26 * HOUR)).toBe(true);
    expect(a.now).toBe(NOW + 26 * HOUR);
  });
});
