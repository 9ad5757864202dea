/**
 * The relay's HTTP surface: Meta's handshake and signature, sealing, pairing, delivery and
 * acknowledgement, and every refusal (bad signature, replay, oversized body, unpaired and
 * revoked devices, a reused pairing code).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestRelay, sign, VERIFY_TOKEN, type TestRelay } from './helpers';

let relay: TestRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

const META_BODY = readFileSync(new URL('../../tests/fixtures/meta/fb-messenger-webhook-message-text.json', import.meta.url), 'utf8');
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('Meta webhook endpoint', () => {
  it('answers the verification handshake only with the right verify token', async () => {
    relay = await makeTestRelay();
    const ok = await relay.app.request(`/webhooks/meta?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await relay.app.request('/webhooks/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1');
    expect(wrong.status).toBe(403);
  });

  it('refuses a wrong, missing or other-secret signature with 401, counts it and stores nothing', async () => {
    relay = await makeTestRelay();
    await relay.pair();
    expect((await relay.postWebhook(META_BODY, sign(META_BODY, 'another-secret'))).status).toBe(401);
    expect((await relay.postWebhook(META_BODY, 'sha256=zz')).status).toBe(401);
    expect((await relay.app.request('/webhooks/meta', { method: 'POST', body: META_BODY })).status).toBe(401);
    // A body changed after signing (re-serialised JSON) fails too.
    expect((await relay.postWebhook(JSON.stringify(JSON.parse(META_BODY)), sign(META_BODY))).status).toBe(401);
    expect(await relay.storage.pendingCount()).toBe(0);
    expect(await relay.storage.counters()).toMatchObject({ webhooks_bad_signature: 4 });
  });

  it('seals an accepted body to every paired device; each opens its own copy, the bytes intact', async () => {
    relay = await makeTestRelay();
    const a = await relay.pair('a');
    const b = await relay.pair('b');
    const res = await relay.postWebhook(META_BODY);
    expect(res.status).toBe(200);
    for (const device of [a, b]) {
      const [envelope] = await relay.storage.pending(device.deviceId, 0, 10);
      expect(relay.open(envelope!.ciphertext, device.keys)).toMatchObject({ v: 1, kind: 'webhook', body: META_BODY });
    }
    // a's copy cannot be opened with b's key.
    const [aCopy] = await relay.storage.pending(a.deviceId, 0, 10);
    expect(() => relay!.open(aCopy!.ciphertext, b.keys)).toThrow();
    // Nothing readable on disk or in the logs.
    for (const file of readdirSync(relay.dir)) expect(readFileSync(join(relay.dir, file)).includes(Buffer.from('hello, world'))).toBe(false);
    expect(relay.logs.join('')).not.toContain('hello');
  });

  it('stores a replayed signed body only once', async () => {
    relay = await makeTestRelay();
    await relay.pair();
    expect((await relay.postWebhook(META_BODY)).status).toBe(200);
    expect((await relay.postWebhook(META_BODY)).status).toBe(200);
    expect(await relay.storage.pendingCount()).toBe(1);
    expect(await relay.storage.counters()).toMatchObject({ webhooks_accepted: 1, webhooks_replayed: 1 });
  });

  it('refuses an oversized body with 413 and stores nothing', async () => {
    relay = await makeTestRelay({ RELAY_MAX_BODY_BYTES: '1024' });
    await relay.pair();
    const big = JSON.stringify({ object: 'page', entry: [{ id: '1', padding: 'x'.repeat(2000) }] });
    const res = await relay.postWebhook(big);
    expect(res.status).toBe(413);
    expect(await relay.storage.pendingCount()).toBe(0);
  });
});

describe('devices', () => {
  it('pairs once per code, keeps only a hash of the token, and refuses the code the second time', async () => {
    relay = await makeTestRelay();
    const device = await relay.pair();
    expect(device.token).toMatch(/^sdr_/);
    const dbBytes = readFileSync(join(relay.dir, 'relay.db'));
    expect(dbBytes.includes(Buffer.from(device.token))).toBe(false);
    const res = await relay.app.request('/v1/devices/pair', { method: 'POST', body: JSON.stringify({ code: 'AAAA-BBBB-CCCC', name: 'x', publicKey: Buffer.alloc(32).toString('base64') }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(403);
    const badKey = await relay.app.request('/v1/devices/pair', { method: 'POST', body: JSON.stringify({ code: 'AAAA-BBBB-CCCC', name: 'x', publicKey: 'short' }), headers: { 'content-type': 'application/json' } });
    expect(badKey.status).toBe(400);
  });

  it('rate-limits pairing attempts', async () => {
    relay = await makeTestRelay();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await relay.app.request('/v1/devices/pair', { method: 'POST', body: JSON.stringify({ code: `WRONG-CODE-${i}`, name: 'x', publicKey: Buffer.alloc(32).toString('base64') }), headers: { 'content-type': 'application/json' } });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('refuses unknown and revoked devices, and revoking drops their pending copies', async () => {
    relay = await makeTestRelay();
    const device = await relay.pair();
    expect((await relay.app.request('/v1/events?after=0&wait=0', { headers: auth('sdr_not-a-device') })).status).toBe(401);
    expect((await relay.app.request('/v1/events?after=0&wait=0')).status).toBe(401);
    await relay.postWebhook(META_BODY);
    expect(await relay.storage.pendingCount()).toBe(1);
    expect(await relay.storage.revokeDevice(device.deviceId, Date.now())).toBe(true);
    expect(await relay.storage.pendingCount()).toBe(0);
    expect((await relay.app.request('/v1/events?after=0&wait=0', { headers: auth(device.token) })).status).toBe(401);
    expect((await relay.app.request('/v1/events/ack', { method: 'POST', body: JSON.stringify({ seqs: [1] }), headers: { ...auth(device.token), 'content-type': 'application/json' } })).status).toBe(401);
  });
});

describe('delivery', () => {
  it('long-polls pending envelopes after a seq, and deletes an envelope only when every device acked', async () => {
    relay = await makeTestRelay();
    const a = await relay.pair('a');
    const b = await relay.pair('b');
    await relay.postWebhook(META_BODY);
    await relay.postWebhook(META_BODY.replace('hello, world!', 'second'));
    const poll = async (token: string, after: number) => ((await (await relay!.app.request(`/v1/events?after=${after}&wait=0`, { headers: auth(token) })).json()) as { events: Array<{ seq: number }> }).events;
    const events = await poll(a.token, 0);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect((await poll(a.token, 1)).map((e) => e.seq)).toEqual([2]);
    const ack = (token: string, seqs: number[]) => relay!.app.request('/v1/events/ack', { method: 'POST', body: JSON.stringify({ seqs }), headers: { ...auth(token), 'content-type': 'application/json' } });
    expect((await ack(a.token, [1, 2])).status).toBe(200);
    expect(await relay.storage.pendingCount()).toBe(2); // b's copies remain
    expect(await poll(a.token, 0)).toEqual([]);
    await ack(b.token, [1, 2]);
    expect(await relay.storage.pendingCount()).toBe(0);
  });

  it('streams envelopes as Server-Sent Events with the seq as event id', async () => {
    relay = await makeTestRelay();
    const device = await relay.pair();
    await relay.postWebhook(META_BODY);
    const controller = new AbortController();
    const res = await relay.app.request('/v1/events?after=0', { headers: { ...auth(device.token), accept: 'text/event-stream' }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: envelope')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await reader.cancel();
    expect(text).toMatch(/event: envelope\ndata: \{"seq":1,/);
    expect(text).toContain('id: 1');
  });

  it('expires copies older than the retention window', async () => {
    relay = await makeTestRelay();
    await relay.pair();
    await relay.postWebhook(META_BODY);
    expect(await relay.storage.expire(Date.now() - 1000)).toBe(0);
    expect(await relay.storage.expire(Date.now() + 1000)).toBe(1);
    expect(await relay.storage.pendingCount()).toBe(0);
  });

  it('answers /healthz', async () => {
    relay = await makeTestRelay();
    expect(await (await relay.app.request('/healthz')).json()).toEqual({ ok: true, storage: 'sqlite', pending: 0 });
  });
});
