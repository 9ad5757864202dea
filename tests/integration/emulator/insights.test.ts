import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator/server';
import type { Media } from '../../../src-main/emulator/world/types';
import { call, errorOf, NOW, start, u } from './helpers';

let emu: RunningEmulator;
let igId: string;
let pageId: string;
let feed: Media;
let reel: Media;
const DAY_S = 86_400;
const nowS = Math.floor(NOW / 1000);

beforeAll(async () => {
  emu = await start('demo');
  igId = emu.world.igAccounts[0]!.id;
  pageId = emu.world.pages[0]!.id;
  const media = emu.world.igAccounts[0]!.mediaIds.map((id) => emu.world.media[id]!);
  feed = media.find((m) => m.productType === 'FEED' && m.mediaType === 'IMAGE')!;
  reel = media.find((m) => m.productType === 'REELS')!;
});
afterAll(() => emu.stop());

const get = (path: string, params: Record<string, string | number>) => call(u(emu.url, path, { access_token: emu.tokens.systemUser, ...params }));

type Insights = { data: Array<{ name: string; period: string; values?: Array<{ value: unknown; end_time?: string }>; total_value?: { value?: number; breakdowns?: Array<{ dimension_keys: string[]; results: Array<{ dimension_values: string[]; value: number }> }> } }> };

describe('media insights', () => {
  it('fails the whole call when one metric is retired, naming its index', async () => {
    const r = await get(`/v25.0/${feed.id}/insights`, { metric: 'reach,impressions' });
    expect(r.status).toBe(400);
    const e = errorOf(r.body);
    expect(e.code).toBe(100);
    expect(e.message).toMatch(/^\(#100\) metric\[1\] must be one of the following values: /);
    for (const retired of ['plays', 'clips_replays_count', 'ig_reels_aggregated_all_plays_count', 'video_views', 'engagement', 'carousel_album_impressions', 'taps_forward', 'exits']) {
      const rr = await get(`/v25.0/${reel.id}/insights`, { metric: `views,${retired}` });
      expect(errorOf(rr.body).code).toBe(100);
    }
  });

  it('returns the valid set with lifetime values', async () => {
    const r = await call<Insights>(u(emu.url, `/v25.0/${feed.id}/insights`, { metric: 'views,reach,likes,comments,saved,shares,total_interactions,follows,profile_visits,profile_activity,reposts', access_token: emu.tokens.systemUser }));
    expect(r.status).toBe(200);
    expect(r.body.data.map((d) => d.name)).toEqual(['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'reposts']);
    expect(r.body.data.every((d) => d.period === 'lifetime' && typeof d.values?.[0]?.value === 'number')).toBe(true);
    const reelR = await call<Insights>(u(emu.url, `/v25.0/${reel.id}/insights`, { metric: 'views,reach,ig_reels_avg_watch_time,ig_reels_video_view_total_time', access_token: emu.tokens.systemUser }));
    expect(reelR.status).toBe(200);
  });

  it('rejects a current metric on the wrong product type (profile_visits on REELS)', async () => {
    const r = await get(`/v25.0/${reel.id}/insights`, { metric: 'views,profile_visits' });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).message).toBe('(#100) The Media Insights API does not support the profile_visits metric for this media product type.');
  });

  it('fails a media listing whose insights expansion names a retired metric', async () => {
    const r = await get(`/v25.0/${igId}/media`, { fields: 'id,insights.metric(impressions)', limit: 2 });
    expect(errorOf(r.body).code).toBe(100);
  });
});

describe('account insights', () => {
  it('rejects a 31-day window and accepts 30 days', async () => {
    const bad = await get(`/v25.0/${igId}/insights`, { metric: 'reach', period: 'day', since: nowS - 31 * DAY_S, until: nowS });
    expect(errorOf(bad.body).message).toBe('(#100) There cannot be more than 30 days (2592000 s) between since and until');
    const ok = await call<Insights>(u(emu.url, `/v25.0/${igId}/insights`, { metric: 'reach', period: 'day', since: nowS - 30 * DAY_S, until: nowS, access_token: emu.tokens.systemUser }));
    expect(ok.status).toBe(200);
    expect(ok.body.data[0]!.values!.length).toBeGreaterThanOrEqual(29);
    expect(ok.body.data[0]!.values![0]!.end_time).toMatch(/^\d{4}-\d\d-\d\dT07:00:00\+0000$/);
  });

  it('requires metric_type=total_value for views and rejects it for follower_count', async () => {
    const r = await get(`/v25.0/${igId}/insights`, { metric: 'views', period: 'day' });
    expect(errorOf(r.body).message).toContain('The following metrics (views) should be specified with parameter metric_type=total_value');
    const fc = await get(`/v25.0/${igId}/insights`, { metric: 'follower_count', period: 'day', metric_type: 'total_value' });
    expect(errorOf(fc.body).code).toBe(100);
    const retired = await get(`/v25.0/${igId}/insights`, { metric: 'impressions', period: 'day' });
    expect(errorOf(retired.body).message).toMatch(/metric\[0\] must be one of/);
    const website = await get(`/v25.0/${igId}/insights`, { metric: 'reach,website_clicks', period: 'day' });
    expect(errorOf(website.body).message).toMatch(/metric\[1\] must be one of/);
  });

  it('returns total_value with breakdowns whose results sum to the total', async () => {
    const r = await call<Insights>(u(emu.url, `/v25.0/${igId}/insights`, { metric: 'views,total_interactions', period: 'day', metric_type: 'total_value', breakdown: 'media_product_type', since: nowS - 7 * DAY_S, until: nowS, access_token: emu.tokens.systemUser }));
    expect(r.status).toBe(200);
    for (const d of r.body.data) {
      const tv = d.total_value!;
      expect(tv.breakdowns![0]!.dimension_keys).toEqual(['media_product_type']);
      const sum = tv.breakdowns![0]!.results.reduce((s, x) => s + x.value, 0);
      expect(Math.abs(sum - tv.value!)).toBeLessThanOrEqual(4);
    }
  });

  it('serves demographics only as lifetime/total_value with a breakdown, top 45', async () => {
    const r = await call<Insights>(u(emu.url, `/v25.0/${igId}/insights`, { metric: 'follower_demographics', period: 'lifetime', metric_type: 'total_value', breakdown: 'city', timeframe: 'this_month', access_token: emu.tokens.systemUser }));
    expect(r.status).toBe(200);
    const results = r.body.data[0]!.total_value!.breakdowns![0]!.results;
    expect(results.length).toBe(45);
    expect(results.reduce((s, x) => s + x.value, 0)).toBeLessThan(emu.world.igAccounts[0]!.followersStart * 3);
    const noBreakdown = await get(`/v25.0/${igId}/insights`, { metric: 'engaged_audience_demographics', period: 'lifetime', metric_type: 'total_value', timeframe: 'this_week' });
    expect(errorOf(noBreakdown.body).code).toBe(100);
    const oldTimeframe = await get(`/v25.0/${igId}/insights`, { metric: 'engaged_audience_demographics', period: 'lifetime', metric_type: 'total_value', breakdown: 'age', timeframe: 'last_30_days' });
    expect(errorOf(oldTimeframe.body).code).toBe(100);
  });
});

describe('Page and post insights', () => {
  it('serves current Page metrics and rejects retired ones', async () => {
    const pageToken = emu.tokens.pages[pageId]!;
    const ok = await call<Insights>(u(emu.url, `/v25.0/${pageId}/insights`, { metric: 'page_media_view,page_follows,page_post_engagements,page_views_total,page_daily_follows_unique', period: 'day', access_token: pageToken }));
    expect(ok.status).toBe(200);
    expect(ok.body.data.map((d) => d.name)).toContain('page_media_view');
    for (const retired of ['page_impressions', 'page_fans', 'page_engaged_users', 'page_impressions_unique']) {
      const r = await call(u(emu.url, `/v25.0/${pageId}/insights`, { metric: `page_media_view,${retired}`, access_token: pageToken }));
      expect(errorOf(r.body).message).toBe('(#100) The value must be a valid insights metric');
    }
    const tooLong = await call(u(emu.url, `/v25.0/${pageId}/insights`, { metric: 'page_media_view', period: 'day', since: nowS - 91 * DAY_S, until: nowS, access_token: pageToken }));
    expect(errorOf(tooLong.body).code).toBe(100);
    const userToken = await call(u(emu.url, `/v25.0/${pageId}/insights`, { metric: 'page_media_view', access_token: emu.tokens.user }));
    expect(errorOf(userToken.body).code).toBe(190);
  });

  it('serves post insights', async () => {
    const post = emu.world.pages[0]!.postIds[3]!;
    const r = await call<Insights>(u(emu.url, `/v25.0/${post}/insights`, { metric: 'post_media_view,post_total_media_view_unique,post_clicks,post_reactions_by_type_total', access_token: emu.tokens.pages[pageId]! }));
    expect(r.status).toBe(200);
    expect(typeof r.body.data[3]!.values![0]!.value).toBe('object');
    const retired = await call(u(emu.url, `/v25.0/${post}/insights`, { metric: 'post_impressions', access_token: emu.tokens.pages[pageId]! }));
    expect(errorOf(retired.body).code).toBe(100);
  });
});

describe('stories', () => {
  it('lists live stories and serves story insights with the navigation breakdown', async () => {
    const list = await call<{ data: Array<{ id: string; media_product_type: string; timestamp: string }> }>(
      u(emu.url, `/v25.0/${igId}/stories`, { fields: 'id,media_product_type,timestamp', access_token: emu.tokens.systemUser }),
    );
    expect(list.status).toBe(200);
    const stories = [...list.body.data];
    for (const other of emu.world.igAccounts.slice(1)) {
      const r = await call<{ data: Array<{ id: string; media_product_type: string; timestamp: string }> }>(u(emu.url, `/v25.0/${other.id}/stories`, { fields: 'id,media_product_type,timestamp', access_token: emu.tokens.systemUser }));
      stories.push(...r.body.data);
    }
    expect(stories.length).toBeGreaterThan(0);
    for (const s of stories) {
      expect(s.media_product_type).toBe('STORY');
      expect(NOW - Date.parse(s.timestamp.replace('+0000', 'Z'))).toBeLessThanOrEqual(24 * 3_600_000);
    }
    const nav = await call<Insights>(u(emu.url, `/v25.0/${stories[0]!.id}/insights`, { metric: 'navigation', breakdown: 'story_navigation_action_type', access_token: emu.tokens.systemUser }));
    expect(nav.status).toBe(200);
    const entry = nav.body.data[0]!;
    expect(entry.total_value!.breakdowns![0]!.dimension_keys).toEqual(['story_navigation_action_type']);
    expect(entry.total_value!.breakdowns![0]!.results.reduce((s, x) => s + x.value, 0)).toBe(entry.total_value!.value);
    const wrong = await get(`/v25.0/${stories[0]!.id}/insights`, { metric: 'saved' });
    expect(errorOf(wrong.body).message).toContain('does not support the saved metric');
  });
});
