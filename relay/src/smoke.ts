/**
 * `relay smoke`: proves a running relay works end to end, from its own host or container, the way a
 * device and Meta use it: a throwaway device pairs with a fresh code, a webhook signed with the
 * app secret goes in, the device reads it back over the long poll, opens the sealed box with its
 * private key, finds the exact bytes, acknowledges and is revoked. A wrong signature must be refused.
 * The payload's `object` is one no app reads, so real paired devices (which receive it too, sealed
 * to them) store nothing from it.
 */
import { createHmac } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import type { RelayConfig } from './config';
import { cryptoReady, hashSecret, newPairCode } from './crypto';
import type { RelayStorage } from './storage/types';

export class SmokeError extends Error {
  override name = 'SmokeError';
}

export const SMOKE_OBJECT = 'social_desk_relay_smoke';

interface Step {
  name: string;
  detail: string;
}

async function call(url: string, init: RequestInit & { expect: number }, what: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (error) {
    throw new SmokeError(`${what}: the relay did not answer (${(error as Error).message})`);
  }
  const text = await res.text();
  if (res.status !== init.expect) throw new SmokeError(`${what}: expected HTTP ${init.expect}, got ${res.status} ${text.slice(0, 200)}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

/** Runs the round trip against `baseUrl`; returns the steps done, or throws SmokeError naming the one that failed. */
export async function runSmoke(baseUrl: string, config: Pick<RelayConfig, 'appSecrets'>, storage: RelayStorage, now = Date.now): Promise<Step[]> {
  const secret = config.appSecrets[0];
  if (!secret) throw new SmokeError('META_APP_SECRET is not set: the smoke test signs its webhook with it');
  await cryptoReady();
  const steps: Step[] = [];
  const health = (await call(`${baseUrl}/healthz`, { expect: 200 }, 'GET /healthz')) as { storage: string };
  steps.push({ name: 'healthz', detail: `storage ${health.storage}` });

  const code = newPairCode();
  await storage.createPairCode(hashSecret(code), now() + 5 * 60_000);
  const keys = sodium.crypto_box_keypair();
  const paired = (await call(
    `${baseUrl}/v1/devices/pair`,
    { method: 'POST', expect: 201, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'smoke test', publicKey: Buffer.from(keys.publicKey).toString('base64') }) },
    'POST /v1/devices/pair',
  )) as { deviceId: string; token: string };
  const auth = { authorization: `Bearer ${paired.token}` };
  try {
    steps.push({ name: 'pair', detail: `device ${paired.deviceId}` });
    const marker = `smoke ${now()} ✓`;
    const body = JSON.stringify({ object: SMOKE_OBJECT, entry: [{ id: '0', time: now(), changes: [{ field: 'smoke', value: { text: marker } }] }] });
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const forged = `sha256=${createHmac('sha256', `${secret}-wrong`).update(body).digest('hex')}`;
    const post = (sig: string, expect: number) =>
      call(`${baseUrl}/webhooks/meta`, { method: 'POST', expect, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig }, body }, `POST /webhooks/meta (${expect === 401 ? 'wrong' : 'right'} signature)`);
    await post(forged, 401);
    steps.push({ name: 'wrong signature refused', detail: '401' });
    await post(signature, 200);
    steps.push({ name: 'signed webhook accepted', detail: '200' });

    const { events } = (await call(`${baseUrl}/v1/events?after=0&wait=10`, { expect: 200, headers: { ...auth, accept: 'application/json' } }, 'GET /v1/events')) as { events: Array<{ seq: number; ciphertext: string }> };
    const found = events.find((e) => {
      try {
        const content = JSON.parse(sodium.to_string(sodium.crypto_box_seal_open(Buffer.from(e.ciphertext, 'base64'), keys.publicKey, keys.privateKey))) as { kind?: string; body?: string };
        return content.kind === 'webhook' && content.body === body;
      } catch {
        return false;
      }
    });
    if (!found) throw new SmokeError(`GET /v1/events: none of the ${events.length} envelope(s) opened to the webhook just sent`);
    steps.push({ name: 'sealed envelope opened by the device', detail: `seq ${found.seq}, bytes identical` });
    await call(`${baseUrl}/v1/events/ack`, { method: 'POST', expect: 200, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ seqs: events.map((e) => e.seq) }) }, 'POST /v1/events/ack');
    steps.push({ name: 'acknowledged', detail: `${events.length} envelope(s)` });
  } finally {
    await storage.revokeDevice(paired.deviceId, now());
  }
  await call(`${baseUrl}/v1/events?after=0&wait=0`, { expect: 401, headers: { ...auth, accept: 'application/json' } }, 'GET /v1/events as the revoked smoke device');
  steps.push({ name: 'smoke device revoked', detail: '401 afterwards' });
  return steps;
}
