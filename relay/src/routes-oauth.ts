/**
 * Token exchanges that need the app secret, for paired devices only. Tokens pass straight
 * through: nothing is stored and the logs carry only status codes.
 * - Facebook: short-lived → long-lived user token, `GET /oauth/access_token?grant_type=fb_exchange_token`
 *   https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived
 * - Instagram: code → short-lived (`POST api.instagram.com/oauth/access_token`) → long-lived
 *   (`GET graph.instagram.com/access_token?grant_type=ig_exchange_token`); refresh with
 *   `ig_refresh_token`. https://developers.facebook.com/docs/instagram-platform/reference/access_token
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { RelayDeps, RelayEnv, RelayLimits } from './context';
import { requireDevice } from './routes-devices';

const FacebookBody = z.object({ accessToken: z.string().min(10).max(4096) });
const InstagramBody = z.union([
  z.object({ code: z.string().min(4).max(4096), redirectUri: z.url() }),
  z.object({ refreshToken: z.string().min(10).max(4096) }),
]);

interface Upstream {
  status: number;
  body: unknown;
}

async function call(deps: RelayDeps, url: string, init?: RequestInit): Promise<Upstream> {
  const response = await deps.fetch(url, { ...init, signal: AbortSignal.timeout(deps.config.requestTimeoutMs) });
  const body = (await response.json().catch(() => ({ error: { message: `Meta answered HTTP ${response.status} without JSON` } }))) as unknown;
  return { status: response.status, body };
}

function relay(c: Context, deps: RelayDeps, route: string, upstream: Upstream) {
  deps.log(upstream.status === 200 ? 'info' : 'warn', 'token exchange answered', { route, status: upstream.status });
  return c.json(upstream.body as object, upstream.status as 200);
}

export function oauthRoutes(app: Hono<RelayEnv>, deps: RelayDeps, limits: RelayLimits): void {
  const { config } = deps;
  const guard = requireDevice(deps);
  const notConfigured = (c: Context) => c.json({ error: 'the relay has no Meta app id/secret configured (META_APP_ID, META_APP_SECRET)' }, 503);

  app.post('/v1/oauth/facebook/exchange', guard, async (c) => {
    const wait = limits.oauth.hit(c.get('device').id);
    if (wait) return c.json({ error: 'too many requests' }, 429);
    const parsed = FacebookBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'bad request: expected {accessToken}' }, 400);
    if (!config.metaAppId || !config.appSecrets[0]) return notConfigured(c);
    const url = new URL(`${config.graphBaseUrl}/${config.graphVersion}/oauth/access_token`);
    url.search = new URLSearchParams({ grant_type: 'fb_exchange_token', client_id: config.metaAppId, client_secret: config.appSecrets[0], fb_exchange_token: parsed.data.accessToken }).toString();
    return relay(c, deps, 'POST /v1/oauth/facebook/exchange', await call(deps, url.toString()));
  });

  app.post('/v1/oauth/instagram/exchange', guard, async (c) => {
    const wait = limits.oauth.hit(c.get('device').id);
    if (wait) return c.json({ error: 'too many requests' }, 429);
    const parsed = InstagramBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'bad request: expected {code, redirectUri} or {refreshToken}' }, 400);
    if (!config.instagramAppId || !config.instagramAppSecret) return notConfigured(c);
    const route = 'POST /v1/oauth/instagram/exchange';
    if ('refreshToken' in parsed.data) {
      const url = new URL(`${config.instagramGraphBaseUrl}/refresh_access_token`);
      url.search = new URLSearchParams({ grant_type: 'ig_refresh_token', access_token: parsed.data.refreshToken }).toString();
      return relay(c, deps, route, await call(deps, url.toString()));
    }
    const form = new URLSearchParams({
      client_id: config.instagramAppId,
      client_secret: config.instagramAppSecret,
      grant_type: 'authorization_code',
      redirect_uri: parsed.data.redirectUri,
      // Instagram appends `#_` to the code in the redirect; it is not part of the code.
      code: parsed.data.code.replace(/#_$/, ''),
    });
    const short = await call(deps, config.instagramTokenUrl, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    if (short.status !== 200) return relay(c, deps, route, short);
    // Both shapes are seen: {data:[{access_token,user_id,permissions}]} and the flat one.
    const record = short.body as { data?: Array<Record<string, unknown>> } & Record<string, unknown>;
    const first = Array.isArray(record.data) ? (record.data[0] ?? {}) : record;
    const shortToken = typeof first.access_token === 'string' ? first.access_token : null;
    if (!shortToken) return relay(c, deps, route, { status: 502, body: { error: { message: 'Instagram answered the code exchange without an access_token' } } });
    const url = new URL(`${config.instagramGraphBaseUrl}/access_token`);
    url.search = new URLSearchParams({ grant_type: 'ig_exchange_token', client_secret: config.instagramAppSecret, access_token: shortToken }).toString();
    const long = await call(deps, url.toString());
    if (long.status !== 200) return relay(c, deps, route, long);
    return relay(c, deps, route, { status: 200, body: { ...(long.body as object), user_id: first.user_id ?? null, permissions: first.permissions ?? null } });
  });
}
