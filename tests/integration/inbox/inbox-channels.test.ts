import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgsOf, Channel, ConversationFilter, Result, ResultOf } from '../../../src-preload/contract';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';

let h: ServicesHarness;
const ALL: ConversationFilter = { accountId: null, platform: null, unread: false, needsReply: false, windowOpen: false, closingSoon: false, label: null, state: 'all' };

beforeAll(async () => {
  h = await makeServicesHarness('inbox-channels');
  await h.call('accounts:connectToken', { token: h.emulator.tokens.systemUser });
  await h.services.sync.run(null);
});
afterAll(() => h.close());

/** The dispatch, typed by the contract. */
const call = <C extends Channel>(channel: C, args: ArgsOf<C>) => h.call(channel, args) as Promise<Result<ResultOf<C>>>;

describe('inbox channels over a synced emulator account', () => {
  it('lists every stored conversation across accounts, with counts that match the store status', async () => {
    const page = await call('inbox:queryConversations', { filter: ALL, offset: 0, limit: 500 });
    const counts = await call('inbox:getCounts', undefined);
    const status = await call('store:getStatus', undefined);
    if (!page.ok || !counts.ok || !status.ok) throw new Error('a call failed');
    expect(page.data.total).toBeGreaterThan(0);
    expect(page.data.total).toBe(status.data.counts.conversations);
    expect(counts.data.total).toBe(status.data.counts.conversations);
    expect(counts.data.byAccount.reduce((sum, a) => sum + a.count, 0)).toBe(counts.data.total);
    expect(new Set(page.data.items.map((c) => c.accountName)).size).toBeGreaterThan(0);
    const times = page.data.items.map((c) => c.activityAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('triage round-trips through the contract and is announced; bad input is refused as data', async () => {
    const first = await call('inbox:queryConversations', { filter: ALL, offset: 0, limit: 1 });
    if (!first.ok) throw new Error('list failed');
    const id = first.data.items[0]?.id as number;
    const changes: unknown[] = [];
    const stop = h.core.events.on('store:changed', (change) => changes.push(change));
    expect(await call('inbox:setLabels', { conversationId: id, labels: ['Wholesale', 'wholesale', ' VIP '] })).toMatchObject({ ok: true, data: { labels: ['VIP', 'Wholesale'] } });
    expect(await call('inbox:setDone', { conversationId: id, done: true })).toMatchObject({ ok: true, data: { done: true } });
    expect(await call('inbox:setNote', { conversationId: id, note: 'Call back Monday' })).toMatchObject({ ok: true, data: { note: 'Call back Monday' } });
    stop();
    expect(changes).toEqual([{ what: ['triage'] }, { what: ['triage'] }, { what: ['triage'] }]);
    const labelled = await call('inbox:queryConversations', { filter: { ...ALL, label: 'VIP', state: 'done' }, offset: 0, limit: 10 });
    expect(labelled).toMatchObject({ ok: true, data: { total: 1, items: [{ id }] } });

    expect(await call('inbox:setLabels', { conversationId: id, labels: ['x'.repeat(41)] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call('inbox:setDone', { conversationId: 999_999, done: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('inbox:searchMessages', { query: 'a', accountId: null, platform: null, from: 10, to: 5, offset: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('saved replies refuse a second use of a shortcut with the reason', async () => {
    expect(await call('savedReplies:save', { title: 'Thanks', body: 'Thank you!', shortcut: '/thanks' })).toMatchObject({ ok: true, data: { shortcut: 'thanks' } });
    const again = await call('savedReplies:save', { title: 'Other', body: 'Hi', shortcut: 'thanks' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Another saved reply already uses the shortcut /thanks.' } });
  });

  it('search pages every hit with the total and opens in context with the window state', async () => {
    const sample = h.core.repos.db.prepare(`SELECT text FROM messages WHERE text IS NOT NULL AND length(text) > 20 LIMIT 1`).get() as { text: string };
    const word = sample.text.split(/[^A-Za-z]+/).filter((w) => w.length >= 4)[0] as string;
    const first = await call('inbox:searchMessages', { query: word, accountId: null, platform: null, from: null, to: null, offset: 0, limit: 2 });
    if (!first.ok) throw new Error('search failed');
    expect(first.data.total).toBeGreaterThanOrEqual(first.data.hits.length);
    const hit = first.data.hits[0];
    expect(hit?.runs.some((r) => r.match)).toBe(true);
    expect(['open', 'human-agent', 'closed']).toContain(hit?.replyWindow);
    const header = await call('inbox:getConversation', { conversationId: hit?.conversationId as number });
    expect(header).toMatchObject({ ok: true, data: { id: hit?.conversationId, replyWindow: hit?.replyWindow } });
  });
});
