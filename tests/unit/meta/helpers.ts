/**
 * Test helpers for the Meta client: load the shared real payload samples and fake `fetch` so no
 * test touches the network.
 */
import { resolveGraphConfig, type GraphConfig } from '../../../src-main/meta/config';

export { fixture, fixtureBytes } from '../../support/meta-fixtures';

/** One request seen by the fake fetch. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  signal: AbortSignal | undefined;
}

/** A fake fetch answering from `handler` and recording every request. */
export function fakeFetch(handler: (req: SeenRequest, index: number) => Response | Promise<Response>) {
  const calls: SeenRequest[] = [];
  const fetchImpl = async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const body = init?.body === undefined || init.body === null ? '' : String(init.body);
    const req: SeenRequest = {
      method: init?.method ?? 'GET',
      url: new URL(input.toString()),
      headers: new Headers(init?.headers),
      body,
      signal: init?.signal ?? undefined,
    };
    calls.push(req);
    return handler(req, calls.length - 1);
  };
  return { fetch: fetchImpl, calls };
}

/** JSON response with optional headers. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A fetch failure the way Node's undici reports an unreachable host. */
export function connectionRefused(): TypeError {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8787'), { code: 'ECONNREFUSED' });
  return new TypeError('fetch failed', { cause });
}

/** A fake clock whose sleep advances time instantly. */
export function fakeClock(start = Date.UTC(2026, 6, 1)) {
  const clock = { t: start, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.t,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
}

/** Config pointing both hosts at a local stand-in, like the emulator. */
export function emulatorConfig(): GraphConfig {
  return resolveGraphConfig({ GRAPH_API_BASE_URL: 'http://127.0.0.1:8787' });
}

/** A token-shaped secret that must never show up in error text. */
export const SECRET_TOKEN = 'EAAGtestTOKENvalue1234567890abcdefSECRET';
