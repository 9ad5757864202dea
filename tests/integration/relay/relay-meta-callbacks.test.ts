/**
 * Meta's data-deletion and deauthorize callbacks, emulator → relay → desktop → relay:
 * the Facebook user who connected the Pages removes the app and asks for deletion. The device logs
 * an open request under the relay's confirmation code, marks the accounts that user's login granted
 * as revoked, deletes nothing until staff carry the request out (after seeing what it removes),
 * then removes that user's tokens and data and tells the relay, whose status page then says done.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { completeRequest, getRequest, listRequests } from '../../../src-main/privacy/deletion-requests';
import { previewForget } from '../../../src-main/privacy/forget';
import { grantingUserVia } from '../../../src-main/relay/granting-user';
import { RelayRunner } from '../../../src-main/relay/relay-runner';
import { discoverAccounts } from '../../../src-main/sync/discovery';
import { makeRelayHarness, until, VERIFY_TOKEN, type RelayHarness } from '../../support/relay-harness';

let h: RelayHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function setUp(): Promise<RelayHarness> {
  const harness = await makeRelayHarness();
  // The Pages are connected through the Page admin's Facebook login (not the system user).
  const { sync } = harness;
  await discoverAccounts({ client: sync.client, repos: sync.core.repos, now: Date.now, progress: () => {}, written: { count: 0 } }, sync.emulator.tokens.user, 'facebook');
  await harness.service.pair(harness.relay.url, await harness.pairCode(), 'test device');
  await sync.control('webhooks/subscribe', { method: 'POST', body: { url: `${harness.relay.url}/webhooks/meta`, verifyToken: VERIFY_TOKEN, retryBaseMs: 20, maxAttempts: 20 } });
  return harness;
}

const grants = (harness: RelayHarness) => harness.sync.core.repos.db.prepare('SELECT count(*) FROM credential_grants').pluck().get() as number;
const tokens = (harness: RelayHarness) => harness.sync.core.repos.db.prepare('SELECT count(*) FROM credentials').pluck().get() as number;

describe('Meta data-deletion and deauthorize callbacks, end to end', () => {
  it('logs the request open, deletes nothing until staff carry it out, then removes the login\'s tokens and reports done to the relay', async () => {
    h = await setUp();
    const harness = h;
    const repos = h.sync.core.repos;
    const stop = h.listen();
    // On connecting, the device notes who granted each Facebook token while they still work.
    await until(() => grants(harness) > 0, 'the granting user of each Facebook-login token');
    const adminId = h.sync.emulator.world.user.id;
    const accountsBefore = repos.accounts.list().length;
    const messagesBefore = repos.db.prepare('SELECT count(*) FROM messages').pluck().get();
    const tokensBefore = tokens(h);

    const called = (await h.sync.control('webhooks/data-deletion', { method: 'POST', body: { url: `${h.relay.url}/meta/data-deletion` } })) as { status: number; body: { url: string; confirmation_code: string } };
    expect(called.status).toBe(200);
    const code = called.body.confirmation_code;
    expect(code).toMatch(/^MD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await until(() => listRequests(repos).some((r) => r.code === code), 'the request in the deletion-request log');

    // Open, from Meta's callback, naming the user and the logins it will remove; nothing deleted yet.
    const request = getRequest(repos, code);
    expect(request).toMatchObject({ status: 'open', source: 'meta_callback', requester: adminId });
    expect(request.note).toContain('This Facebook user connected:');
    expect(request.note).toMatch(/access tokens/);
    expect(repos.accounts.list()).toHaveLength(accountsBefore);
    expect(tokens(h)).toBe(tokensBefore);
    expect(repos.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(messagesBefore);
    // The person removed the app: the accounts their login granted show "access revoked".
    expect(repos.accounts.list().filter((a) => a.status === 'needs_reconnect').length).toBe(grants(h));
    const page = async () => (await fetch(called.body.url)).text();
    expect(await page()).toContain('Status: pending');
    // Redelivery of the same envelope (seq already stored) logs nothing twice.
    expect(listRequests(repos).filter((r) => r.code === code)).toHaveLength(1);

    // Staff look at what carrying it out removes (the forget preview for that id), then confirm.
    expect(previewForget(repos.db, { handleOrId: adminId })).toMatchObject({ total: expect.any(Number) });
    completeRequest(repos, code, Date.now());
    await h.service.followUpMetaCallbacks({ noteGrants: false });
    expect(await page()).toContain('Status: done');
    expect(getRequest(repos, code)).toMatchObject({ status: 'done', requester: null });
    expect(repos.db.prepare('SELECT count(*) FROM credentials c JOIN accounts a ON a.id = c.account_id WHERE a.login_kind = \'facebook\'').pluck().get()).toBe(0);
    expect(h.service.links.pendingDeletionCodes()).toEqual([]);
    // Done: nothing in the store names that user any more (the id, or the logins they made).
    const everything = JSON.stringify([repos.db.prepare('SELECT * FROM deletion_requests').all(), repos.db.prepare('SELECT * FROM relay_meta_requests').all(), repos.db.prepare('SELECT * FROM credential_grants').all()]);
    expect(everything).not.toContain(adminId);
    expect(getRequest(repos, code).note).toMatch(/carried out: \d+ access tokens? granted by this user removed/);
    await stop();
  });

  it('deauthorize marks the accounts that user connected as revoked and deletes nothing', async () => {
    h = await setUp();
    const harness = h;
    const repos = h.sync.core.repos;
    const stop = h.listen();
    await until(() => grants(harness) > 0, 'the granting users');
    const tokensBefore = tokens(h);
    const deauth = (await h.sync.control('webhooks/deauthorize', { method: 'POST', body: { url: `${h.relay.url}/meta/deauthorize` } })) as { status: number };
    expect(deauth.status).toBe(200);
    await until(() => repos.accounts.list().some((a) => a.status === 'needs_reconnect'), 'the revoked accounts');
    const revoked = repos.accounts.list().filter((a) => a.status === 'needs_reconnect');
    expect(revoked.length).toBe(grants(h));
    expect(revoked[0]?.statusDetail).toMatch(/removed the app/);
    expect(tokens(h)).toBe(tokensBefore);
    expect(listRequests(repos).filter((r) => r.source === 'meta_callback')).toEqual([]);
    await stop();
  });

  it('a callback for an id the app does not know still gets a logged request, and the relay hears "done" only once staff carry it out', async () => {
    h = await setUp();
    const stop = h.listen();
    const called = (await h.sync.control('webhooks/data-deletion', { method: 'POST', body: { url: `${h.relay.url}/meta/data-deletion`, userId: '10223344' } })) as { body: { url: string; confirmation_code: string } };
    const repos = h.sync.core.repos;
    const code = called.body.confirmation_code;
    await until(() => listRequests(repos).some((r) => r.code === code), 'the request');
    expect(getRequest(repos, code).note).toContain('No connected account was granted by this Facebook user');
    expect(await h.service.followUpMetaCallbacks()).toEqual([]);
    expect(await (await fetch(called.body.url)).text()).toContain('Status: pending');
    completeRequest(repos, code, Date.now());
    expect(await h.service.followUpMetaCallbacks()).toEqual([code]);
    expect(await (await fetch(called.body.url)).text()).toContain('Status: done');
    await stop();
  });

  it('in the app: carrying the request out in Privacy tells the relay, with no command', async () => {
    h = await setUp();
    h.service.unpair();
    const core = h.sync.core;
    const runner = new RelayRunner(core, async () => undefined, grantingUserVia(h.sync.client, core.repos));
    try {
      await runner.pair(h.relay.url, await h.pairCode());
      const harness = h;
      await until(() => grants(harness) > 0, 'the granting users, noted on connecting');
      const called = (await h.sync.control('webhooks/data-deletion', { method: 'POST', body: { url: `${h.relay.url}/meta/data-deletion` } })) as { body: { url: string; confirmation_code: string } };
      const code = called.body.confirmation_code;
      await until(() => listRequests(core.repos).some((r) => r.code === code), 'the request in the log');
      // What the 'privacy:completeRequest' handler does: carry it out, then announce the change.
      completeRequest(core.repos, code, Date.now());
      core.events.emit('store:changed', { what: ['all'] });
      await until(async () => (await (await fetch(called.body.url)).text()).includes('Status: done'), "the relay's status page saying done");
      expect(runner.service.links.pendingDeletionCodes()).toEqual([]);
    } finally {
      await runner.stop();
    }
  });
});
