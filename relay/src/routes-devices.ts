/**
 * Device pairing, event delivery and acknowledgement.
 * - `POST /v1/devices/pair` {code, name, publicKey}: one-time code → device token (kept hashed).
 * - `GET /v1/events?after=SEQ`: Server-Sent Events (`id:` = seq, `event: envelope`); with
 *   `Accept: application/json` (or `?wait=S`) a long poll answering `{events}` instead.
 * - `POST /v1/events/ack` {seqs}: drops this device's copies.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { RelayDeps, RelayEnv, RelayLimits } from './context';
import { PUBLIC_KEY_BYTES, hashSecret, newDeviceId, newDeviceToken, normalisePairCode } from './crypto';
import type { SealedEnvelope } from './storage/types';

const PairBody = z.object({
  code: z.string().min(4).max(64),
  name: z.string().trim().min(1).max(80),
  publicKey: z.string().refine((v) => Buffer.from(v, 'base64').length === PUBLIC_KEY_BYTES, 'publicKey must be a base64 X25519 public key (32 bytes)'),
});
const AckBody = z.object({ seqs: z.array(z.number().int().positive()).min(1).max(1000) });

const HEARTBEAT_MS = 15_000;
const PAGE = 100;

/** Resolves `Authorization: Bearer <device token>` to an active device, else 401. */
export function requireDevice(deps: RelayDeps): MiddlewareHandler<RelayEnv> {
  return async (c, next) => {
    const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const device = token ? await deps.storage.deviceByTokenHash(hashSecret(token)) : null;
    if (!device) {
      deps.log('warn', 'device refused', { route: c.req.path, status: 401 });
      return c.json({ error: 'unknown or revoked device' }, 401);
    }
    c.set('device', device);
    await next();
  };
}

/** The caller's address: the proxy's X-Forwarded-For only when the operator says it is trusted. */
export function clientKey(c: Context): string {
  if (process.env.RELAY_TRUST_PROXY === '1') return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? 'unknown';
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

function limited(c: Context, retryAfter: number) {
  c.header('Retry-After', String(retryAfter));
  return c.json({ error: 'too many requests' }, 429);
}

/** Waits until an append happens, `ms` pass, or the request is aborted. */
function waitForAppend(deps: RelayDeps, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = deps.storage.onAppend(done);
    signal.addEventListener('abort', done);
  });
}

export function deviceRoutes(app: Hono<RelayEnv>, deps: RelayDeps, limits: RelayLimits): void {
  const { storage, log } = deps;
  const auth = requireDevice(deps);

  app.post('/v1/devices/pair', async (c) => {
    const wait = limits.pairing.hit(clientKey(c));
    if (wait) return limited(c, wait);
    const parsed = PairBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'bad request', detail: parsed.error.issues.map((i) => i.message).join('; ') }, 400);
    const now = deps.now();
    if (!(await storage.consumePairCode(hashSecret(normalisePairCode(parsed.data.code)), now))) {
      await storage.increment('pairings_refused');
      log('warn', 'pairing refused', { route: 'POST /v1/devices/pair', status: 403 });
      return c.json({ error: 'pairing code unknown, used or expired: run `pair-code` on the relay for a new one' }, 403);
    }
    const token = newDeviceToken();
    const device = { id: newDeviceId(), name: parsed.data.name, publicKey: parsed.data.publicKey, pairedAt: now, lastSeenAt: null, revokedAt: null };
    await storage.addDevice(device, hashSecret(token));
    await storage.increment('pairings');
    log('info', 'device paired', { route: 'POST /v1/devices/pair', device: device.id });
    return c.json({ deviceId: device.id, token }, 201);
  });

  app.get('/v1/events', auth, async (c) => {
    const device = c.get('device');
    const wait = limits.events.hit(device.id);
    if (wait) return limited(c, wait);
    const lastEventId = Number(c.req.header('last-event-id') ?? 0);
    const after = Math.max(Number(c.req.query('after') ?? 0) || 0, Number.isFinite(lastEventId) ? lastEventId : 0);
    await storage.touchDevice(device.id, deps.now());
    const signal = c.req.raw.signal;

    const longPoll = c.req.query('wait') !== undefined || (c.req.header('accept') ?? '').includes('application/json');
    if (longPoll) {
      const waitMs = Math.min(Math.max(Number(c.req.query('wait') ?? 25) || 0, 0), 30) * 1000;
      let events = await storage.pending(device.id, after, PAGE);
      if (events.length === 0 && waitMs > 0) {
        await waitForAppend(deps, waitMs, signal);
        events = await storage.pending(device.id, after, PAGE);
      }
      return c.json({ events });
    }

    log('info', 'event stream opened', { route: 'GET /v1/events', device: device.id, after });
    return streamSSE(c, async (stream) => {
      let cursor = after;
      const send = async (e: SealedEnvelope) => {
        await stream.writeSSE({ id: String(e.seq), event: 'envelope', data: JSON.stringify(e) });
        cursor = e.seq;
      };
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ deviceId: device.id, after }) });
      while (!signal.aborted && !stream.aborted) {
        const batch = await storage.pending(device.id, cursor, PAGE);
        for (const e of batch) await send(e);
        if (batch.length === PAGE) continue;
        await waitForAppend(deps, HEARTBEAT_MS, signal);
        if (signal.aborted || stream.aborted) break;
        // A device revoked while connected stops receiving at the next wake-up.
        if (!(await storage.listDevices()).some((d) => d.id === device.id && d.revokedAt === null)) break;
        await stream.write(': keep-alive\n\n');
      }
      log('info', 'event stream closed', { route: 'GET /v1/events', device: device.id, cursor });
    });
  });

  app.post('/v1/events/ack', auth, async (c) => {
    const parsed = AckBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'bad request: expected {seqs: number[]}' }, 400);
    const removed = await storage.ack(c.get('device').id, parsed.data.seqs);
    return c.json({ acked: removed });
  });
}
