import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator/server';
import { call, errorOf, form, NOW, start, truth, u } from './helpers';

let emu: RunningEmulator;
let igId: string;
let mediaUrl: string;

beforeAll(async () => {
  emu = await start('demo');
  igId = emu.world.igAccounts[0]!.id;
  mediaUrl = u(emu.url, `/v25.0/${igId}/media`, { limit: 2, access_token: emu.tokens.systemUser });
});
afterAll(() => emu.stop());

async function fault(spec: Record<string, unknown>): Promise<void> {
  const r = await call(`${emu.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify(spec) });
  expect(r.status).toBe(200);
}

describe('faults', () => {
  it('http429 fires once on a matching path', async () => {
    await fault({ kind: 'http429', match: '/media' });
    const r = await call(mediaUrl);
    expect(r.status).toBe(429);
    expect(errorOf(r.body).code).toBe(4);
    expect((await call(mediaUrl)).status).toBe(200);
  });

  it('http500 honours after and count', async () => {
    await fault({ kind: 'http500', match: '/media', after: 1, count: 2 });
    expect((await call(mediaUrl)).status).toBe(200);
    const r = await call(mediaUrl);
    expect(r.status).toBe(500);
    expect(errorOf(r.body)).toMatchObject({ code: 2, is_transient: true });
    expect((await call(mediaUrl)).status).toBe(500);
    expect((await call(mediaUrl)).status).toBe(200);
  });

  it('timeout holds the response for the configured time', async () => {
    await fault({ kind: 'timeout', match: '/media', ms: 400 });
    const t0 = Date.now();
    const r = await call(mediaUrl);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
    expect(r.status).toBe(200);
    await fault({ kind: 'timeout', match: '/media', ms: 5000 });
    await expect(fetch(mediaUrl, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    await call(`${emu.url}/__emulator/faults`, { method: 'DELETE' });
  });

  it('timeout holds are released when the emulator stops', async () => {
    const other = await start('small');
    await call(`${other.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'timeout' }) });
    const pending = fetch(u(other.url, '/v25.0/me', { access_token: other.tokens.systemUser })).then(
      () => 'answered',
      () => 'closed',
    );
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await other.stop();
    expect(await pending).toBe('closed');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('malformed-json returns truncated JSON with 200', async () => {
    await fault({ kind: 'malformed-json', match: '/media' });
    const res = await fetch(mediaUrl);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('token-expired answers 190/463 for a valid token', async () => {
    await fault({ kind: 'token-expired', match: '/media' });
    expect(errorOf((await call(mediaUrl)).body)).toMatchObject({ code: 190, error_subcode: 463 });
  });

  it('rate-limit throttles with the code for the object (or a forced one)', async () => {
    await fault({ kind: 'rate-limit', match: '/media' });
    const res = await fetch(mediaUrl);
    expect(errorOf(await res.json()).code).toBe(80002);
    const buc = JSON.parse(res.headers.get('x-business-use-case-usage')!) as Record<string, Array<{ type: string; estimated_time_to_regain_access: number }>>;
    expect(buc[igId]![0]).toMatchObject({ type: 'instagram' });
    expect(buc[igId]![0]!.estimated_time_to_regain_access).toBeGreaterThan(0);
    await fault({ kind: 'rate-limit', match: '/media', code: 613 });
    expect(errorOf((await call(mediaUrl)).body).code).toBe(613);
  });

  it('batch-partial nulls the second half; item faults hit single batch items', async () => {
    const batch = JSON.stringify(Array.from({ length: 4 }, () => ({ method: 'GET', relative_url: `${igId}?fields=username` })));
    await fault({ kind: 'batch-partial' });
    const r = await call<unknown[]>(`${emu.url}/v25.0/`, form({ access_token: emu.tokens.systemUser, batch }));
    expect(r.status).toBe(200);
    expect(r.body.map((x) => x === null)).toEqual([false, false, true, true]);
    await fault({ kind: 'http500', match: '/media' });
    const items = JSON.stringify([{ method: 'GET', relative_url: 'me' }, { method: 'GET', relative_url: `${igId}/media?limit=1` }]);
    const r2 = await call<Array<{ code: number }>>(`${emu.url}/v25.0/`, form({ access_token: emu.tokens.systemUser, batch: items }));
    expect(r2.body.map((x) => x.code)).toEqual([200, 500]);
  });

  it('rejects unknown fault kinds and clears faults', async () => {
    expect((await call(`${emu.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'meteor' }) })).status).toBe(400);
    await fault({ kind: 'http500', count: 5 });
    await call(`${emu.url}/__emulator/faults`, { method: 'DELETE' });
    expect((await call(mediaUrl)).status).toBe(200);
  });
});

describe('control', () => {
  it('counts calls per path template', async () => {
    await call(`${emu.url}/__emulator/reset-stats`, { method: 'POST' });
    await call(mediaUrl);
    await call(mediaUrl);
    await call(u(emu.url, `/v25.0/${emu.world.pages[0]!.id}`, { access_token: emu.tokens.systemUser }));
    await call(u(emu.url, '/ig/v25.0/me/media', { access_token: emu.tokens.instagram[igId]! }));
    const stats = (await call<{ httpRequests: number; operations: number; byTemplate: Record<string, number> }>(`${emu.url}/__emulator/stats`)).body;
    expect(stats).toEqual({
      httpRequests: 4,
      operations: 4,
      byTemplate: { 'GET /{ig-user-id}/media': 2, 'GET /{page-id}': 1, 'GET [ig] /me/media': 1 },
    });
  });

  it('advance makes new items appear; a since-based sync finds exactly those', async () => {
    const before = await truth(emu);
    const adv = await call<{ now: number; added: number }>(`${emu.url}/__emulator/advance`, { method: 'POST', body: JSON.stringify({ ms: 30 * 3_600_000 }) });
    expect(adv.body.now).toBe(NOW + 30 * 3_600_000);
    expect(adv.body.added).toBeGreaterThan(0);
    const after = await truth(emu);
    expect(after.totals.messages).toBeGreaterThan(before.totals.messages!);
    expect(after.totals.comments).toBeGreaterThan(before.totals.comments!);
    const oldIds = new Set(before.accounts[0]!.mediaIds);
    const fresh = after.accounts[0]!.mediaIds!.filter((id) => !oldIds.has(id));
    expect(fresh.length).toBeGreaterThan(0);
    const sync = await call<{ data: Array<{ id: string }> }>(u(emu.url, `/v25.0/${igId}/media`, { since: Math.floor(NOW / 1000) + 1, access_token: emu.tokens.systemUser }));
    expect(sync.body.data.map((m) => m.id)).toEqual(fresh);
    const threads = await call<{ data: Array<{ updated_time: string }> }>(
      u(emu.url, `/v25.0/${emu.world.pages[0]!.id}/conversations`, { platform: 'instagram', limit: 5, access_token: emu.tokens.pages[emu.world.pages[0]!.id]! }),
    );
    expect(Date.parse(threads.body.data[0]!.updated_time.replace('+0000', 'Z'))).toBeGreaterThan(NOW);
  });
});
