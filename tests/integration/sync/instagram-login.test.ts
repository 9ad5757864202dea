import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';

interface Truth {
  accounts: Array<{ kind: string; id: string; mediaIds?: string[]; commentIds: string[]; conversations: Array<{ id: string; retrievableMessageIds: string[] }> }>;
}

let h: ServicesHarness;
let accountId: number;
let igId: string;
let truth: Truth;
const control = async (path: string) => (await fetch(`${h.emulator.url}/__emulator/${path}`)).json() as Promise<unknown>;

beforeAll(async () => {
  h = await makeServicesHarness('instagram-login');
  igId = h.emulator.world.igAccounts[0]!.id;
  const expiresAt = h.clock.now + 50 * 86_400_000;
  const [account] = await h.services.accounts.connectInstagramToken(h.emulator.tokens.instagram[igId]!, expiresAt);
  accountId = account!.id;
  await h.services.sync.run(accountId);
  truth = (await control('truth')) as Truth;
});
afterAll(() => h.close());

describe('an Instagram Login account (graph.instagram.com only)', () => {
  it('syncs every post, comment and Instagram message Meta holds, without a Page', () => {
    const ig = truth.accounts.find((a) => a.kind === 'instagram' && a.id === igId)!;
    const ids = (sql: string) => (h.core.repos.db.prepare(sql).all(accountId) as Array<{ id: string }>).map((r) => r.id).sort();
    expect(ids('SELECT external_id AS id FROM posts WHERE account_id = ?')).toEqual([...ig.mediaIds!].sort());
    expect(ids('SELECT external_id AS id FROM comments WHERE account_id = ?')).toEqual([...ig.commentIds].sort());
    expect(ids('SELECT m.external_id AS id FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.account_id = ?')).toEqual(
      ig.conversations.flatMap((c) => c.retrievableMessageIds).sort(),
    );
  });

  it('reports token health from GET /me on its own host and the recorded expiry, never debug_token', async () => {
    await fetch(`${h.emulator.url}/__emulator/reset-stats`, { method: 'POST' });
    const health = await h.call('accounts:checkHealth', { accountId });
    const credential = h.core.repos.accounts.getCredential(accountId)!;
    expect(health).toMatchObject({ ok: true, data: { tokenKind: 'instagram_user', isValid: true, expiresAt: credential.expiresAt, advice: null } });
    const stats = (await control('stats')) as { byTemplate: Record<string, number> };
    expect(stats.byTemplate).toEqual({ 'GET [ig] /me': 1 });
  });

  it('says reconnect once Meta rejects the token', async () => {
    const credential = h.core.repos.accounts.getCredential(accountId)!;
    h.emulator.world.tokens.find((t) => t.token === credential.accessToken)!.revoked = true;
    const health = await h.call('accounts:checkHealth', { accountId });
    expect(health).toMatchObject({ ok: true, data: { isValid: false, advice: expect.stringMatching(/reconnect/) } });
  });
});
