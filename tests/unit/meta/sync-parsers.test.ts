import { describe, expect, it } from 'vitest';
import { parseGraphError } from '../../../src-main/meta/error-parse';
import { MalformedResponseError } from '../../../src-main/meta/errors';
import { parseIgMedia, parsePagePost } from '../../../src-main/meta/media-parsers';
import { parseComment, parseConversation, parseMessage } from '../../../src-main/meta/resource-parsers';
import { attachmentKinds } from '../../../src-main/store/repositories/inbox-text';
import { insightsGapReason } from '../../../src-main/sync/insights-gaps';
import { fixture } from './helpers';

// The parsers the sync runs, on every real sample of their shape in tests/fixtures/meta, and on
// Meta's documented shapes where no real sample exists (media, Page posts, messages).
describe('comments (the parser sync/comments.ts stores with)', () => {
  it('real IG comment sample: old `user` author, replies expanded', () => {
    expect(parseComment(fixture('ig-comment-with-replies.json'))).toEqual({
      id: '123456789',
      text: 'Great!',
      createdAtMs: Date.parse('2018-02-23T21:32:16Z'),
      authorId: '98765432123',
      likeCount: 0,
      hidden: false,
      mediaId: '987654321',
      replies: [{ id: '1234567891', text: 'yeah', createdAtMs: Date.parse('2018-02-24T16:33:06Z'), replies: [] }],
    });
  });

  it('Facebook shape: message, created_time, from{name}, is_hidden, parent{id}, replies as a comments edge with paging', () => {
    const c = parseComment({
      id: '1_2',
      message: 'Lovely',
      created_time: '2026-11-01T10:00:00+0000',
      from: { id: '99', name: 'Ann' },
      is_hidden: true,
      parent: { id: '1_1' },
      comments: { data: [{ id: '1_3', message: 'Thanks' }], paging: { next: 'https://graph.facebook.com/v25.0/1_2/comments?after=x' } },
    });
    expect(c).toMatchObject({ id: '1_2', text: 'Lovely', authorId: '99', authorName: 'Ann', hidden: true, parentId: '1_1', repliesNext: expect.stringContaining('after=x') });
    expect(c.replies.map((r) => r.id)).toEqual(['1_3']);
    expect(() => parseComment({ message: 'no id' })).toThrow(MalformedResponseError);
  });
});

describe('conversations and messages (the parsers sync/conversations.ts stores with)', () => {
  it('real IG conversation sample: participants without messages', () => {
    const c = parseConversation(fixture('ig-conversation-participants.json'));
    expect(c.participants.map((p) => p.id)).toEqual(['<IGSID>', '<IGID>']);
    expect(c.messages).toEqual([]);
    expect(c.messagesNext).toBeUndefined();
  });

  it('a thread with its newest messages nested and more to page', () => {
    const c = parseConversation({
      id: 't_1',
      updated_time: '2026-11-10T09:00:00+0000',
      messages: {
        data: [
          { id: 'm_2', created_time: '2026-11-10T09:00:00+0000', from: { id: 'page' }, message: 'Yes!', reply_to: { mid: 'm_1', is_self_reply: false }, is_owner: true },
          { id: 'm_1', created_time: '2026-11-10T08:00:00+0000' },
        ],
        paging: { next: 'https://graph.facebook.com/v25.0/t_1/messages?after=c' },
      },
    });
    expect(c.messageIds).toEqual(['m_2', 'm_1']);
    expect(c.messages[0]).toEqual({ id: 'm_2', createdTimeMs: Date.parse('2026-11-10T09:00:00Z'), fromId: 'page', text: 'Yes!', attachments: [], replyToId: 'm_1', isOwner: true });
    // Beyond an Instagram thread's newest 20, Meta gives only id and created_time: nothing is invented.
    expect(c.messages[1]).toEqual({ id: 'm_1', createdTimeMs: Date.parse('2026-11-10T08:00:00Z'), attachments: [] });
    expect(c.messagesNext).toContain('after=c');
  });

  it("Instagram's `story` (reply or mention) and `shares` fields become the webhook's attachment kinds", () => {
    // Shapes of the Message reference (https://developers.facebook.com/docs/graph-api/reference/message).
    const reply = parseMessage({ id: 'r', message: 'Love this!', story: { reply_to: { link: 'https://lookaside.fbsbx.com/s?asset_id=1', id: '179001' } } });
    const mention = parseMessage({ id: 'm', story: { mention: { link: 'https://lookaside.fbsbx.com/s?asset_id=2', id: '179002' } } });
    const share = parseMessage({ id: 's', shares: { data: [{ link: 'https://lookaside.fbsbx.com/s?asset_id=3' }] }, attachments: { data: [] } });
    expect(attachmentKinds(JSON.stringify(reply.attachments))).toEqual(['story_reply']);
    expect(reply.text).toBe('Love this!');
    expect(attachmentKinds(JSON.stringify(mention.attachments))).toEqual(['story_mention']);
    expect(attachmentKinds(JSON.stringify(share.attachments))).toEqual(['shared_post']);
    expect(mention.attachments[0]).toEqual({ type: 'story_mention', payload: { url: 'https://lookaside.fbsbx.com/s?asset_id=2', id: '179002' } });
    expect(parseMessage({ id: 'plain', message: 'hi' }).attachments).toEqual([]);
  });

  it('a message quoting a story reply keeps whatever id Meta gives', () => {
    expect(parseMessage({ id: 'm', reply_to: { id: 'x' } }).replyToId).toBe('x');
    expect(() => parseMessage({})).toThrow(MalformedResponseError);
  });
});

describe('media and Page posts (the parsers the listings store with)', () => {
  it('IG media in the documented shape, with nested edges passed on', () => {
    const m = parseIgMedia({
      id: '179',
      caption: 'New mugs',
      media_type: 'VIDEO',
      media_product_type: 'REELS',
      permalink: 'https://www.instagram.com/reel/x/',
      timestamp: '2019-04-05T07:56:32+0000',
      like_count: 0,
      comments_count: 2,
      insights: { data: [] },
      comments: { data: [{ id: 'c1' }], paging: { next: 'https://graph.facebook.com/v25.0/179/comments?after=a' } },
    });
    expect(m).toMatchObject({ id: '179', productType: 'REELS', timestampMs: Date.parse('2019-04-05T07:56:32Z'), likeCount: 0, commentsCount: 2 });
    expect(m.comments).toEqual({ data: [{ id: 'c1' }], next: 'https://graph.facebook.com/v25.0/179/comments?after=a' });
    expect(parseIgMedia({ id: '1' })).toEqual({ id: '1' });
  });

  it('Page post with created_time and status_type', () => {
    expect(parsePagePost({ id: '1_9', message: 'Open', created_time: '2026-01-02T03:04:05+0000', status_type: 'added_photos' })).toEqual({
      id: '1_9',
      message: 'Open',
      createdTimeMs: Date.parse('2026-01-02T03:04:05Z'),
      statusType: 'added_photos',
    });
  });
});

describe('why a post has no insights, from Meta’s error', () => {
  const error = (status: number, body: unknown) => parseGraphError(status, body);

  it('100/2108006: posted before the business conversion', () => {
    const e = error(400, {
      error: {
        message: 'Invalid parameter',
        type: 'OAuthException',
        code: 100,
        error_subcode: 2108006,
        error_user_title: 'Media Posted Before Business Account Conversion',
        error_user_msg: "The media was posted before the most recent time that the user's account was converted to a business account from a personal account.",
      },
    });
    expect(e.kind).toBe('before-business-conversion');
    expect(insightsGapReason(e)).toBe('before_business_conversion');
  });

  it('"does not support the … metric for this media product type"', () => {
    const e = error(400, { error: { message: '(#100) The Media Insights API does not support the profile_activity metric for this media product type.', code: 100 } });
    expect(e.kind).toBe('unsupported-product-type');
    expect(insightsGapReason(e)).toBe('unsupported_product_type');
  });

  it('code 10: not enough viewers, or media the app may not read', () => {
    expect(insightsGapReason(error(400, { error: { message: '(#10) Not enough viewers for the media to show insights', code: 10 } }))).toBe('not_enough_viewers');
    expect(insightsGapReason(error(400, { error: { message: '(#10) Application does not have permission for this action', code: 10 } }))).toBe('no_permission');
  });

  it('code 1 "reduce the amount of data" is not transient: the request must shrink', () => {
    const e = error(500, { error: { message: "Please reduce the amount of data you're asking for, then retry your request", code: 1 } });
    expect(e.kind).toBe('too-much-data');
    expect(e.isTransient).toBe(false);
    expect(error(500, { error: { message: 'An unknown error occurred', code: 1 } }).kind).toBe('transient');
  });

  it('transient and token failures say nothing about the post', () => {
    expect(insightsGapReason(error(500, { error: { message: 'x', code: 2 } }))).toBeNull();
    expect(insightsGapReason(error(400, { error: { message: 'Session has expired', code: 190, error_subcode: 463 } }))).toBeNull();
  });
});
