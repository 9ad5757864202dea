/**
 * Meta's app-dashboard callbacks, both POSTed as `signed_request=<sig>.<payload>`:
 * - Data Deletion Request callback: answer `{url, confirmation_code}`; `url` is a status page the
 *   person can check. https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback
 * - Deauthorize callback: the person removed the app.
 *   https://developers.facebook.com/docs/facebook-login/guides/permissions/request-revoke (deauthorize callback)
 * Each becomes a sealed event for the devices, which hold the data; the relay keeps only the
 * confirmation code and whether a device has reported the deletion done.
 */
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { RelayDeps, RelayEnv } from './context';
import { newConfirmationCode } from './crypto';
import { parseSignedRequest, type SignedRequestPayload } from './meta-signatures';
import { requireDevice } from './routes-devices';
import { sealAndStore } from './sealer';

async function readSignedRequest(c: Context, deps: RelayDeps): Promise<SignedRequestPayload | null> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const value = form.signed_request;
  const payload = typeof value === 'string' ? parseSignedRequest(value, deps.config.appSecrets) : null;
  if (!payload) {
    await deps.storage.increment('callbacks_bad_signature');
    deps.log('warn', 'callback refused: bad signed_request', { route: c.req.path, status: 400 });
  }
  return payload;
}

function statusUrl(c: Context, deps: RelayDeps, code: string): string {
  const base = deps.config.publicUrl ?? new URL(c.req.url).origin;
  return `${base}/meta/data-deletion/${encodeURIComponent(code)}`;
}

export function callbackRoutes(app: Hono<RelayEnv>, deps: RelayDeps): void {
  const { storage, log } = deps;

  app.post('/meta/data-deletion', async (c) => {
    const payload = await readSignedRequest(c, deps);
    if (!payload) return c.json({ error: 'invalid signed_request' }, 400);
    const now = deps.now();
    const code = newConfirmationCode();
    const url = statusUrl(c, deps, code);
    await storage.addDeletionRequest(code, now);
    const stored = await sealAndStore(storage, { v: 1, kind: 'data-deletion', arrivedAt: now, userId: payload.user_id, confirmationCode: code, statusUrl: url });
    log('info', 'data deletion request received', { route: 'POST /meta/data-deletion', seq: stored?.seq ?? null, devices: stored?.devices ?? 0 });
    return c.json({ url, confirmation_code: code });
  });

  app.get('/meta/data-deletion/:code', async (c) => {
    const request = await storage.deletionRequest(c.req.param('code'));
    if (!request) return c.html(html`<!doctype html><title>Unknown request</title><p>No deletion request has this confirmation code.</p>`, 404);
    const received = new Date(request.receivedAt).toUTCString();
    const state = request.completedAt
      ? html`<p><strong>Status: done.</strong> The data was deleted on ${new Date(request.completedAt).toUTCString()}.</p>`
      : html`<p><strong>Status: pending.</strong> The brand's app deletes the data the next time it is running.</p>`;
    return c.html(html`<!doctype html><meta charset="utf-8"><title>Data deletion request</title>
      <h1>Data deletion request</h1><p>Received ${received}.</p>${state}`);
  });

  app.post('/v1/data-deletion/:code/done', requireDevice(deps), async (c) => {
    const ok = await storage.completeDeletionRequest(c.req.param('code'), deps.now());
    if (!ok) return c.json({ error: 'unknown confirmation code' }, 404);
    log('info', 'data deletion reported done', { route: 'POST /v1/data-deletion/:code/done', device: c.get('device').id });
    return c.json({ ok: true });
  });

  app.post('/meta/deauthorize', async (c) => {
    const payload = await readSignedRequest(c, deps);
    if (!payload) return c.json({ error: 'invalid signed_request' }, 400);
    const stored = await sealAndStore(storage, { v: 1, kind: 'deauthorize', arrivedAt: deps.now(), userId: payload.user_id });
    log('info', 'deauthorize received', { route: 'POST /meta/deauthorize', seq: stored?.seq ?? null });
    return c.json({ ok: true });
  });
}
