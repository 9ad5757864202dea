import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebBridge, type WebBridge } from '../../scripts/web-bridge';

/**
 * The bridge serves decrypted data over HTTP, so its guards are specs too: only the holder of
 * this start's token, on 127.0.0.1:<port> by that exact name, gets anything.
 */
interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    // node:http, because fetch() does not let a client choose its own Host header. No agent:
    // a pooled keep-alive socket would outlive stop() and hide whether the port really closed.
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

let bridge: WebBridge;
let dataDir: string;
let cookie: string;
let host: string;
let tokenPath: string;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'social-desk-bridge-'));
  bridge = await startWebBridge({ dataDir, keychain: { kind: 'fake', secret: 'guard-spec' } });
  const url = new URL(bridge.url);
  host = url.host;
  tokenPath = `${url.pathname}${url.search}`;
  const page = await raw(bridge.port, tokenPath, { headers: { host } });
  cookie = String(page.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
});

test.afterEach(async () => {
  await bridge.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the page is served only with the token, and trades it for an HttpOnly SameSite=Strict cookie', async () => {
  expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
  expect((await raw(bridge.port, '/', { headers: { host } })).status).toBe(403);
  expect((await raw(bridge.port, '/?bridge-token=wrong', { headers: { host } })).status).toBe(403);

  const page = await raw(bridge.port, tokenPath, { headers: { host } });
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  const setCookie = String(page.headers['set-cookie']?.[0]);
  expect(setCookie).toContain('HttpOnly');
  expect(setCookie).toContain('SameSite=Strict');
  // The bridge client comes before the app's module script, so window.api exists when it runs.
  expect(page.body.indexOf('<script src="/__bridge/client.js"></script>')).toBeGreaterThan(-1);
  expect(page.body.indexOf('/__bridge/client.js')).toBeLessThan(page.body.indexOf('type="module"'));

  const other = await startWebBridge({ dataDir: join(dataDir, 'other'), keychain: { kind: 'none' } });
  expect(new URL(other.url).searchParams.get('bridge-token')).not.toBe(new URL(bridge.url).searchParams.get('bridge-token'));
  await other.stop();
});

test('every other request needs the cookie and the exact Host', async () => {
  for (const path of ['/__bridge/client.js', '/__bridge/test/log', '/index.html']) {
    expect((await raw(bridge.port, path, { headers: { host } })).status, path).toBe(403);
    expect((await raw(bridge.port, path, { headers: { host, cookie } })).status, path).toBe(200);
  }
  // DNS rebinding: a page on evil.example that resolves to 127.0.0.1 sends its own Host.
  for (const badHost of [`evil.example:${bridge.port}`, `localhost:${bridge.port}`, '127.0.0.1']) {
    expect((await raw(bridge.port, tokenPath, { headers: { host: badHost } })).status, badHost).toBe(403);
    expect((await raw(bridge.port, '/__bridge/client.js', { headers: { host: badHost, cookie } })).status, badHost).toBe(403);
  }
  const script = await raw(bridge.port, '/__bridge/client.js', { headers: { host, cookie } });
  expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
});

test('invocations go through the dispatch and refuse cross-site requests', async () => {
  const invoke = (channel: string, headers: Record<string, string>, body = '{}') =>
    raw(bridge.port, `/__bridge/invoke/${channel}`, { method: 'POST', headers: { host, cookie, ...headers }, body });
  const json = { 'content-type': 'application/json', 'x-social-desk-bridge': '1' };

  const state = await invoke('app:getState', json);
  expect(state.status).toBe(200);
  expect(JSON.parse(state.body)).toMatchObject({ ok: true, data: { phase: 'first-run' } });
  expect(JSON.parse((await invoke('app:nonsense', json)).body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  expect(JSON.parse((await invoke('inbox:search', json, '{"args":{"query":1}}')).body)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT' },
  });

  expect((await invoke('app:getState', { 'content-type': 'text/plain', 'x-social-desk-bridge': '1' })).status).toBe(403);
  expect((await invoke('app:getState', { 'content-type': 'application/json' })).status).toBe(403);
  expect((await invoke('app:getState', { ...json, origin: 'https://evil.example' })).status).toBe(403);
  expect((await raw(bridge.port, '/__bridge/invoke/app:getState', { headers: { host, cookie } })).status).toBe(405);
});

test('static files: right content types, nothing outside the renderer folder', async () => {
  const page = await raw(bridge.port, '/index.html', { headers: { host, cookie } });
  const assets = [...page.body.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1] as string);
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) {
    const res = await raw(bridge.port, `/${asset}`, { headers: { host, cookie } });
    expect(res.status, asset).toBe(200);
    expect(res.headers['content-type'], asset).toBe(asset.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
  }
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json', '/%00', '/assets/%E0%A4%A']) {
    const res = await raw(bridge.port, path, { headers: { host, cookie } });
    expect([403, 404], path).toContain(res.status);
    expect(res.body, path).not.toContain('"name": "social-desk"');
  }
  expect((await raw(bridge.port, '/nope.js', { headers: { host, cookie } })).status).toBe(404);
  expect((await raw(bridge.port, '/assets', { headers: { host, cookie } })).status).toBe(404);
});

test('stop() closes the port', async () => {
  await bridge.stop();
  await expect(raw(bridge.port, tokenPath, { headers: { host } })).rejects.toThrow(/ECONNREFUSED/);
});
