import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { resolveGraphConfig } from '../../../src-main/meta/config';
import { AppServices } from '../../../src-main/services/app-services';
import { makeCore } from '../../support/core';
import { createFakeKeychain } from '../../support/fake-keychain';
import { makeTempDir } from '../../support/temp-dir';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';

let h: ServicesHarness;
let emulator: ServicesHarness['emulator'];
let core: ServicesHarness['core'];
let services: ServicesHarness['services'];
let call: ServicesHarness['call'];
let clock: ServicesHarness['clock'];

beforeAll(async () => {
  h = await makeServicesHarness('accounts');
  ({ emulator, core, services, call, clock } = h);
});
afterAll(() => h.close());

const messages = () => (core.repos.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;

describe('accounts through the IPC handlers', () => {
  it('refuses an expired token with AUTH_EXPIRED and stores nothing', async () => {
    const result = await call('accounts:connectToken', { token: emulator.tokens.expiredUser });
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH_EXPIRED' } });
    expect(core.repos.accounts.list()).toEqual([]);
  });

  it('rejects malformed arguments before touching anything', async () => {
    expect(await call('accounts:connectToken', { token: 'short' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call('accounts:remove', { accountId: 1, confirm: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('connects a pasted system-user token, syncs, and never returns the token', async () => {
    const result = await call('accounts:connectToken', { token: emulator.tokens.systemUser });
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain(emulator.tokens.systemUser);
    const connected = (result as { ok: true; data: Array<{ network: string; loginKind: string }> }).data;
    expect(connected.map((a) => a.network).sort()).toEqual(['facebook', 'instagram']);
    expect(connected.every((a) => a.loginKind === 'system_user')).toBe(true);
    await services.sync.run(null);
    expect(messages()).toBeGreaterThan(0);
    const status = await call('sync:getStatus', undefined);
    expect(status).toMatchObject({ ok: true, data: { online: true } });
    const budget = (status as { ok: true; data: { budget: Array<{ percent: number }> } }).data.budget;
    expect(budget.length).toBeGreaterThan(0);
  });

  it('reports token health from /debug_token', async () => {
    const [account] = core.repos.accounts.list();
    const health = await call('accounts:checkHealth', { accountId: account!.id });
    expect(health).toMatchObject({ ok: true, data: { isValid: true, expiresAt: null } });
    expect((health as { ok: true; data: { scopes: string[] } }).data.scopes).toContain('instagram_manage_insights');
  });

  it('a dead token puts the account in "needs reconnect"; reconnecting keeps every byte of history', async () => {
    const instagram = core.repos.accounts.list().find((a) => a.network === 'instagram')!;
    const before = messages();
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'token-expired', count: 50 }) });
    clock.now += 3_600_000;
    await services.sync.run(instagram.id);
    expect(core.repos.accounts.get(instagram.id)).toMatchObject({ status: 'needs_reconnect' });
    expect(core.repos.accounts.get(instagram.id)!.statusDetail).toMatch(/Reconnect/);
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
    await call('accounts:connectToken', { token: emulator.tokens.systemUser });
    await services.sync.run(null);
    expect(core.repos.accounts.get(instagram.id)).toMatchObject({ status: 'active' });
    expect(messages()).toBeGreaterThanOrEqual(before);
  });

  it('revoking with a token that cannot take back the grant says where to do it instead', async () => {
    const page = core.repos.accounts.list().find((a) => a.network === 'facebook')!;
    const result = await call('accounts:revoke', { accountId: page.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/Business integrations/) } });
  });

  it('removes one account and everything it owns, and says what went', async () => {
    const page = core.repos.accounts.list().find((a) => a.network === 'facebook')!;
    const result = await call('accounts:remove', { accountId: page.id, confirm: 'REMOVE' });
    expect(result).toMatchObject({ ok: true, data: { accountName: page.name } });
    expect((result as { ok: true; data: { removed: { posts: number } } }).data.removed.posts).toBeGreaterThan(0);
    expect(core.repos.accounts.get(page.id)).toBeNull();
    expect(core.repos.db.prepare('SELECT count(*) AS n FROM posts WHERE account_id = ?').get(page.id)).toEqual({ n: 0 });
    expect(core.repos.audit.list(5).some((e) => e.action === 'account.removed')).toBe(true);
  });
});

describe('scheduler', () => {
  it('never runs one account twice at once: a second request joins the first', async () => {
    const instagram = core.repos.accounts.list().find((a) => a.network === 'instagram')!;
    const first = services.sync.scheduler.runAccount(instagram.id);
    const second = services.sync.scheduler.runAccount(instagram.id);
    expect(second).toBe(first);
    await first;
  });

  it('offline is a state with a back-off, not an error loop', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer();
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const tmp = makeTempDir();
    const offlineCore = makeCore(join(tmp.dir, 'data'), createFakeKeychain('offline'), { now: () => clock.now });
    const offline = new AppServices(offlineCore, { graphConfig: resolveGraphConfig({ GRAPH_API_BASE_URL: `http://127.0.0.1:${port}` }), autoStart: false });
    offlineCore.start();
    offlineCore.createVault('os-keychain');
    const id = offlineCore.repos.accounts.upsert({ network: 'instagram', externalId: '1784', name: 'Brand', loginKind: 'system_user' }, clock.now);
    offlineCore.repos.accounts.setCredential(id, { tokenKind: 'system_user', accessToken: 'EAAtoken-offline' }, clock.now);
    const [result] = await offline.sync.run(id);
    expect(result).toMatchObject({ offline: true, status: 'partial' });
    expect(offline.sync.status()).toMatchObject({ online: false, accounts: [{ accountId: id, running: false }] });
    expect(offline.sync.status().accounts[0]!.pausedUntil).toBeGreaterThan(clock.now);
    offlineCore.close();
    tmp.cleanup();
  });
});
