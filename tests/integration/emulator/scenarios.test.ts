import { afterAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator/server';
import type { Scenario } from '../../../src-main/emulator/world/types';
import { call, errorOf, start, truth, u } from './helpers';

const running: RunningEmulator[] = [];
async function world(scenario: Scenario): Promise<{ emu: RunningEmulator; igId: string; pageId: string; token: string }> {
  const emu = await start(scenario);
  running.push(emu);
  const igId = emu.world.igAccounts[0]!.id;
  const pageId = emu.world.pages[0]!.id;
  return { emu, igId, pageId, token: emu.tokens.pages[pageId]! };
}
afterAll(() => Promise.all(running.map((e) => e.stop())));

type Listing = { data: Array<{ id: string }>; paging?: { next?: string } };

describe('scenario converted: one post from before the business conversion', () => {
  it('fails the whole page when insights are nested, and that post alone when asked directly', async () => {
    const { emu, igId, token } = await world('converted');
    const t = await truth(emu);
    const account = t.accounts.find((a) => a.id === igId)!;
    expect(account.mediaIds).toHaveLength(100);
    const oldest = account.mediaIds!.at(-1)!;
    expect(account.insightsBlocked).toEqual({ [oldest]: 'before_business_conversion' });
    const nested = await call(u(emu.url, `/v25.0/${igId}/media`, { fields: 'id,insights.metric(reach,views)', limit: 100, access_token: token }));
    expect(nested.status).toBe(400);
    expect(errorOf(nested.body)).toMatchObject({ code: 100, error_subcode: 2108006 });
    const bare = await call<Listing>(u(emu.url, `/v25.0/${igId}/media`, { fields: 'id,timestamp', limit: 100, access_token: token }));
    expect(bare.body.data).toHaveLength(100);
    const direct = await call(u(emu.url, `/v25.0/${oldest}/insights`, { metric: 'reach', access_token: token }));
    expect(errorOf(direct.body)).toMatchObject({ code: 100, error_subcode: 2108006 });
    const fine = await call(u(emu.url, `/v25.0/${account.mediaIds![0]}/insights`, { metric: 'reach', access_token: token }));
    expect(fine.status).toBe(200);
  });
});

describe('scenario insights-gaps', () => {
  it('answers code 10 for media the app may not read and "does not support" for ad media', async () => {
    const { emu, igId, token } = await world('insights-gaps');
    const blocked = (await truth(emu)).accounts.find((a) => a.id === igId)!.insightsBlocked!;
    const reasons = Object.values(blocked);
    expect(reasons.filter((r) => r === 'before_business_conversion')).toHaveLength(90);
    const denied = Object.keys(blocked).filter((id) => blocked[id] === 'no_permission');
    const ads = Object.keys(blocked).filter((id) => blocked[id] === 'unsupported_product_type');
    expect([denied.length, ads.length]).toEqual([2, 2]);
    const d = await call(u(emu.url, `/v25.0/${denied[0]}/insights`, { metric: 'reach', access_token: token }));
    expect(errorOf(d.body)).toMatchObject({ code: 10 });
    const a = await call(u(emu.url, `/v25.0/${ads[0]}/insights`, { metric: 'reach', access_token: token }));
    expect(errorOf(a.body).code).toBe(100);
    expect(errorOf(a.body).message).toMatch(/does not support the reach metric for this media product type/);
  });

  it('serves pages shorter than the limit and still links the next one', async () => {
    const { emu, igId, token } = await world('insights-gaps');
    const first = await call<Listing>(u(emu.url, `/v25.0/${igId}/media`, { fields: 'id', limit: 100, access_token: token }));
    expect(first.body.data.length).toBeLessThan(100);
    expect(first.body.data.length).toBeGreaterThan(0);
    expect(first.body.paging?.next).toMatch(/^https:\/\/graph\.facebook\.com\//);
  });
});

describe('scenario small-account: under 100 followers', () => {
  it('refuses follower_count and demographics but still gives daily totals', async () => {
    const { emu, igId, token } = await world('small-account');
    expect((await truth(emu)).accounts.find((a) => a.id === igId)!.followers).toBeLessThan(100);
    const since = Math.floor(emu.world.now / 1000) - 10 * 86_400;
    const followers = await call(u(emu.url, `/v25.0/${igId}/insights`, { metric: 'follower_count', period: 'day', since, until: since + 5 * 86_400, access_token: token }));
    expect(errorOf(followers.body).code).toBe(10);
    const demographics = await call(u(emu.url, `/v25.0/${igId}/insights`, { metric: 'follower_demographics', period: 'lifetime', metric_type: 'total_value', breakdown: 'age', access_token: token }));
    expect(errorOf(demographics.body).code).toBe(10);
    const totals = await call(u(emu.url, `/v25.0/${igId}/insights`, { metric: 'views', period: 'day', metric_type: 'total_value', since, until: since + 86_400, access_token: token }));
    expect(totals.status).toBe(200);
  });
});

describe('scenario heavy: code 1 for a listing asking too much', () => {
  it('refuses 100 media with two nested edges, accepts a smaller page', async () => {
    const { emu, igId, token } = await world('heavy');
    const fields = 'id,insights.metric(reach),comments.limit(50){id,text}';
    const heavy = await call(u(emu.url, `/v25.0/${igId}/media`, { fields, limit: 100, access_token: token }));
    expect(heavy.status).toBe(500);
    expect(errorOf(heavy.body)).toMatchObject({ code: 1, message: "Please reduce the amount of data you're asking for, then retry your request" });
    const lighter = await call<Listing>(u(emu.url, `/v25.0/${igId}/media`, { fields, limit: 50, access_token: token }));
    expect(lighter.status).toBe(200);
    expect(lighter.body.data).toHaveLength(50);
  });
});

describe('scenario long-threads', () => {
  it('gives every message of a Messenger thread with details, only the 20 newest of an Instagram one', async () => {
    const { emu, igId, pageId, token } = await world('long-threads');
    const t = await truth(emu);
    const messenger = t.accounts.find((a) => a.id === pageId)!.conversations.find((c) => c.visibleMessageIds.length > 30)!;
    expect(messenger.retrievableMessageIds).toEqual(messenger.visibleMessageIds);
    const old = await call<Record<string, unknown>>(u(emu.url, `/v25.0/${messenger.visibleMessageIds[25]}`, { fields: 'id,message,reply_to,is_owner', access_token: token }));
    expect(old.status).toBe(200);
    expect(old.body).toHaveProperty('message');
    expect(typeof old.body.is_owner).toBe('boolean');
    const instagram = t.accounts.find((a) => a.id === igId)!.conversations.find((c) => c.visibleMessageIds.length > 20)!;
    expect(instagram.historyLimited).toBe(true);
    const withheld = await call(u(emu.url, `/v25.0/${instagram.visibleMessageIds[20]}`, { fields: 'id,message', access_token: token }));
    expect(errorOf(withheld.body).message).toMatch(/deleted/);
  });

  it('quotes earlier messages with reply_to {mid}', async () => {
    const { emu, pageId, token } = await world('long-threads');
    const conv = (await truth(emu)).accounts.find((a) => a.id === pageId)!.conversations[0]!;
    const r = await call<{ messages: { data: Array<{ id: string; reply_to?: { mid: string } }> } }>(
      u(emu.url, `/v25.0/${conv.id}`, { fields: 'messages.limit(100){id,reply_to}', access_token: token }),
    );
    const quoting = r.body.messages.data.filter((m) => m.reply_to);
    expect(quoting.length).toBeGreaterThan(0);
    for (const m of quoting) expect(conv.visibleMessageIds).toContain(m.reply_to!.mid);
  });
});

describe('an Instagram Login token', () => {
  it('works on graph.instagram.com and cannot be inspected with debug_token', async () => {
    const { emu, igId } = await world('small');
    const igToken = emu.tokens.instagram[igId]!;
    const me = await call<{ user_id: string }>(u(emu.url, '/ig/v25.0/me', { fields: 'user_id,username', access_token: igToken }));
    expect(me.body.user_id).toBe(igId);
    const debug = await call<{ data: { is_valid: boolean } }>(u(emu.url, '/v25.0/debug_token', { input_token: igToken, access_token: emu.tokens.app }));
    expect(debug.body.data.is_valid).toBe(false);
  });
});
