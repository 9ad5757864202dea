import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator/server';
import { call, errorOf, jsonPost, NOW, start, truth, u, type Truth } from './helpers';

const HOUR = 3_600_000;
let emu: RunningEmulator;
let t: Truth;
let pageId: string;
let igId: string;
let pageToken: string;

type Conv = Truth['accounts'][number]['conversations'][number];

beforeAll(async () => {
  emu = await start('demo');
  t = await truth(emu);
  pageId = emu.world.pages[0]!.id;
  igId = emu.world.igAccounts[0]!.id;
  pageToken = emu.tokens.pages[pageId]!;
});
afterAll(() => emu.stop());

function igThreads(): Conv[] {
  return t.accounts.find((a) => a.id === igId)!.conversations;
}

function threadWhere(pred: (c: Conv) => boolean): Conv {
  const c = [...igThreads(), ...t.accounts.find((a) => a.id === pageId)!.conversations].find(pred);
  if (!c) throw new Error('no matching thread in the demo world');
  return c;
}

describe('conversations', () => {
  it('lists IG threads through the Page with participants and the newest messages first', async () => {
    const r = await call<{ data: Array<{ id: string; updated_time: string; participants: { data: Array<{ id: string; username: string }> }; messages: { data: Array<{ id: string; created_time: string; from: { id: string } }> } }> }>(
      u(emu.url, `/v25.0/${pageId}/conversations`, { platform: 'instagram', fields: 'participants,updated_time,messages.limit(5){id,created_time,from,to,message,attachments}', limit: 10, access_token: pageToken }),
    );
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(10);
    const first = r.body.data[0]!;
    expect(first.participants.data[1]).toEqual({ username: emu.world.igAccounts[0]!.username, id: igId });
    const times = r.body.data.map((c) => c.updated_time);
    expect([...times].sort().reverse()).toEqual(times);
    expect(first.messages.data[0]!.created_time).toBe(first.updated_time);
  });

  it('returns details only for the 20 most recent messages of a thread', async () => {
    const conv = threadWhere((c) => c.visibleMessageIds.length > 25);
    const twentieth = conv.visibleMessageIds[19]!;
    const twentyFirst = conv.visibleMessageIds[20]!;
    expect(conv.retrievableMessageIds).toEqual(conv.visibleMessageIds.slice(0, 20));
    const ok = await call(u(emu.url, `/v25.0/${twentieth}`, { fields: 'id,created_time,from,to,message', access_token: pageToken }));
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveProperty('message');
    const old = await call(u(emu.url, `/v25.0/${twentyFirst}`, { fields: 'id,created_time,from,to,message', access_token: pageToken }));
    expect(old.status).toBe(400);
    expect(errorOf(old.body).code).toBe(100);
    expect(errorOf(old.body).message).toMatch(/deleted/);
    const listing = await call<{ messages: { data: Array<Record<string, unknown>> } }>(
      u(emu.url, `/v25.0/${conv.id}`, { fields: 'messages.limit(30){id,created_time,message}', access_token: pageToken }),
    );
    const rows = listing.body.messages.data;
    expect(rows[19]).toHaveProperty('message');
    expect(rows[20]).not.toHaveProperty('message');
    expect(rows[20]!.id).toBe(twentyFirst);
  });

  it('hides unsent messages', async () => {
    const conv = threadWhere((c) => c.visibleMessageIds.length < c.messageIds.length);
    const hidden = conv.messageIds.find((id) => !conv.visibleMessageIds.includes(id))!;
    const r = await call(u(emu.url, `/v25.0/${hidden}`, { access_token: pageToken }));
    expect(errorOf(r.body).code).toBe(100);
  });
});

describe('sending', () => {
  it('refuses to send outside the 24-hour window with 10/2534022', async () => {
    const conv = threadWhere((c) => c.platform === 'instagram' && c.lastCustomerMessageAtMs !== null && c.lastCustomerMessageAtMs < NOW - 8 * 24 * HOUR);
    const r = await call(`${emu.url}/v25.0/${pageId}/messages`, jsonPost({ recipient: { id: conv.participantId }, message: { text: 'Hello again' }, messaging_type: 'RESPONSE' }, pageToken));
    expect(r.status).toBe(400);
    const e = errorOf(r.body);
    expect(e.code).toBe(10);
    expect(e.error_subcode).toBe(2534022);
    const tagged = await call(`${emu.url}/v25.0/${pageId}/messages`, jsonPost({ recipient: { id: conv.participantId }, message: { text: 'Hi' }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }, pageToken));
    expect(errorOf(tagged.body).error_subcode).toBe(2534022);
  });

  it('allows HUMAN_AGENT within 7 days', async () => {
    const conv = threadWhere(
      (c) => c.platform === 'instagram' && c.lastCustomerMessageAtMs !== null && c.lastCustomerMessageAtMs < NOW - 30 * HOUR && c.lastCustomerMessageAtMs > NOW - 6 * 24 * HOUR,
    );
    const r = await call<{ recipient_id: string; message_id: string }>(
      `${emu.url}/v25.0/${pageId}/messages`,
      jsonPost({ recipient: { id: conv.participantId }, message: { text: 'Following up on your order' }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }, pageToken),
    );
    expect(r.status).toBe(200);
    expect(r.body.recipient_id).toBe(conv.participantId);
  });

  it('sends inside the window and the message appears in the thread (FB and IG hosts)', async () => {
    const conv = threadWhere((c) => c.platform === 'instagram' && c.lastCustomerMessageAtMs !== null && c.lastCustomerMessageAtMs > NOW - 20 * HOUR);
    const r = await call<{ recipient_id: string; message_id: string }>(
      `${emu.url}/v25.0/${pageId}/messages`,
      jsonPost({ recipient: { id: conv.participantId }, message: { text: 'Thanks! Shipping today 📦' }, messaging_type: 'RESPONSE' }, pageToken),
    );
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['message_id', 'recipient_id']);
    const thread = await call<{ messages: { data: Array<{ id: string; message: string; from: { id: string } }> } }>(
      u(emu.url, `/v25.0/${conv.id}`, { fields: 'messages{id,message,from}', access_token: pageToken }),
    );
    expect(thread.body.messages.data[0]).toEqual({ id: r.body.message_id, message: 'Thanks! Shipping today 📦', from: { username: emu.world.igAccounts[0]!.username, id: igId } });

    const igToken = emu.tokens.instagram[igId]!;
    const viaIg = await call<{ message_id: string }>(
      `${emu.url}/ig/v25.0/me/messages`,
      { method: 'POST', headers: { authorization: `Bearer ${igToken}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ recipient: JSON.stringify({ id: conv.participantId }), message: JSON.stringify({ text: 'Via IG Login' }) }).toString() },
    );
    expect(viaIg.status).toBe(200);
    const igList = await call<{ data: Array<{ id: string; messages: { data: Array<{ id: string }> } }> }>(
      u(emu.url, '/ig/v25.0/me/conversations', { platform: 'instagram', fields: 'messages.limit(1){id}', user_id: conv.participantId, access_token: igToken }),
    );
    expect(igList.body.data[0]!.messages.data[0]!.id).toBe(viaIg.body.message_id);
  });

  it('rejects unknown recipients', async () => {
    const r = await call(`${emu.url}/v25.0/${pageId}/messages`, jsonPost({ recipient: { id: '123' }, message: { text: 'x' } }, pageToken));
    expect(errorOf(r.body).error_subcode).toBe(2018001);
  });
});
