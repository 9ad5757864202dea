import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resolveGraphConfig } from '../../../src-main/meta/config';
import {
  GraphApiError,
  MalformedResponseError,
  NetworkError,
  RateLimitPausedError,
  RequestAbortedError,
  TimeoutError,
  type MetaApiError,
} from '../../../src-main/meta/errors';
import { GraphClient, type ResponseInfo } from '../../../src-main/meta/graph-client';
import { SECRET_TOKEN, connectionRefused, emulatorConfig, fakeClock, fakeFetch, json } from './helpers';

function client(handler: Parameters<typeof fakeFetch>[0], extra: Partial<ConstructorParameters<typeof GraphClient>[0]> = {}) {
  const f = fakeFetch(handler);
  const clock = fakeClock();
  const c = new GraphClient({ config: emulatorConfig(), fetch: f.fetch, now: clock.now, sleep: clock.sleep, ...extra });
  return { c, calls: f.calls, clock };
}

/** Asserts the token appears nowhere in what an error could expose. */
function expectNoToken(err: unknown) {
  const e = err as MetaApiError & Record<string, unknown>;
  const exposed = [String(e), e.message, e.stack ?? '', JSON.stringify({ ...e }), e.userAction].join('\n');
  expect(exposed).not.toContain(SECRET_TOKEN);
}

/** A fetch that never answers until its signal aborts (like a hung connection). */
const hanging = (req: { signal: AbortSignal | undefined }) =>
  new Promise<Response>((_resolve, reject) => {
    req.signal?.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError')));
  });

describe('GraphClient requests', () => {
  it('sends GETs to the versioned configured host with the token as access_token', async () => {
    const { c, calls } = client(() => json({ id: '1', name: 'Page' }, 200, { 'facebook-api-version': 'v25.0' }));
    const body = await c.get('/1', { token: SECRET_TOKEN, params: { fields: ['id', 'name'] }, schema: z.object({ id: z.string(), name: z.string() }) });
    expect(body).toEqual({ id: '1', name: 'Page' });
    const url = calls[0]!.url;
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:8787/v25.0/1');
    expect(url.searchParams.get('fields')).toBe('id,name');
    expect(url.searchParams.get('access_token')).toBe(SECRET_TOKEN);
    expect(c.servedVersion).toBe('v25.0');
  });

  it('targets the Instagram host (emulator: /ig prefix) and the unversioned token endpoints', async () => {
    const { c, calls } = client(() => json({ access_token: 'x', expires_in: 5183944 }));
    await c.get('me', { host: 'instagram', token: SECRET_TOKEN });
    await c.get('refresh_access_token', { host: 'instagram', versioned: false, token: SECRET_TOKEN });
    expect(calls[0]!.url.pathname).toBe('/ig/v25.0/me');
    expect(calls[1]!.url.pathname).toBe('/ig/refresh_access_token');
  });

  it('can send the token as a Bearer header instead', async () => {
    const { c, calls } = client(() => json({ ok: true }));
    await c.get('me', { token: SECRET_TOKEN, tokenIn: 'header' });
    expect(calls[0]!.url.searchParams.has('access_token')).toBe(false);
    expect(calls[0]!.headers.get('authorization')).toBe(`Bearer ${SECRET_TOKEN}`);
  });

  it('form-encodes POST params (token included) and sends JSON bodies as JSON', async () => {
    const { c, calls } = client(() => json({ success: true }));
    await c.post('123', { token: SECRET_TOKEN, params: { hide: true } });
    const form = new URLSearchParams(calls[0]!.body);
    expect(form.get('hide')).toBe('true');
    expect(form.get('access_token')).toBe(SECRET_TOKEN);
    await c.post('me/messages', { host: 'instagram', token: SECRET_TOKEN, json: { recipient: { id: '9' }, message: { text: 'hi' } } });
    expect(calls[1]!.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(calls[1]!.body)).toEqual({ recipient: { id: '9' }, message: { text: 'hi' } });
  });

  it('records the served version when Meta upgrades a retired one, and reports responses without tokens', async () => {
    const infos: ResponseInfo[] = [];
    const warnings: string[] = [];
    const { c } = client(() => json({}, 200, { 'facebook-api-version': 'v26.0', 'x-app-usage': '{"call_count":12,"total_cputime":3,"total_time":4}' }), {
      onResponse: (i) => infos.push(i),
      logger: { warn: (m) => warnings.push(m) },
    });
    await c.get('me', { token: SECRET_TOKEN });
    await c.get('me', { token: SECRET_TOKEN });
    expect(c.servedVersion).toBe('v26.0');
    expect(warnings).toEqual(['Meta served Graph API v26.0 for requests made with v25.0']);
    expect(infos[0]).toMatchObject({ status: 200, servedVersion: 'v26.0', url: 'http://127.0.0.1:8787/v25.0/me', usage: { maxPercent: 12 } });
    expect(JSON.stringify(infos)).not.toContain(SECRET_TOKEN);
    expect(c.governor.snapshot()).toEqual([{ key: 'app', percent: 12 }]);
  });

  it('rejects responses that do not match the schema', async () => {
    const { c } = client(() => json({ id: 5 }));
    await expect(c.get('x', { schema: z.object({ id: z.string() }) })).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it('counts HTTP requests and operations', async () => {
    const { c } = client(() => json({}));
    await c.get('a');
    await c.get('b');
    expect(c.stats()).toEqual({ httpRequests: 2, operations: 2 });
  });
});

describe('GraphClient failures', () => {
  it('retries transient errors with a short backoff, then succeeds', async () => {
    const { c, calls, clock } = client((_req, i) =>
      i < 2 ? json({ error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1, is_transient: true } }, 500) : json({ id: 'ok' }),
    );
    await expect(c.get('me', { token: SECRET_TOKEN })).resolves.toEqual({ id: 'ok' });
    expect(calls).toHaveLength(3);
    expect(clock.clock.sleeps).toHaveLength(2);
    expect(Math.max(...clock.clock.sleeps)).toBeLessThanOrEqual(2_000);
  });

  it('gives up after the retry budget and does not retry non-idempotent POSTs', async () => {
    const transient = () => json({ error: { message: 'Service temporarily unavailable', code: 2 } }, 503);
    const a = client(transient, { maxTransientRetries: 2 });
    const err = await a.c.get('me').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphApiError);
    expect((err as GraphApiError).kind).toBe('transient');
    expect(a.calls).toHaveLength(3);
    const b = client(transient);
    await expect(b.c.post('me/messages', { json: {} })).rejects.toBeInstanceOf(GraphApiError);
    expect(b.calls).toHaveLength(1);
  });

  it('does not retry auth errors and keeps the token out of the message', async () => {
    const { c, calls } = client((req) =>
      json({ error: { message: `Error validating access token for ${req.url.searchParams.get('access_token')}`, type: 'OAuthException', code: 190, error_subcode: 463 } }, 400),
    );
    const err = await c.get('me', { token: SECRET_TOKEN }).catch((e: unknown) => e);
    expect((err as GraphApiError).kind).toBe('auth-expired');
    expect(calls).toHaveLength(1);
    expectNoToken(err);
  });

  it('pauses a business on BUC rate limits and refuses further calls until Meta’s estimate', async () => {
    const buc = JSON.stringify({ '777': [{ type: 'pages', call_count: 100, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: 10 }] });
    const { c, calls, clock } = client(() =>
      json({ error: { message: '(#80001) There have been too many calls to this Page account.', code: 80001 } }, 400, { 'x-business-use-case-usage': buc }),
    );
    const first = await c.get('777/feed', { token: SECRET_TOKEN, businessId: '777' }).catch((e: unknown) => e);
    expect((first as GraphApiError).kind).toBe('rate-limited');
    expect((first as GraphApiError).retryAfterMs).toBe(600_000);
    const second = await c.get('777/feed', { token: SECRET_TOKEN, businessId: '777' }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(RateLimitPausedError);
    expect(calls).toHaveLength(1);
    // Other businesses keep working.
    await c.get('888/feed', { token: SECRET_TOKEN, businessId: '888' }).catch(() => undefined);
    expect(calls).toHaveLength(2);
    clock.clock.t += 11 * 60_000 + 61_000;
    await c.get('777/feed', { token: SECRET_TOKEN, businessId: '777' }).catch(() => undefined);
    expect(calls).toHaveLength(3);
  });

  it('backs off the app key on app-level limits without an estimate', async () => {
    const { c } = client(() => json({ error: { message: '(#4) Application request limit reached', code: 4 } }, 400));
    await expect(c.get('me')).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(c.governor.pausedUntil('app')).toBeGreaterThan(Date.UTC(2026, 6, 1) + 59_000);
  });

  it('times out a hung request with TimeoutError', async () => {
    const { c, calls } = client(hanging, { timeoutMs: 20, maxTransientRetries: 1 });
    const err = await c.get('me', { token: SECRET_TOKEN }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).kind).toBe('timeout');
    expect(calls).toHaveLength(2);
    expectNoToken(err);
  });

  it('honours cancellation immediately and without retries', async () => {
    const { c, calls } = client(hanging);
    const ctrl = new AbortController();
    const pending = c.get('me', { token: SECRET_TOKEN, signal: ctrl.signal }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 5));
    ctrl.abort();
    const err = await pending;
    expect(err).toBeInstanceOf(RequestAbortedError);
    expect((err as RequestAbortedError).name).toBe('AbortError');
    expect(calls).toHaveLength(1);
    await expect(c.get('me', { signal: ctrl.signal })).rejects.toBeInstanceOf(RequestAbortedError);
    expect(calls).toHaveLength(1);
  });

  it('treats connection refused as the offline state: one attempt, NetworkError, connectivity callback', async () => {
    const changes: boolean[] = [];
    let down = true;
    const { c, calls } = client(
      () => {
        if (down) throw connectionRefused();
        return json({ id: '1' });
      },
      { onConnectivityChange: (online) => changes.push(online) },
    );
    const err = await c.get('me', { token: SECRET_TOKEN }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).kind).toBe('offline');
    expect((err as NetworkError).causeCode).toBe('ECONNREFUSED');
    expect(calls).toHaveLength(1);
    expect(c.isOnline).toBe(false);
    expectNoToken(err);
    down = false;
    await c.get('me');
    expect(changes).toEqual([false, true]);
  });

  it('reports HTML and truncated bodies as MalformedResponseError with a token-free excerpt', async () => {
    const html = `<html><body>Bad gateway for /me?access_token=${SECRET_TOKEN}</body></html>`;
    const a = client(() => new Response(html, { status: 502 }), { maxTransientRetries: 1 });
    const err = await a.c.get('me', { token: SECRET_TOKEN }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MalformedResponseError);
    expect(a.calls).toHaveLength(2);
    expect((err as MalformedResponseError).excerpt).toContain('Bad gateway');
    expectNoToken(err);
    const b = client(() => new Response('{"data":[{"id":"1"},{"id"', { status: 200 }), { maxTransientRetries: 0 });
    const truncated = await b.c.get('me').catch((e: unknown) => e);
    expect(truncated).toBeInstanceOf(MalformedResponseError);
    expect((truncated as MalformedResponseError).isTransient).toBe(true);
  });

  it('refuses absolute URLs as paths so tokens only go to the configured hosts', async () => {
    const { c } = client(() => json({}));
    await expect(c.get('https://evil.example/steal')).rejects.toThrow(/relative/);
  });
});

describe('default configuration', () => {
  it('talks to Meta’s real hosts when nothing is overridden', () => {
    const c = new GraphClient({ config: resolveGraphConfig({}) });
    expect(c.url('me').toString()).toBe('https://graph.facebook.com/v25.0/me');
    expect(c.url('/me/media', 'instagram').toString()).toBe('https://graph.instagram.com/v25.0/me/media');
    expect(c.url('v24.0/me').toString()).toBe('https://graph.facebook.com/v24.0/me');
  });
});

describe('a connection reset on a reused connection', () => {
  it('repeats a GET once on a fresh connection instead of calling the machine offline', async () => {
    let resets = 1;
    const reset = () => new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    const { c, calls } = client(() => {
      if (resets-- > 0) throw reset();
      return json({ id: '1' });
    });
    expect(await c.get('me', { token: SECRET_TOKEN })).toEqual({ id: '1' });
    expect(calls).toHaveLength(2);
    expect(c.isOnline).toBe(true);
  });

  it('a second reset, or a reset on a POST, is reported as offline', async () => {
    const { c, calls } = client(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    });
    await expect(c.get('me', { token: SECRET_TOKEN })).rejects.toMatchObject({ kind: 'offline', causeCode: 'ECONNRESET' });
    expect(calls).toHaveLength(2);
    await expect(c.post('me/messages', { token: SECRET_TOKEN })).rejects.toMatchObject({ kind: 'offline' });
    expect(calls).toHaveLength(3);
  });
});
