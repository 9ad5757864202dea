import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator/server';
import { createWorld } from '../../../src-main/emulator/world/create-world';
import { personUnavailable } from '../../../src-main/emulator/graph/send-limits';
import { replaySentMessage } from '../../../src-main/emulator/graph/send';
import { visibleMessages } from '../../../src-main/emulator/graph/schema-messaging';
import type { Comment, Conversation } from '../../../src-main/emulator/world/types';
import { call, errorOf, form, jsonPost, NOW, start, u } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let emu: RunningEmulator;
let pageId: string;
let igId: string;
let pageToken: string;
let igToken: string;

beforeAll(async () => {
  emu = await start('demo');
  pageId = emu.world.pages[0]!.id;
  igId = emu.world.igAccounts[0]!.id;
  pageToken = emu.tokens.pages[pageId]!;
  igToken = emu.tokens.instagram[igId]!;
});
afterAll(() => emu.stop());

function lastCustomerAt(conv: Conversation): number {
  const last = [...conv.messageIds].reverse().map((id) => emu.world.messages[id]!).find((m) => !m.fromBusiness);
  return last?.createdTime ?? -Infinity;
}

function openIgThread(): Conversation {
  const conv = Object.values(emu.world.conversations).find(
    (c) => c.platform === 'instagram' && c.accountId === igId && NOW - lastCustomerAt(c) < 20 * HOUR && !personUnavailable(c.participant.id),
  );
  if (!conv) throw new Error('no open IG thread in the demo world');
  return conv;
}

function igComment(pred: (c: Comment) => boolean): Comment {
  const account = emu.world.igAccounts[0]!;
  for (const mediaId of account.mediaIds) {
    for (const id of emu.world.media[mediaId]?.commentIds ?? []) {
      const c = emu.world.comments[id]!;
      for (const candidate of [c, ...c.replyIds.map((r) => emu.world.comments[r]!)]) if (pred(candidate)) return candidate;
    }
  }
  throw new Error('no matching IG comment in the demo world');
}

const send = (body: unknown, token = pageToken, path = `/v25.0/${pageId}/messages`) => call(`${emu.url}${path}`, jsonPost(body, token));

describe('Send API parameters', () => {
  it('requires messaging_type on the Messenger Platform and a tag only with MESSAGE_TAG', async () => {
    const conv = openIgThread();
    const missing = await send({ recipient: { id: conv.participant.id }, message: { text: 'hi' } });
    expect(missing.status).toBe(400);
    expect(errorOf(missing.body).message).toMatch(/messaging_type/);
    const stray = await send({ recipient: { id: conv.participant.id }, message: { text: 'hi' }, messaging_type: 'RESPONSE', tag: 'HUMAN_AGENT' });
    expect(errorOf(stray.body).message).toMatch(/MESSAGE_TAG/);
    const noTag = await send({ recipient: { id: conv.participant.id }, message: { text: 'hi' }, messaging_type: 'MESSAGE_TAG' });
    expect(errorOf(noTag.body).message).toMatch(/tag is required/);
  });

  it('caps Instagram text at 1,000 bytes', async () => {
    const conv = openIgThread();
    const r = await send({ recipient: { id: conv.participant.id }, message: { text: 'é'.repeat(501) }, messaging_type: 'RESPONSE' });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).code).toBe(100);
  });

  it('refuses HUMAN_AGENT after 7 days with 10/2534022', async () => {
    const conv = Object.values(emu.world.conversations).find((c) => c.platform === 'instagram' && NOW - lastCustomerAt(c) > 8 * DAY)!;
    const r = await send({ recipient: { id: conv.participant.id }, message: { text: 'late' }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect(errorOf(r.body)).toMatchObject({ code: 10, error_subcode: 2534022 });
  });

  it("answers 551/1545041 for a person who turned messages off", async () => {
    const conv = Object.values(emu.world.conversations).find((c) => personUnavailable(c.participant.id) && c.accountId === igId);
    expect(conv).toBeDefined();
    // Make their window open so only the availability rule can refuse.
    const id = `inject-${conv!.id}`;
    emu.world.messages[id] = { id, conversationId: conv!.id, createdTime: NOW - HOUR, fromBusiness: false, text: 'hello?', attachments: [], unsent: false };
    conv!.messageIds.push(id);
    emu.world.revision++;
    const r = await send({ recipient: { id: conv!.participant.id }, message: { text: 'hi' }, messaging_type: 'RESPONSE' });
    expect(errorOf(r.body)).toMatchObject({ code: 551, error_subcode: 1545041 });
  });
});

describe('private replies', () => {
  it('sends one DM per comment within 7 days, into the commenter’s thread (IG Login host)', async () => {
    const comment = igComment((c) => !c.byOwner && !c.parentId && NOW - c.timestamp < 6 * DAY && !c.hidden);
    const r = await call<{ recipient_id: string; message_id: string }>(
      `${emu.url}/ig/v25.0/me/messages`,
      jsonPost({ recipient: { comment_id: comment.id }, message: { text: 'Sent you the link in DM 💌' } }, igToken),
    );
    expect(r.status).toBe(200);
    const list = await call<{ data: Array<{ messages: { data: Array<{ id: string; message: string }> } }> }>(
      u(emu.url, '/ig/v25.0/me/conversations', { platform: 'instagram', user_id: r.body.recipient_id, fields: 'messages.limit(1){id,message}', access_token: igToken }),
    );
    expect(list.body.data[0]!.messages.data[0]).toEqual({ id: r.body.message_id, message: 'Sent you the link in DM 💌' });
    const again = await call(`${emu.url}/ig/v25.0/me/messages`, jsonPost({ recipient: { comment_id: comment.id }, message: { text: 'twice' } }, igToken));
    expect(errorOf(again.body).code).toBe(10);
  });

  it('refuses a comment older than 7 days', async () => {
    const comment = igComment((c) => !c.byOwner && NOW - c.timestamp > 8 * DAY);
    const r = await send({ recipient: { comment_id: comment.id }, message: { text: 'late' }, messaging_type: 'RESPONSE' });
    expect(errorOf(r.body)).toMatchObject({ code: 10, error_subcode: 2534022 });
  });
});

describe('comment moderation', () => {
  it('replies publicly under the top-level comment, as the account', async () => {
    const top = igComment((c) => !c.byOwner && !c.parentId && !c.hidden && c.replyIds.length > 0);
    const r = await call<{ id: string }>(u(emu.url, `/v25.0/${top.id}/replies`, { access_token: pageToken }), form({ message: 'Thank you! 🌿' }));
    expect(r.status).toBe(200);
    const nested = await call<{ id: string }>(u(emu.url, `/v25.0/${top.replyIds[0]}/replies`, { access_token: pageToken }), form({ message: 'Nested' }));
    const replies = await call<{ data: Array<{ id: string; text: string; from: { id: string } }> }>(
      u(emu.url, `/v25.0/${top.id}/replies`, { fields: 'id,text,from', access_token: pageToken }),
    );
    const ids = replies.body.data.map((x) => x.id);
    expect(ids).toContain(r.body.id);
    expect(ids).toContain(nested.body.id);
    expect(replies.body.data.find((x) => x.id === r.body.id)).toEqual({ id: r.body.id, text: 'Thank you! 🌿', from: { id: igId, username: emu.world.igAccounts[0]!.username } });
  });

  it('hides and unhides; a hidden comment takes no reply', async () => {
    const c = igComment((x) => !x.byOwner && !x.parentId && !x.hidden);
    const hide = await call(u(emu.url, `/v25.0/${c.id}`, { hide: 'true', access_token: pageToken }), { method: 'POST' });
    expect(hide.body).toEqual({ success: true });
    const read = await call<{ hidden: boolean }>(u(emu.url, `/v25.0/${c.id}`, { fields: 'hidden', access_token: pageToken }));
    expect(read.body.hidden).toBe(true);
    const reply = await call(u(emu.url, `/v25.0/${c.id}/replies`, { access_token: pageToken }), form({ message: 'x' }));
    expect(errorOf(reply.body).code).toBe(100);
    await call(u(emu.url, `/v25.0/${c.id}`, { hide: 'false', access_token: pageToken }), { method: 'POST' });
    expect((await call<{ hidden: boolean }>(u(emu.url, `/v25.0/${c.id}`, { fields: 'hidden', access_token: pageToken }))).body.hidden).toBe(false);
  });

  it('refuses to hide the account’s own comment', async () => {
    const own = igComment((x) => x.byOwner);
    const r = await call(u(emu.url, `/v25.0/${own.id}`, { hide: 'true', access_token: pageToken }), { method: 'POST' });
    expect(errorOf(r.body).code).toBe(100);
  });

  it('hides, replies to and deletes Facebook Page comments', async () => {
    const page = emu.world.pages[0]!;
    const c = page.postIds.flatMap((p) => emu.world.posts[p]!.commentIds).map((id) => emu.world.comments[id]!).find((x) => !x.byOwner && !x.hidden)!;
    const hide = await call(u(emu.url, `/v25.0/${c.id}`, { is_hidden: 'true', access_token: pageToken }), { method: 'POST' });
    expect(hide.body).toEqual({ success: true });
    const other = page.postIds.flatMap((p) => emu.world.posts[p]!.commentIds).map((id) => emu.world.comments[id]!).find((x) => !x.byOwner && !x.hidden && x.id !== c.id)!;
    const reply = await call<{ id: string }>(u(emu.url, `/v25.0/${other.id}/comments`, { access_token: pageToken }), form({ message: 'See you Saturday!' }));
    expect(reply.body.id).toMatch(/^\d+_\d+$/);
    const del = await call(u(emu.url, `/v25.0/${other.id}`, { access_token: pageToken }), { method: 'DELETE' });
    expect(del.body).toEqual({ success: true });
    const gone = await call(u(emu.url, `/v25.0/${other.id}`, { access_token: pageToken }));
    expect(errorOf(gone.body)).toMatchObject({ code: 100, error_subcode: 33 });
    expect(emu.world.comments[reply.body.id]).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('answers 613 past 100 sends per second per account', async () => {
    const small = await start('small');
    try {
      const page = small.world.pages[0]!;
      const token = small.tokens.pages[page.id]!;
      const conv = Object.values(small.world.conversations).find((c) => !personUnavailable(c.participant.id))!;
      const id = 'inject-open';
      small.world.messages[id] = { id, conversationId: conv.id, createdTime: NOW - HOUR, fromBusiness: false, text: 'hi', attachments: [], unsent: false };
      conv.messageIds.push(id);
      small.world.revision++;
      const statuses: number[] = [];
      for (let i = 0; i < 101; i++) {
        const r = await call(`${small.url}/v25.0/${page.id}/messages`, jsonPost({ recipient: { id: conv.participant.id }, message: { text: `n${i}` }, messaging_type: 'RESPONSE' }, token));
        statuses.push(r.status);
        if (r.status !== 200) expect(errorOf(r.body).code).toBe(613);
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(100);
      expect(statuses[100]).toBe(400);
    } finally {
      await small.stop();
    }
  });
});

describe('replay into a fresh world', () => {
  it('puts a sent message back with its id and time', () => {
    const world = createWorld({ scenario: 'small', now: NOW });
    const conv = Object.values(world.conversations)[0]!;
    replaySentMessage(world, { id: 'm_replayed', conversationId: conv.id, text: 'from the journal', createdTime: NOW - 1000 });
    expect(visibleMessages(world, conv)[0]).toMatchObject({ id: 'm_replayed', text: 'from the journal', fromBusiness: true });
  });
});
