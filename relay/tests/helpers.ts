/** A relay app on a temp SQLite folder, driven through Hono's in-memory `app.request`. */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sodium from 'libsodium-wrappers';
import { createRelayApp } from '../src/app';
import { loadConfig, type RelayConfig } from '../src/config';
import { cryptoReady, hashSecret, newPairCode } from '../src/crypto';
import { createLogger } from '../src/log';
import { SqliteStorage } from '../src/storage/sqlite';
import type { RelayStorage } from '../src/storage/types';

export const APP_SECRET = 'test-app-secret-0123456789abcdef';
export const VERIFY_TOKEN = 'verify-me';

export interface TestRelay {
  app: ReturnType<typeof createRelayApp>;
  storage: RelayStorage;
  config: RelayConfig;
  logs: string[];
  dir: string;
  fetchCalls: string[];
  pair(name?: string): Promise<{ deviceId: string; token: string; keys: { publicKey: Uint8Array; privateKey: Uint8Array } }>;
  postWebhook(body: string, signature?: string): Promise<Response>;
  open(ciphertext: string, keys: { publicKey: Uint8Array; privateKey: Uint8Array }): unknown;
  close(): Promise<void>;
}

export const sign = (body: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export function signedRequest(payload: Record<string, unknown>, secret = APP_SECRET): string {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${createHmac('sha256', secret).update(encoded).digest('base64url')}.${encoded}`;
}

export async function makeTestRelay(env: Record<string, string> = {}, options: { storage?: RelayStorage; fetch?: typeof fetch } = {}): Promise<TestRelay> {
  await cryptoReady();
  await sodium.ready;
  const dir = mkdtempSync(join(tmpdir(), 'relay-unit-'));
  const config = loadConfig({ META_APP_SECRET: APP_SECRET, META_VERIFY_TOKEN: VERIFY_TOKEN, META_APP_ID: '1234', RELAY_MAX_BODY_BYTES: '65536', GRAPH_API_BASE_URL: 'http://meta.test', ...env }, { port: 0, dataDir: dir });
  const storage = options.storage ?? new SqliteStorage(dir);
  const logs: string[] = [];
  const fetchCalls: string[] = [];
  const fakeFetch = (async (url: string | URL) => {
    fetchCalls.push(String(url));
    return new Response(JSON.stringify({ access_token: 'LONG-LIVED-TOKEN-XYZ', token_type: 'bearer', expires_in: 5183944 }), { status: 200 });
  }) as typeof fetch;
  const app = createRelayApp({ config, storage, log: createLogger((l) => logs.push(l)), now: Date.now, fetch: options.fetch ?? fakeFetch });
  const relay: TestRelay = {
    app,
    storage,
    config,
    logs,
    dir,
    fetchCalls,
    async pair(name = 'laptop') {
      const code = newPairCode();
      await storage.createPairCode(hashSecret(code), Date.now() + 60_000);
      const keys = sodium.crypto_box_keypair();
      const res = await app.request('/v1/devices/pair', { method: 'POST', body: JSON.stringify({ code, name, publicKey: Buffer.from(keys.publicKey).toString('base64') }), headers: { 'content-type': 'application/json' } });
      if (res.status !== 201) throw new Error(`pairing failed: ${res.status}`);
      return { ...((await res.json()) as { deviceId: string; token: string }), keys };
    },
    async postWebhook(body, signature = sign(body)) {
      return app.request('/webhooks/meta', { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } });
    },
    open(ciphertext, keys) {
      return JSON.parse(sodium.to_string(sodium.crypto_box_seal_open(Buffer.from(ciphertext, 'base64'), keys.publicKey, keys.privateKey)));
    },
    async close() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return relay;
}
