/** The deterministic set of tokens a fresh world hands out. */
import { accessToken } from './ids';
import type { Rng } from './prng';
import { DAY_MS, HOUR_MS } from './time';
import type { TokenSpec, World } from './types';

/** Facebook Login (for Business) permissions the app asks for. */
export const FB_SCOPES: readonly string[] = [
  'pages_show_list', 'pages_read_engagement', 'pages_manage_metadata', 'pages_messaging', 'pages_read_user_content',
  'read_insights', 'business_management', 'instagram_basic', 'instagram_manage_insights', 'instagram_manage_comments',
  'instagram_manage_messages', 'public_profile',
];

/** Instagram Login permissions. */
export const IG_SCOPES: readonly string[] = [
  'instagram_business_basic', 'instagram_business_manage_messages', 'instagram_business_manage_comments',
  'instagram_business_manage_insights', 'instagram_business_content_publish',
];

/** Long-lived user/IG tokens last ~60 days; data access 90 days. */
export const LONG_LIVED_MS = 5_183_944_000;
const DATA_ACCESS_MS = 90 * DAY_MS;

/** Builds the world's initial tokens (system user, user, expired user, Pages, IG Login, app). */
export function initialTokens(rng: Rng, world: World, now: number): TokenSpec[] {
  const appId = world.app.id;
  const fb = (kind: TokenSpec['kind'], subjectId: string, expiresAt: number, issuedAt = now - DAY_MS): TokenSpec => ({
    token: accessToken(rng, 'EAA'),
    kind,
    subjectId,
    appId,
    issuedAt,
    expiresAt,
    dataAccessExpiresAt: issuedAt + DATA_ACCESS_MS,
    scopes: [...FB_SCOPES],
    host: 'facebook',
  });
  const tokens: TokenSpec[] = [
    fb('system_user', world.business.systemUserId, 0),
    fb('user', world.user.id, now - DAY_MS + LONG_LIVED_MS),
    // Expired two days ago: exercises the 190/463 path.
    fb('user', world.user.id, now - 2 * DAY_MS, now - 2 * DAY_MS - HOUR_MS),
  ];
  for (const page of world.pages) tokens.push(fb('page', page.id, 0));
  for (const ig of world.igAccounts) {
    tokens.push({
      token: accessToken(rng, 'IGAA'),
      kind: 'ig_user',
      subjectId: ig.id,
      appId: world.app.igAppId,
      issuedAt: now - DAY_MS,
      expiresAt: now - DAY_MS + LONG_LIVED_MS,
      dataAccessExpiresAt: now - DAY_MS + DATA_ACCESS_MS,
      scopes: [...IG_SCOPES],
      host: 'instagram',
    });
  }
  tokens.push({
    token: `${appId}|${world.app.secret}`,
    kind: 'app',
    subjectId: appId,
    appId,
    issuedAt: 0,
    expiresAt: 0,
    dataAccessExpiresAt: 0,
    scopes: [],
    host: 'facebook',
  });
  return tokens;
}
