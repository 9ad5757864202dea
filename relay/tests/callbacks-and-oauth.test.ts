/**
 * Meta's data-deletion and deauthorize callbacks (signed_request) and the token exchanges, which
 * pass tokens through without storing or logging them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestRelay, signedRequest, type TestRelay } from './helpers';

let relay: TestRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const form = (signed: string) => ({ method: 'POST', body: new URLSearchParams({ signed_request: signed }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

describe('data deletion callback', () => {
  it('verifies signed_request, answers {url, confirmation_code}, seals the request and shows done once a device reports it', async () => {
    relay = await makeTestRelay({ RELAY_PUBLIC_URL: 'https://relay.example.com' });
    const device = await relay.pair();
    const res = await relay.app.request('/meta/data-deletion', form(signedRequest({ algorithm: 'HMAC-SHA256', user_id: '218471', issued_at: 1291836800, expires: 1291840400 })));
    expect(res.status).toBe(200);
    const { url, confirmation_code: code } = (await res.json()) as { url: string; confirmation_code: string };
    expect(url).toBe(`https://relay.example.com/meta/data-deletion/${code}`);
    const [envelope] = await relay.storage.pending(device.deviceId, 0, 10);
    expect(relay.open(envelope!.ciphertext, device.keys)).toMatchObject({ kind: 'data-deletion', userId: '218471', confirmationCode: code, statusUrl: url });
    // The relay itself keeps no user id.
    for (const file of readdirSync(relay.dir)) expect(readFileSync(join(relay.dir, file)).includes(Buffer.from('218471'))).toBe(false);

    const page = async () => relay!.app.request(new URL(url).pathname);
    expect(await (await page()).text()).toContain('Status: pending');
    expect((await relay.app.request(`/v1/data-deletion/${code}/done`, { method: 'POST', headers: auth('sdr_nobody') })).status).toBe(401);
    expect((await relay.app.request(`/v1/data-deletion/${code}/done`, { method: 'POST', headers: auth(device.token) })).status).toBe(200);
    expect(await (await page()).text()).toContain('Status: done');
    expect((await relay.app.request('/meta/data-deletion/unknown-code')).status).toBe(404);
  });

  it('refuses a signed_request signed with another secret, malformed, or not HMAC-SHA256', async () => {
    relay = await makeTestRelay();
    await relay.pair();
    for (const bad of [signedRequest({ algorithm: 'HMAC-SHA256', user_id: '1' }, 'wrong-secret'), 'garbage', signedRequest({ algorithm: 'none', user_id: '1' })]) {
      expect((await relay.app.request('/meta/data-deletion', form(bad))).status).toBe(400);
    }
    expect(await relay.storage.pendingCount()).toBe(0);
    expect(await relay.storage.counters()).toMatchObject({ callbacks_bad_signature: 3 });
  });

  it('turns a deauthorize callback into a sealed event', async () => {
    relay = await makeTestRelay();
    const device = await relay.pair();
    expect((await relay.app.request('/meta/deauthorize', form(signedRequest({ algorithm: 'HMAC-SHA256', user_id: '999' })))).status).toBe(200);
    const [envelope] = await relay.storage.pending(device.deviceId, 0, 10);
    expect(relay.open(envelope!.ciphertext, device.keys)).toMatchObject({ kind: 'deauthorize', userId: '999' });
  });
});

describe('token exchange', () => {
  it('exchanges a Facebook token for paired devices only, adds the secret itself, and logs no token', async () => {
    relay = await makeTestRelay();
    const device = await relay.pair();
    const body = JSON.stringify({ accessToken: 'SHORT-LIVED-TOKEN-ABC' });
    expect((await relay.app.request('/v1/oauth/facebook/exchange', { method: 'POST', body, headers: auth('sdr_nobody') })).status).toBe(401);
    const res = await relay.app.request('/v1/oauth/facebook/exchange', { method: 'POST', body, headers: auth(device.token) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ access_token: 'LONG-LIVED-TOKEN-XYZ', expires_in: 5183944 });
    const called = new URL(relay.fetchCalls[0]!);
    expect(called.pathname).toBe('/v25.0/oauth/access_token');
    expect(Object.fromEntries(called.searchParams)).toMatchObject({ grant_type: 'fb_exchange_token', client_id: '1234', fb_exchange_token: 'SHORT-LIVED-TOKEN-ABC' });
    expect(called.searchParams.get('client_secret')).toBeTruthy();
    const everything = relay.logs.join('') + readdirSync(relay.dir).map((f) => readFileSync(join(relay!.dir, f)).toString('latin1')).join('');
    expect(everything).not.toMatch(/SHORT-LIVED|LONG-LIVED|test-app-secret/);
  });
});
