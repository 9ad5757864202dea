/**
 * The relay's HTTP application: limits first (body size, request timeout), then the routes.
 * Error responses name the cause without echoing anything the caller sent.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { timeout } from 'hono/timeout';
import { createLimits, type RelayDeps, type RelayEnv } from './context';
import { callbackRoutes } from './routes-callbacks';
import { deviceRoutes } from './routes-devices';
import { oauthRoutes } from './routes-oauth';
import { oauthReturnRoutes } from './routes-oauth-return';
import { webhookRoutes } from './routes-webhooks';

export function createRelayApp(deps: RelayDeps): Hono<RelayEnv> {
  const app = new Hono<RelayEnv>();
  const limits = createLimits(deps.now);

  app.use('*', async (c, next) => {
    const started = deps.now();
    await next();
    if (c.res.status >= 500) deps.log('error', 'request failed', { route: `${c.req.method} ${c.req.routePath}`, status: c.res.status, ms: deps.now() - started });
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.config.maxBodyBytes,
      onError: (c) => {
        deps.log('warn', 'request refused: body too large', { route: `${c.req.method} ${c.req.path}`, status: 413, limit: deps.config.maxBodyBytes });
        return c.json({ error: `body larger than ${deps.config.maxBodyBytes} bytes` }, 413);
      },
    }),
  );
  // Every route but the event stream (which is meant to stay open) gets a deadline.
  app.use('*', async (c, next) => (c.req.path === '/v1/events' ? next() : timeout(deps.config.requestTimeoutMs)(c, next)));

  app.get('/healthz', async (c) => c.json({ ok: true, storage: deps.storage.kind, pending: await deps.storage.pendingCount() }));
  webhookRoutes(app, deps);
  deviceRoutes(app, deps, limits);
  oauthRoutes(app, deps, limits);
  callbackRoutes(app, deps);
  oauthReturnRoutes(app);

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((err, c) => {
    deps.log('error', 'unhandled error', { route: `${c.req.method} ${c.req.path}`, kind: err.name });
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
