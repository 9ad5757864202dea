/**
 * Metrics Meta has retired, with dates and replacements (meta-api.md §2.3, §2.4, §3). Requesting any
 * of them fails the whole insights call, so they are never sent; the catalogue filters on this list.
 */

/** Which insights endpoint a metric belongs to. */
export type MetricScope = 'ig-media' | 'ig-account' | 'page' | 'page-post';

/** A retired metric. */
export interface RetiredMetric {
  name: string;
  scope: MetricScope;
  /** Date it stopped working for all versions (YYYY-MM-DD). */
  retiredOn: string;
  replacement?: string;
  note?: string;
}

const r = (scope: MetricScope, retiredOn: string, names: string[], replacement?: string, note?: string): RetiredMetric[] =>
  names.map((name) => ({ name, scope, retiredOn, ...(replacement ? { replacement } : {}), ...(note ? { note } : {}) }));

/** Every retired metric we know of. */
export const RETIRED_METRICS: readonly RetiredMetric[] = [
  // Instagram media
  ...r('ig-media', '2025-04-21', ['impressions', 'plays', 'clips_replays_count', 'ig_reels_aggregated_all_plays_count'], 'views', 'v22 first; v25 rejects plays outright'),
  ...r('ig-media', '2025-01-08', ['video_views'], 'views'),
  ...r('ig-media', '2023-12-11', ['engagement'], 'total_interactions'),
  ...r('ig-media', '2023-12-11', ['carousel_album_engagement', 'carousel_album_impressions', 'carousel_album_reach', 'carousel_album_saved', 'carousel_album_video_views']),
  ...r('ig-media', '2023-12-11', ['taps_forward', 'taps_back', 'exits'], 'navigation', 'use breakdown=story_navigation_action_type'),
  // Instagram account
  ...r('ig-account', '2025-04-21', ['impressions'], 'views'),
  ...r('ig-account', '2025-01-08', ['email_contacts', 'get_directions_clicks', 'phone_call_clicks', 'text_message_clicks', 'website_clicks'], 'profile_links_taps'),
  ...r('ig-account', '2023-12-11', ['audience_city', 'audience_country', 'audience_gender_age', 'audience_locale'], 'follower_demographics'),
  // Facebook Page (families such as page_impressions* are matched by RETIRED_FAMILIES below)
  ...r('page', '2025-11-15', ['page_impressions', 'page_impressions_paid', 'page_impressions_organic'], 'page_media_view', 'paid share via is_from_ads breakdown'),
  ...r('page', '2025-11-15', ['page_impressions_viral', 'page_impressions_nonviral']),
  ...r('page', '2025-11-15', ['page_fans'], 'page_follows'),
  ...r('page', '2025-11-15', ['page_fans_city'], 'page_follows_city'),
  ...r('page', '2025-11-15', ['page_fans_country'], 'page_follows_country'),
  ...r('page', '2025-11-15', ['page_fans_locale', 'page_fan_adds', 'page_fan_adds_unique', 'page_fan_removes', 'page_fan_removes_unique']),
  ...r('page', '2026-06-15', ['page_impressions_unique'], 'page_total_media_view_unique', 'Meta says June 15 2025, airbyte says 2026; invalid either way'),
  ...r('page', '2026-06-15', ['page_posts_impressions', 'page_posts_impressions_unique']),
  ...r('page', '2024-09-16', ['page_views_logged_in_total', 'page_views_logged_in_unique'], 'page_views_total'),
  ...r('page', '2024-03-14', ['page_engaged_users', 'page_consumptions', 'page_consumptions_unique']),
  // Facebook Page posts
  ...r('page-post', '2025-11-15', ['post_impressions', 'post_impressions_paid', 'post_impressions_organic', 'post_impressions_viral', 'post_impressions_nonviral'], 'post_media_view', 'is_from_ads / is_from_followers breakdowns'),
  ...r('page-post', '2026-06-15', ['post_impressions_unique'], 'post_total_media_view_unique'),
  ...r('page-post', '2024-09-16', ['post_engaged_users']),
];

/** A retired family of metric names ("page_impressions*"), with the current names it must not match. */
interface RetiredFamily {
  scope: MetricScope;
  pattern: RegExp;
  retiredOn: string;
  except: readonly string[];
  replacement?: string;
}

// The reference names whole families; listing every variant by hand would miss some.
const RETIRED_FAMILIES: readonly RetiredFamily[] = [
  { scope: 'page', pattern: /^page_impressions/, retiredOn: '2025-11-15', except: [], replacement: 'page_media_view' },
  { scope: 'page', pattern: /^page_posts_impressions/, retiredOn: '2026-06-15', except: [] },
  { scope: 'page', pattern: /^page_views_/, retiredOn: '2024-09-16', except: ['page_views_total'], replacement: 'page_views_total' },
  // "other *_unique" reach metrics: only the named replacements survive.
  { scope: 'page', pattern: /_unique$/, retiredOn: '2026-06-15', except: ['page_total_media_view_unique'] },
  { scope: 'page-post', pattern: /^post_impressions/, retiredOn: '2025-11-15', except: [], replacement: 'post_media_view' },
  { scope: 'page-post', pattern: /_unique$/, retiredOn: '2026-06-15', except: ['post_total_media_view_unique'] },
];

const byScope = new Map<MetricScope, Map<string, RetiredMetric>>();
for (const m of RETIRED_METRICS) {
  const map = byScope.get(m.scope) ?? new Map<string, RetiredMetric>();
  map.set(m.name, m);
  byScope.set(m.scope, map);
}

/** The retirement record for a metric, if it is retired in that scope. */
export function retiredMetricInfo(name: string, scope: MetricScope): RetiredMetric | undefined {
  const exact = byScope.get(scope)?.get(name);
  if (exact) return exact;
  const family = RETIRED_FAMILIES.find((f) => f.scope === scope && f.pattern.test(name) && !f.except.includes(name));
  if (!family) return undefined;
  return { name, scope, retiredOn: family.retiredOn, ...(family.replacement ? { replacement: family.replacement } : {}), note: `matches ${family.pattern.source}` };
}

/** True when Meta has retired `name` for `scope` (optionally: by the given date, epoch ms). */
export function isRetiredMetric(name: string, scope: MetricScope, atMs?: number): boolean {
  const info = retiredMetricInfo(name, scope);
  if (!info) return false;
  return atMs === undefined || Date.parse(`${info.retiredOn}T00:00:00Z`) <= atMs;
}
