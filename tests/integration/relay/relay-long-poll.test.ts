/**
 * Behind a proxy that cannot pass the relay's event stream (it buffers the stream until it ends,
 * or answers it with a page of its own), the desktop falls back to the relay's long poll and still
 * stores each webhook once; the status says "long-poll". Every other request passes through.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRelayHarness, until, VERIFY_TOKEN, type RelayHarness } from '../../support/relay-harness';

let h: RelayHarness | undefined;
let proxy: Server | undefined;
afterEach(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  await h?.close();
  h = undefined;
  proxy = undefined;
});

type Blocking = 'buffers streams' | 'answers streams with its own page';

/** A reverse proxy to `target` that lets everything through except an SSE response. */
async function startProxy(target: string, blocking: Blocking, seen: string[]): Promise<string> {
  const upstream = new URL(target);
  proxy = createServer((req, res) => {
    const sse = (req.headers.accept ?? '').includes('text/event-stream');
    seen.push(`${req.method} ${req.url} ${sse ? 'sse' : (req.headers.accept ?? '')}`);
    if (sse && blocking === 'answers streams with its own page') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Please sign in to the network</body></html>');
      return;
    }
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      // A buffering proxy sends nothing of a response until it has all of it: for SSE, never.
      if (sse) return;
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

describe('relay behind a proxy that blocks event streams', () => {
  for (const blocking of ['buffers streams', 'answers streams with its own page'] as const) {
    it(`long-polls when the proxy ${blocking}, storing each webhook once`, async () => {
      h = await makeRelayHarness({ service: { sseReadyTimeoutMs: 500 } });
      const seen: string[] = [];
      const url = await startProxy(h.relay.url, blocking, seen);
      await h.service.pair(url, await h.pairCode(), 'behind a proxy');
      await h.sync.control('webhooks/subscribe', { method: 'POST', body: { url: `${h.relay.url}/webhooks/meta`, verifyToken: VERIFY_TOKEN, retryBaseMs: 20, maxAttempts: 20 } });
      const stop = h.listen();
      await until(() => h!.service.status().transport === 'long-poll', 'the switch to long polling').catch((e: Error) => { throw new Error(`${e.message}: ${JSON.stringify(h!.service.status())} ${seen.join(' | ')}`); });
      expect(h.service.status().connection).toBe('connected');
      const repos = h.sync.core.repos;
      const count = (mid: string) => repos.db.prepare('SELECT count(*) FROM messages WHERE external_id = ?').pluck().get(mid) as number;
      const sent: string[] = [];
      for (const text of ['First, through the long poll', 'Second, through the long poll']) {
        const { mid } = (await h.sync.control('webhooks/message', { method: 'POST', body: { platform: 'messenger', text } })) as { mid: string };
        sent.push(mid);
        await until(() => count(mid) === 1, `"${text}" stored`);
      }
      await stop();
      expect(sent.map(count)).toEqual([1, 1]);
      expect(seen.some((line) => line.startsWith('GET /v1/events?after=0 sse'))).toBe(true);
      expect(seen.filter((line) => /^GET \/v1\/events\?after=\d+&wait=25 application\/json$/.test(line)).length).toBeGreaterThanOrEqual(2);
      expect(h.service.status().transport).toBeNull();
    });
  }
});
