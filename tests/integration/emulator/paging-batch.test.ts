import { readFileSync } from 'node:fs';
import { fixturePath } from '../../support/meta-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator/server';
import { call, errorOf, form, start, truth, u, type Truth } from './helpers';

const fixture = JSON.parse(readFileSync(fixturePath('graph-batch-response-first-item-error.json'), 'utf8')) as Array<{
  code: number;
  headers: Array<{ name: string; value: string }>;
  body: string;
}>;

let emu: RunningEmulator;
let t: Truth;
let igId: string;

beforeAll(async () => {
  emu = await start('demo');
  t = await truth(emu);
  igId = emu.world.igAccounts[0]!.id;
});
afterAll(() => emu.stop());

/** Rewrites Meta's absolute next URL onto the emulator, like the client does. */
function local(next: string): string {
  return next.replace('https://graph.facebook.com', emu.url);
}

describe('paging', () => {
  it('walks every media exactly once with limit capped at 100 and next on Meta’s host', async () => {
    const seen: string[] = [];
    let url: string | undefined = u(emu.url, `/v25.0/${igId}/media`, { limit: 500, fields: 'id,timestamp', access_token: emu.tokens.systemUser });
    let pages = 0;
    type MediaPage = { data: Array<{ id: string }>; paging?: { next?: string; cursors: { before: string; after: string } } };
    while (url) {
      const r: { status: number; body: MediaPage } = await call<MediaPage>(url);
      expect(r.status).toBe(200);
      expect(r.body.data.length).toBeLessThanOrEqual(100);
      seen.push(...r.body.data.map((m) => m.id));
      const next: string | undefined = r.body.paging?.next;
      if (next) {
        expect(next.startsWith(`https://graph.facebook.com/v25.0/${igId}/media?`)).toBe(true);
        expect(new URL(next).searchParams.get('limit')).toBe('100');
        expect(r.body.paging!.cursors.after).toMatch(/^[A-Za-z0-9_-]+$/);
      }
      url = next ? local(next) : undefined;
      pages++;
    }
    const expected = t.accounts.find((a) => a.id === igId)!.mediaIds!;
    expect(pages).toBe(Math.ceil(expected.length / 100));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected);
  });

  it('defaults to 25 per page and offers previous on later pages', async () => {
    const first = await call<{ data: unknown[]; paging: { next: string; previous?: string } }>(
      u(emu.url, `/v25.0/${igId}/media`, { access_token: emu.tokens.systemUser }),
    );
    expect(first.body.data).toHaveLength(25);
    expect(first.body.paging.previous).toBeUndefined();
    const second = await call<{ data: unknown[]; paging: { previous?: string } }>(local(first.body.paging.next));
    expect(second.body.paging.previous).toMatch(/^https:\/\/graph\.facebook\.com\//);
  });

  it('uses graph.instagram.com in next URLs on the IG host', async () => {
    const r = await call<{ paging: { next: string } }>(u(emu.url, '/ig/v25.0/me/media', { access_token: emu.tokens.instagram[igId]! }));
    expect(r.body.paging.next.startsWith('https://graph.instagram.com/v25.0/')).toBe(true);
  });
});

describe('batch', () => {
  it('answers a 3-item batch with one failing item like Meta’s fixture', async () => {
    const batch = [
      { method: 'GET', relative_url: 'me?fields=id,name' },
      { method: 'GET', relative_url: '2' },
      { method: 'GET', relative_url: `${igId}?fields=username` },
    ];
    const r = await call<typeof fixture>(`${emu.url}/v25.0/`, form({ access_token: emu.tokens.systemUser, batch: JSON.stringify(batch) }));
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(3);
    for (const item of r.body) {
      expect(Object.keys(item).sort()).toEqual(Object.keys(fixture[0]!).sort());
      expect(typeof item.body).toBe('string');
      for (const h of item.headers) expect(Object.keys(h).sort()).toEqual(['name', 'value']);
    }
    const failed = r.body[1]!;
    expect(failed.code).toBe(fixture[0]!.code);
    const err = errorOf(JSON.parse(failed.body));
    const fxErr = errorOf(JSON.parse(fixture[0]!.body));
    // Same keys as the fixture; 2026 Meta also adds error_subcode 33 to this error.
    expect(Object.keys(err)).toEqual(expect.arrayContaining(Object.keys(fxErr)));
    expect(err.error_subcode).toBe(33);
    expect(err.code).toBe(100);
    expect(err.type).toBe('GraphMethodException');
    expect(err.message).toContain("Object with ID '2' does not exist");
    const names = failed.headers.map((h) => h.name);
    expect(names).toEqual(expect.arrayContaining(['WWW-Authenticate', 'Facebook-API-Version', 'Content-Type']));
    expect(JSON.parse(r.body[2]!.body)).toEqual({ username: emu.world.igAccounts[0]!.username, id: igId });
  });

  it('rejects more than 50 items', async () => {
    const batch = Array.from({ length: 51 }, () => ({ method: 'GET', relative_url: 'me' }));
    const r = await call(`${emu.url}/v25.0/`, form({ access_token: emu.tokens.systemUser, batch: JSON.stringify(batch) }));
    expect(r.status).toBe(400);
    expect(errorOf(r.body).message).toContain('Maximum batch size is 50');
  });

  it('honours include_headers=false, named results and counts every item as a call', async () => {
    await call(`${emu.url}/__emulator/reset-stats`, { method: 'POST' });
    const batch = [
      { method: 'GET', name: 'media', relative_url: `${igId}/media?limit=3` },
      { method: 'GET', relative_url: '?ids={result=media:$.data.*.id}&fields=media_type' },
    ];
    const r = await call<Array<{ code: number; body: string; headers?: unknown } | null>>(
      `${emu.url}/v25.0`,
      form({ access_token: emu.tokens.systemUser, include_headers: 'false', batch: JSON.stringify(batch) }),
    );
    expect(r.body[0]).toBeNull();
    const second = r.body[1]!;
    expect(second.headers).toBeUndefined();
    const ids = Object.keys(JSON.parse(second.body) as object);
    expect(ids).toEqual(t.accounts.find((a) => a.id === igId)!.mediaIds!.slice(0, 3));
    const stats = (await call<{ operations: number; httpRequests: number; byTemplate: Record<string, number> }>(`${emu.url}/__emulator/stats`)).body;
    expect(stats.operations).toBe(2);
    expect(stats.httpRequests).toBe(1);
    expect(stats.byTemplate['GET /{ig-user-id}/media']).toBe(1);
  });
});
