import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator/server';
import { personUnavailable } from '../../../src-main/emulator/graph/send-limits';
import type { Comment, Conversation, Platform } from '../../../src-main/emulator/world/types';
import { parseGraphError } from '../../../src-main/meta/error-parse';
import { classifySendError } from '../../../src-main/services/outbox/send-errors';
import type { OutboxKind } from '../../../src-preload/outbox-types';
import { call, errorOf, jsonPost, NOW, start } from './helpers';

/**
 * The emulator answers each send refusal as Meta's pages describe it (send.ts, send-limits.ts),
 * and the client (send-errors.ts) turns exactly those answers into the outbox's reason and next
 * step. Neither side reads the other's table: each refusal is produced by driving the emulator.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await start('demo');
});
afterAll(() => emu.stop());

function lastCustomerAt(conv: Conversation): number {
  const last = [...conv.messageIds].reverse().map((id) => emu.world.messages[id]!).find((m) => !m.fromBusiness);
  return last?.createdTime ?? -Infinity;
}

/** A thread of a Page (Messenger, or Instagram through the Page) matching `pred`, with its Page. */
function pageThread(platform: Platform, pred: (c: Conversation) => boolean): { conv: Conversation; pageId: string } {
  for (const page of emu.world.pages) {
    const conv = Object.values(emu.world.conversations).find(
      (c) => c.platform === platform && (c.accountId === page.id || c.accountId === page.igAccountId) && !personUnavailable(c.participant.id) && pred(c),
    );
    if (conv) return { conv, pageId: page.id };
  }
  throw new Error(`no ${platform} thread matching in the demo world`);
}

/** Sends through the Page and returns what the client makes of Meta's answer. */
async function sendThroughPage(pageId: string, body: Record<string, unknown>, kind: OutboxKind = 'message') {
  const r = await call(`${emu.url}/v25.0/${pageId}/messages`, jsonPost(body, emu.tokens.pages[pageId]!));
  expect(r.status).toBe(400);
  return { wire: errorOf(r.body), failure: classifySendError(parseGraphError(r.status, r.body), kind) };
}

function igComment(pred: (c: Comment) => boolean): { comment: Comment; pageId: string } {
  for (const account of emu.world.igAccounts) {
    for (const mediaId of account.mediaIds) {
      for (const id of emu.world.media[mediaId]?.commentIds ?? []) {
        const c = emu.world.comments[id]!;
        if (pred(c)) return { comment: c, pageId: account.pageId };
      }
    }
  }
  throw new Error('no matching IG comment in the demo world');
}

describe('a closed window, as the emulator says it and the outbox tells it', () => {
  it('Messenger: 10 / 2018278, not sent again, "wait for them to write"', async () => {
    const { conv, pageId } = pageThread('messenger', (c) => NOW - lastCustomerAt(c) > 8 * DAY);
    const { wire, failure } = await sendThroughPage(pageId, { recipient: { id: conv.participant.id }, message: { text: 'late' }, messaging_type: 'RESPONSE' });
    expect(wire).toMatchObject({ code: 10, error_subcode: 2018278 });
    expect(failure).toMatchObject({ code: 'window-closed', retry: 'never' });
    expect(failure.reason).toMatch(/Wait for them to write again/);
  });

  it('Instagram: 10 / 2534022, also with HUMAN_AGENT after 7 days', async () => {
    const { conv, pageId } = pageThread('instagram', (c) => NOW - lastCustomerAt(c) > 8 * DAY);
    const { wire, failure } = await sendThroughPage(pageId, { recipient: { id: conv.participant.id }, message: { text: 'late' }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect(wire).toMatchObject({ code: 10, error_subcode: 2534022 });
    expect(failure).toMatchObject({ code: 'window-closed', retry: 'never' });
  });
});

describe('private replies', () => {
  it('older than 7 days: refused, and told as the comment’s 7 days, not as a DM window', async () => {
    const { comment, pageId } = igComment((c) => !c.byOwner && NOW - c.timestamp > 8 * DAY);
    const { wire, failure } = await sendThroughPage(pageId, { recipient: { comment_id: comment.id }, message: { text: 'late' }, messaging_type: 'RESPONSE' }, 'private_reply');
    expect(wire.code).toBe(10);
    expect(failure).toMatchObject({ code: 'window-closed', retry: 'never' });
    expect(failure.reason).toMatch(/within 7 days of the comment/);
  });

  it('a second one on the same comment: refused, told as "one per comment"', async () => {
    const { comment, pageId } = igComment((c) => !c.byOwner && !c.hidden && NOW - c.timestamp < 6 * DAY);
    const body = { recipient: { comment_id: comment.id }, message: { text: 'DMing you' }, messaging_type: 'RESPONSE' };
    const first = await call(`${emu.url}/v25.0/${pageId}/messages`, jsonPost(body, emu.tokens.pages[pageId]!));
    expect(first.status).toBe(200);
    const { failure } = await sendThroughPage(pageId, body, 'private_reply');
    expect(failure).toMatchObject({ code: 'rejected', retry: 'never' });
    expect(failure.reason).toMatch(/one per comment/);
  });
});

describe('the person, the pace and the token', () => {
  function openThread(pageId: string, conv: Conversation): void {
    const id = `inject-open-${conv.id}`;
    emu.world.messages[id] = { id, conversationId: conv.id, createdTime: NOW - HOUR, fromBusiness: false, text: 'hello?', attachments: [], unsent: false };
    conv.messageIds.push(id);
    emu.world.revision++;
    expect(pageId).toBeTruthy();
  }

  it('551 / 1545041: the person is unavailable, never retried', async () => {
    const page = emu.world.pages[0]!;
    const conv = Object.values(emu.world.conversations).find((c) => personUnavailable(c.participant.id) && (c.accountId === page.id || c.accountId === page.igAccountId))!;
    openThread(page.id, conv);
    const { wire, failure } = await sendThroughPage(page.id, { recipient: { id: conv.participant.id }, message: { text: 'hi' }, messaging_type: 'RESPONSE' });
    expect(wire).toMatchObject({ code: 551, error_subcode: 1545041 });
    expect(failure).toMatchObject({ code: 'person-unavailable', retry: 'never' });
  });

  it('613 past the per-second budget: waits and retries with back-off', async () => {
    const small = await start('small');
    try {
      const page = small.world.pages[0]!;
      const conv = Object.values(small.world.conversations).find((c) => c.accountId === page.id && !personUnavailable(c.participant.id))!;
      const id = 'inject-open';
      small.world.messages[id] = { id, conversationId: conv.id, createdTime: NOW - HOUR, fromBusiness: false, text: 'hi', attachments: [], unsent: false };
      conv.messageIds.push(id);
      small.world.revision++;
      let last = { status: 200, body: {} as unknown };
      for (let i = 0; i < 101 && last.status === 200; i++) {
        last = await call(`${small.url}/v25.0/${page.id}/messages`, jsonPost({ recipient: { id: conv.participant.id }, message: { text: `n${i}` }, messaging_type: 'RESPONSE' }, small.tokens.pages[page.id]!));
      }
      expect(errorOf(last.body).code).toBe(613);
      expect(classifySendError(parseGraphError(last.status, last.body))).toMatchObject({ code: 'rate-limited', retry: 'backoff' });
    } finally {
      await small.stop();
    }
  });

  it('190 / 463 token expired and 10 missing permission: both wait for a reconnect, each in its own words', async () => {
    const { conv, pageId } = pageThread('messenger', (c) => NOW - lastCustomerAt(c) < 20 * HOUR);
    const body = { recipient: { id: conv.participant.id }, message: { text: 'hi' }, messaging_type: 'RESPONSE' };
    await call(`${emu.url}/__emulator/faults`, jsonPost({ kind: 'token-expired', match: '/messages' }));
    const expired = await sendThroughPage(pageId, body);
    expect(expired.wire).toMatchObject({ code: 190, error_subcode: 463 });
    expect(expired.failure).toMatchObject({ code: 'token-expired', retry: 'reconnect' });
    await call(`${emu.url}/__emulator/faults`, jsonPost({ kind: 'permission', match: '/messages' }));
    const denied = await sendThroughPage(pageId, body);
    expect(denied.wire.code).toBe(10);
    expect(denied.failure).toMatchObject({ code: 'permission-missing', retry: 'reconnect' });
    expect(denied.failure.reason).toMatch(/permission is missing/);
    expect(denied.failure.reason).not.toMatch(/expired/);
  });

  it('a Page whose pages_messaging was withdrawn: (#230), told as a missing permission', async () => {
    const small = await start('small');
    try {
      const page = small.world.pages[0]!;
      const conv = Object.values(small.world.conversations).find((c) => c.accountId === page.id && c.platform === 'messenger' && !personUnavailable(c.participant.id))!;
      const id = 'inject-open';
      small.world.messages[id] = { id, conversationId: conv.id, createdTime: NOW - HOUR, fromBusiness: false, text: 'hi', attachments: [], unsent: false };
      conv.messageIds.push(id);
      small.world.revision++;
      const body = { recipient: { id: conv.participant.id }, message: { text: 'hi' }, messaging_type: 'RESPONSE' };
      const before = await call(`${small.url}/v25.0/${page.id}/messages`, jsonPost(body, small.tokens.pages[page.id]!));
      expect(before.status).toBe(200);
      const revoked = await call(`${small.url}/v25.0/${small.world.user.id}/permissions/pages_messaging?access_token=${small.tokens.user}`, { method: 'DELETE' });
      expect(revoked.status).toBe(200);
      const after = await call(`${small.url}/v25.0/${page.id}/messages`, jsonPost(body, small.tokens.pages[page.id]!));
      expect(errorOf(after.body)).toMatchObject({ code: 230 });
      expect(classifySendError(parseGraphError(after.status, after.body))).toMatchObject({ code: 'permission-missing', retry: 'reconnect' });
    } finally {
      await small.stop();
    }
  });
});
