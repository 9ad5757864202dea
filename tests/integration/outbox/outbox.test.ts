import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personUnavailable } from '../../../src-main/emulator/graph/send-limits';
import { visibleMessages } from '../../../src-main/emulator/graph/schema-messaging';
import { resolveGraphConfig } from '../../../src-main/meta/config';
import { GraphClient } from '../../../src-main/meta/graph-client';
import { OutboxService } from '../../../src-main/services/outbox/outbox-service';
import type { ArgsOf, Channel, OutboxItem, ResultOf } from '../../../src-preload/contract';
import { makeServicesHarness, type ServicesHarness } from '../../support/services-harness';

const HOUR = 3_600_000;
let h: ServicesHarness;

interface ConvRow {
  id: number;
  external_id: string;
  account_id: number;
  platform: string;
  last_incoming_at: number | null;
  person: string | null;
}

beforeAll(async () => {
  h = await makeServicesHarness('outbox');
  const connected = await h.call('accounts:connectToken', { token: h.emulator.tokens.systemUser });
  expect(connected.ok).toBe(true);
  await h.services.sync.run(null);
});
afterAll(() => h.close());

function conversations(): ConvRow[] {
  return h.core.repos.db
    .prepare(`SELECT c.id, c.external_id, c.account_id, c.platform, c.last_incoming_at, p.external_id AS person FROM conversations c LEFT JOIN people p ON p.id = c.person_id`)
    .all() as ConvRow[];
}

/** A stored thread whose person last wrote between `minHours` and `maxHours` ago. */
function threadAged(minHours: number, maxHours: number, platform?: string): ConvRow {
  const now = h.clock.now;
  const found = conversations().find(
    (c) =>
      c.last_incoming_at !== null &&
      now - c.last_incoming_at >= minHours * HOUR &&
      now - c.last_incoming_at < maxHours * HOUR &&
      (!platform || c.platform === platform) &&
      !personUnavailable(c.person ?? ''),
  );
  if (!found) throw new Error(`no stored thread aged ${minHours}-${maxHours} h`);
  return found;
}

/** The data of a successful IPC call, typed by its channel. */
async function ok<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const r = await h.call(channel, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as ResultOf<C>;
}

const worldTexts = (convExternalId: string) => visibleMessages(h.emulator.world, h.emulator.world.conversations[convExternalId]!).map((m) => m.text);
const storedOut = (convId: number, text: string) =>
  (h.core.repos.db.prepare(`SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND direction = 'out' AND text = ? AND is_deleted = 0`).get(convId, text) as { n: number }).n;

describe('replies inside the window', () => {
  it('are stored, sent, shown at once and not duplicated by the next sync (the echo)', async () => {
    const conv = threadAged(0, 20, 'instagram');
    const item = await ok('outbox:send', { conversationId: conv.id, text: 'Thanks! It ships today 📦' });
    expect(item).toMatchObject({ state: 'sent', kind: 'message', tag: null, reason: null });
    expect(worldTexts(conv.external_id)[0]).toBe('Thanks! It ships today 📦');
    expect(storedOut(conv.id, 'Thanks! It ships today 📦')).toBe(1);
    h.clock.now += 60_000;
    await h.services.sync.run(null);
    expect(storedOut(conv.id, 'Thanks! It ships today 📦')).toBe(1);
    const thread = await ok('outbox:forThread', { conversationId: conv.id });
    expect(thread.window.state).toBe('open');
    expect(thread.items.map((i: OutboxItem) => i.state)).toEqual(['sent']);
  });

  it('go to Messenger threads through the Page with messaging_type', async () => {
    const conv = conversations().find((c) => c.platform === 'messenger' && c.last_incoming_at !== null && h.clock.now - c.last_incoming_at > 24 * HOUR && h.clock.now - c.last_incoming_at < 100 * HOUR)!;
    await ok('outbox:setHumanAgent', { accountId: conv.account_id, allowed: true });
    const item = await ok('outbox:send', { conversationId: conv.id, text: 'A person from our team here — your table is booked.' });
    expect(item).toMatchObject({ state: 'sent', tag: 'HUMAN_AGENT' });
    const sent = visibleMessages(h.emulator.world, h.emulator.world.conversations[conv.external_id]!)[0]!;
    expect(sent).toMatchObject({ fromBusiness: true, tag: 'HUMAN_AGENT' });
    await ok('outbox:setHumanAgent', { accountId: conv.account_id, allowed: false });
  });
});

describe('refusals before sending', () => {
  it('after 24 h without Human Agent: refused with the reason, nothing queued', async () => {
    const conv = threadAged(30, 160, 'instagram');
    const before = (await ok('outbox:list', { limit: 500 })).length;
    const r = await h.call('outbox:send', { conversationId: conv.id, text: 'Hello?' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!r.ok && r.error.message).toMatch(/24-hour reply window has closed.*Human Agent/);
    expect(await ok('outbox:list', { limit: 500 })).toHaveLength(before);
    const thread = await ok('outbox:forThread', { conversationId: conv.id });
    expect(thread.window).toMatchObject({ state: 'closed', humanAgentAllowed: false });
  });

  it('after 7 days even with Human Agent', async () => {
    const conv = threadAged(8 * 24, 100_000, 'instagram');
    await ok('outbox:setHumanAgent', { accountId: conv.account_id, allowed: true });
    const r = await h.call('outbox:send', { conversationId: conv.id, text: 'Hello?' });
    expect(!r.ok && r.error.message).toMatch(/more than 7 days/);
    await ok('outbox:setHumanAgent', { accountId: conv.account_id, allowed: false });
  });

  it('rejects empty text and bad arguments as data', async () => {
    const conv = threadAged(0, 20);
    expect(await h.call('outbox:send', { conversationId: conv.id, text: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await h.call('outbox:send', { conversationId: -1, text: 'x' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('nothing lost', () => {
  it('offline: waits in the outbox with the reason and goes out when the network is back', async () => {
    const conv = threadAged(0, 20);
    let online = false;
    const offlineClient = new GraphClient({ config: resolveGraphConfig({ GRAPH_API_BASE_URL: 'http://127.0.0.1:9' }), now: () => h.clock.now });
    const outbox = new OutboxService({
      repos: h.core.repos,
      now: () => h.clock.now,
      clientFor: async () => (online ? h.services.sync.client : offlineClient),
    });
    const item = await outbox.send(conv.id, 'Sent while offline');
    expect(item).toMatchObject({ state: 'queued', reasonCode: 'offline' });
    expect(item.nextAttemptAt).toBeGreaterThan(h.clock.now);
    expect(worldTexts(conv.external_id)).not.toContain('Sent while offline');
    online = true;
    await outbox.processDue();
    expect(h.core.repos.outbox.get(item.id)?.state).toBe('queued');
    h.clock.now = item.nextAttemptAt!;
    await outbox.processDue();
    expect(h.core.repos.outbox.get(item.id)).toMatchObject({ state: 'sent', reason: null });
    expect(worldTexts(conv.external_id).filter((t) => t === 'Sent while offline')).toHaveLength(1);
  });

  it('offline for long: keeps looking at least once a minute (a failure that never reached Meta), so it goes soon after the network is back', async () => {
    const conv = threadAged(0, 20);
    let online = false;
    const offlineClient = new GraphClient({ config: resolveGraphConfig({ GRAPH_API_BASE_URL: 'http://127.0.0.1:9' }), now: () => h.clock.now });
    const outbox = new OutboxService({ repos: h.core.repos, now: () => h.clock.now, clientFor: async () => (online ? h.services.sync.client : offlineClient) });
    const item = await outbox.send(conv.id, 'Offline for an hour');
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const waiting = h.core.repos.outbox.get(item.id)!;
      expect(waiting).toMatchObject({ state: 'queued', reasonCode: 'offline' });
      waits.push(waiting.nextAttemptAt! - h.clock.now);
      h.clock.now = waiting.nextAttemptAt!;
      await outbox.processDue();
    }
    // 30 s, then a minute, and never the 15 minutes a rate limit would wait after 8 tries.
    expect(waits[0]).toBe(30_000);
    expect(Math.max(...waits)).toBe(60_000);
    online = true;
    h.clock.now = h.core.repos.outbox.get(item.id)!.nextAttemptAt!;
    await outbox.processDue();
    expect(h.core.repos.outbox.get(item.id)).toMatchObject({ state: 'sent' });
  });

  it('rate limited: waits with back-off, then sends', async () => {
    const conv = threadAged(0, 20);
    await fetch(`${h.emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'rate-limit', match: '/messages', code: 613 }) });
    const item = await ok('outbox:send', { conversationId: conv.id, text: 'Throttled once' });
    expect(item).toMatchObject({ state: 'queued', reasonCode: 'rate-limited' });
    expect(item.reason).toMatch(/limiting/);
    expect(item.nextAttemptAt).toBeGreaterThan(h.clock.now);
    // While Meta's throttle lasts, a retry waits in the outbox instead of inside the call.
    const early = await ok('outbox:retry', { id: item.id });
    expect(early.find((i: OutboxItem) => i.id === item.id)).toMatchObject({ state: 'queued', reasonCode: 'rate-limited' });
    // The usage reading goes stale after 10 minutes; by then the pause and our back-off are over.
    h.clock.now += 11 * 60_000;
    const retried = await ok('outbox:retry', { id: item.id });
    expect(retried.find((i: OutboxItem) => i.id === item.id)?.state).toBe('sent');
  });

  it('token expired: waits for the reconnect, then sends', async () => {
    const conv = threadAged(0, 20);
    await fetch(`${h.emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'token-expired', match: '/messages' }) });
    const item = await ok('outbox:send', { conversationId: conv.id, text: 'After reconnecting' });
    expect(item).toMatchObject({ state: 'queued', reasonCode: 'token-expired', nextAttemptAt: null });
    expect(h.core.repos.accounts.get(conv.account_id)?.status).toBe('needs_reconnect');
    await h.services.outbox.processDue();
    expect(h.core.repos.outbox.get(item.id)?.state).toBe('queued');
    h.core.repos.accounts.setStatus(conv.account_id, 'active', null, h.clock.now);
    await h.services.outbox.processDue();
    expect(h.core.repos.outbox.get(item.id)?.state).toBe('sent');
  });

  it('a crash between Meta accepting and recording sends once: the next run finds it in the thread', async () => {
    const conv = threadAged(0, 20);
    const crashing = new OutboxService({
      repos: h.core.repos,
      now: () => h.clock.now,
      clientFor: async () => h.services.sync.client,
      afterMetaAccepted: () => {
        throw new Error('killed');
      },
    });
    await expect(crashing.send(conv.id, 'Exactly once')).rejects.toThrow('killed');
    const stranded = h.core.repos.outbox.stranded();
    expect(stranded).toHaveLength(1);
    h.clock.now += 5_000;
    const nextRun = new OutboxService({ repos: h.core.repos, now: () => h.clock.now, clientFor: async () => h.services.sync.client });
    await nextRun.processDue();
    expect(h.core.repos.outbox.get(stranded[0]!.id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(worldTexts(conv.external_id).filter((t) => t === 'Exactly once')).toHaveLength(1);
    expect(storedOut(conv.id, 'Exactly once')).toBe(1);
  });

  it('a crash before Meta got it: the next run finds nothing and sends it', async () => {
    const conv = threadAged(0, 20);
    const item = h.core.repos.outbox.enqueue({ accountId: conv.account_id, kind: 'message', conversationId: conv.id, targetExternalId: conv.person!, text: 'Never reached Meta' }, h.clock.now);
    h.core.repos.outbox.markSending(item.id, h.clock.now);
    const nextRun = new OutboxService({ repos: h.core.repos, now: () => h.clock.now, clientFor: async () => h.services.sync.client });
    await nextRun.processDue();
    expect(h.core.repos.outbox.get(item.id)?.state).toBe('sent');
    expect(worldTexts(conv.external_id).filter((t) => t === 'Never reached Meta')).toHaveLength(1);
  });
});

describe('comments through the outbox', () => {
  const igComment = (pred: (c: { id: number; hidden: boolean; isOwn: boolean; createdAt: number; parentExternalId: string | null; network: string }) => boolean) => {
    const found = h.core.repos.replyTargets.listComments(null, false, 5000).find(pred);
    if (!found) throw new Error('no matching stored comment');
    return found;
  };

  it('hides and unhides a comment at Meta and locally', async () => {
    const c = igComment((x) => x.network === 'instagram' && !x.hidden && !x.isOwn);
    expect(await ok('comments:act', { commentId: c.id, action: 'hide' })).toMatchObject({ state: 'sent', kind: 'comment_hide' });
    expect(h.emulator.world.comments[c.externalId]!.hidden).toBe(true);
    expect(h.core.repos.replyTargets.comment(c.id)?.hidden).toBe(true);
    const refused = await h.call('comments:act', { commentId: c.id, action: 'reply', text: 'hi' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok('comments:act', { commentId: c.id, action: 'unhide' });
    expect(h.emulator.world.comments[c.externalId]!.hidden).toBe(false);
  });

  it('replies publicly; the reply is stored as the account’s own and the sync does not duplicate it', async () => {
    const c = igComment((x) => x.network === 'instagram' && !x.hidden && !x.isOwn && x.parentExternalId === null);
    const item = await ok('comments:act', { commentId: c.id, action: 'reply', text: 'Thank you 🌿' });
    expect(item.state).toBe('sent');
    const replies = () => h.core.repos.replyTargets.listComments(null, false, 10_000).filter((x) => x.parentExternalId === c.externalId && x.text === 'Thank you 🌿');
    expect(replies()).toHaveLength(1);
    expect(replies()[0]!.isOwn).toBe(true);
    h.clock.now += 60_000;
    await h.services.sync.run(null);
    expect(replies()).toHaveLength(1);
  });

  it('sends one private reply per comment within 7 days', async () => {
    const c = igComment((x) => x.network === 'instagram' && !x.isOwn && h.clock.now - x.createdAt < 6 * 24 * HOUR);
    await ok('comments:act', { commentId: c.id, action: 'private-reply', text: 'DMing you the link' });
    expect(await h.call('comments:act', { commentId: c.id, action: 'private-reply', text: 'again' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const old = igComment((x) => !x.isOwn && h.clock.now - x.createdAt > 8 * 24 * HOUR);
    const late = await h.call('comments:act', { commentId: old.id, action: 'private-reply', text: 'late' });
    expect(!late.ok && late.error.message).toMatch(/7 days/);
  });

  it('deletes only with confirmation, at Meta and locally', async () => {
    const c = igComment((x) => x.network === 'facebook' && !x.isOwn);
    expect(await h.call('comments:act', { commentId: c.id, action: 'delete' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await ok('comments:act', { commentId: c.id, action: 'delete', confirm: 'DELETE' });
    expect(h.emulator.world.comments[c.externalId]).toBeUndefined();
    expect(h.core.repos.replyTargets.comment(c.id)).toBeNull();
  });
});
