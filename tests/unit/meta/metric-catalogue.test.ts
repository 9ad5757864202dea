import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_METRICS,
  RETIRED_METRICS,
  accountInsightRequests,
  accountInsightWindows,
  demographicsParams,
  isRetiredMetric,
  metricsFor,
  pageMetricsFor,
  retiredMetricInfo,
} from '../../../src-main/meta/metric-catalogue';

describe('media metrics', () => {
  it('lists current metrics per product type and login flavour', () => {
    expect(metricsFor('FEED', 'IMAGE', { login: 'instagram' })).toEqual(['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'reposts']);
    expect(metricsFor('FEED', 'CAROUSEL_ALBUM', { login: 'instagram' })).toContain('views');
    expect(metricsFor('REELS', 'VIDEO', { login: 'instagram' })).toEqual(expect.arrayContaining(['ig_reels_avg_watch_time', 'ig_reels_video_view_total_time']));
    expect(metricsFor('REELS', 'VIDEO', { login: 'instagram' })).not.toContain('profile_visits');
    expect(metricsFor('REELS', 'VIDEO', { includeUnverified: true })).toContain('reels_skip_rate');
    expect(metricsFor('STORY', 'IMAGE')).toContain('navigation');
    expect(metricsFor('STORY', 'IMAGE', { login: 'instagram' })).toEqual([]);
    expect(metricsFor('FEED', 'IMAGE')).toEqual(expect.arrayContaining(['total_likes', 'total_comments', 'total_views']));
    expect(metricsFor('AD', 'IMAGE')).toEqual([]);
  });

  it('never lists a retired metric and drops metrics rejected at run time', () => {
    for (const product of ['FEED', 'REELS', 'STORY']) {
      for (const m of metricsFor(product, 'VIDEO', { includeUnverified: true })) expect(isRetiredMetric(m, 'ig-media')).toBe(false);
    }
    const list = metricsFor('REELS', 'VIDEO', { retired: new Set(['reposts', 'views']) });
    expect(list).not.toContain('reposts');
    expect(list).not.toContain('views');
  });

  it('records retirement dates and replacements', () => {
    expect(retiredMetricInfo('plays', 'ig-media')).toMatchObject({ retiredOn: '2025-04-21', replacement: 'views' });
    expect(retiredMetricInfo('video_views', 'ig-media')?.retiredOn).toBe('2025-01-08');
    expect(retiredMetricInfo('page_fans', 'page')).toMatchObject({ retiredOn: '2025-11-15', replacement: 'page_follows' });
    expect(isRetiredMetric('page_impressions_organic_unique', 'page')).toBe(true);
    expect(isRetiredMetric('page_engaged_users', 'page', Date.UTC(2024, 0, 1))).toBe(false);
    expect(isRetiredMetric('page_engaged_users', 'page', Date.UTC(2024, 5, 1))).toBe(true);
    expect(RETIRED_METRICS.length).toBeGreaterThan(30);
  });
});

describe('account metrics', () => {
  it('groups metrics by metric_type and period; follower_count never gets total_value', () => {
    const groups = accountInsightRequests();
    const byType = Object.fromEntries(groups.map((g) => [`${g.metric_type}/${g.period}`, g.metric]));
    expect(byType['time_series/day']).toEqual(['follower_count']);
    expect(byType['total_value/day']).toEqual(expect.arrayContaining(['reach', 'views', 'accounts_engaged', 'profile_links_taps']));
    expect(byType['time_series/lifetime']).toEqual(['online_followers']);
    expect(ACCOUNT_METRICS.follower_count?.metricType).toBe('time_series');
    expect(accountInsightRequests(['impressions', 'website_clicks', 'views'])).toEqual([{ metric: ['views'], metric_type: 'total_value', period: 'day' }]);
  });

  it('builds demographics parameters', () => {
    expect(demographicsParams('follower_demographics', ['age', 'gender'])).toEqual({
      metric: 'follower_demographics',
      period: 'lifetime',
      metric_type: 'total_value',
      breakdown: 'age,gender',
      timeframe: 'this_month',
    });
  });
});

describe('Page metrics', () => {
  it('uses post-2025-11-15 names only', () => {
    const page = pageMetricsFor('page');
    expect(page).toContain('page_media_view');
    expect(page).toContain('page_total_media_view_unique');
    expect(page.some((m) => m.startsWith('page_impressions') || m.startsWith('page_fans'))).toBe(false);
    expect(pageMetricsFor('page-post')).toEqual(['post_media_view', 'post_total_media_view_unique', 'post_clicks', 'post_reactions_by_type_total']);
    expect(pageMetricsFor('page', new Set(['page_video_views']))).not.toContain('page_video_views');
  });
});

describe('insight windows', () => {
  const day = 86_400_000;
  const start = Date.UTC(2026, 0, 1);

  it('splits Instagram ranges into ≤ 30-day windows that cover the range', () => {
    const windows = accountInsightWindows(start, start + 75 * day);
    expect(windows.map((w) => (w.until - w.since) / 86_400)).toEqual([30, 30, 15]);
    expect(windows[0]!.sinceMs).toBe(start);
    expect(windows.at(-1)!.untilMs).toBe(start + 75 * day);
    for (let i = 1; i < windows.length; i++) expect(windows[i]!.since).toBe(windows[i - 1]!.until);
  });

  it('allows 90-day windows for Pages and returns nothing for empty ranges', () => {
    expect(accountInsightWindows(start, start + 200 * day, { target: 'page' }).map((w) => (w.until - w.since) / 86_400)).toEqual([90, 90, 20]);
    expect(accountInsightWindows(start, start)).toEqual([]);
  });
});
