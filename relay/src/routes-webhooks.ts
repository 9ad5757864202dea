/**
 * Meta's webhook endpoint.
 * GET answers the verification handshake (hub.mode=subscribe, hub.verify_token, hub.challenge);
 * POST verifies X-Hub-Signature-256 over the raw bytes, then seals and stores.
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started
 */
import type { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import type { RelayDeps, RelayEnv } from './context';
import { parseSignatureHeader, verifyWebhookSignature } from './meta-signatures';
import { sealAndStore } from './sealer';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function webhookRoutes(app: Hono<RelayEnv>, deps: RelayDeps): void {
  const { storage, log, config } = deps;

  app.get('/webhooks/meta', (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token') ?? '';
    const challenge = c.req.query('hub.challenge') ?? '';
    if (mode !== 'subscribe' || !config.verifyToken || !sameSecret(token, config.verifyToken)) {
      log('warn', 'webhook verification refused', { route: 'GET /webhooks/meta' });
      return c.text('Verification failed', 403);
    }
    log('info', 'webhook verification answered', { route: 'GET /webhooks/meta' });
    return c.text(challenge, 200);
  });

  app.post('/webhooks/meta', async (c) => {
    const started = deps.now();
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const header = c.req.header('x-hub-signature-256');
    if (!verifyWebhookSignature(raw, header, config.appSecrets)) {
      await storage.increment('webhooks_bad_signature');
      log('warn', 'webhook refused: bad signature', { route: 'POST /webhooks/meta', status: 401, bytes: raw.length });
      return c.json({ error: 'invalid signature' }, 401);
    }
    const signatureHex = (parseSignatureHeader(header) as Buffer).toString('hex');
    // Meta signs no timestamp or nonce, so the same signed body twice is a replay (or Meta
    // retrying after our 200 was lost): keep nothing the second time, and answer 200 so a
    // genuine retry stops.
    if (!(await storage.rememberSignature(signatureHex, started))) {
      await storage.increment('webhooks_replayed');
      log('warn', 'webhook replay ignored', { route: 'POST /webhooks/meta', status: 200, bytes: raw.length });
      return c.json({ ok: true, duplicate: true }, 200);
    }
    // Sealing and one local write take well under a millisecond, so they happen before the
    // 200: answering first would turn a crash in between into an event Meta never resends.
    const stored = await sealAndStore(storage, { v: 1, kind: 'webhook', arrivedAt: started, body: Buffer.from(raw).toString('utf8') });
    await storage.increment('webhooks_accepted');
    log('info', 'webhook accepted', { route: 'POST /webhooks/meta', status: 200, bytes: raw.length, seq: stored?.seq ?? null, devices: stored?.devices ?? 0, ms: deps.now() - started });
    return c.json({ ok: true }, 200);
  });
}
