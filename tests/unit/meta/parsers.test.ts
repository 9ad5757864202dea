import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from '../../../src-main/meta/errors';
import { metricValue, parseInsightsResponse } from '../../../src-main/meta/insights';
import { parseConversation, parseIgComment, parseWhatsAppSendResponse } from '../../../src-main/meta/resource-parsers';
import { parseWhatsAppError } from '../../../src-main/meta/webhooks';
import { fixture } from './helpers';

describe('insights', () => {
  it('story navigation datum with both values and total_value breakdowns', () => {
    const { metrics } = parseInsightsResponse(fixture('ig-story-insight-navigation-total-value-breakdown.json'));
    expect(metrics).toHaveLength(1);
    const nav = metrics[0]!;
    expect(nav).toMatchObject({ name: 'navigation', period: 'lifetime', total: 25, values: [{ value: 25 }], id: '17969782069736348/insights/navigation/lifetime' });
    expect(nav.breakdowns).toEqual([
      {
        dimensionKeys: ['story_navigation_action_type'],
        results: [
          { dimensionValues: ['tap_forward'], value: 19 },
          { dimensionValues: ['tap_back'], value: 4 },
          { dimensionValues: ['tap_exit'], value: 1 },
          { dimensionValues: ['swipe_forward'], value: 1 },
        ],
      },
    ]);
    expect(metricValue(nav)).toBe(25);
  });

  it('Page insights (legacy sample, field-expanded on the Page) with day/week/days_28 and paging', () => {
    const { metrics, paging } = parseInsightsResponse(fixture('fb-page-insights-day-week-days28-legacy-metric.json'));
    expect(metrics.map((m) => m.period)).toEqual(['day', 'week', 'days_28']);
    expect(metrics[0]!.values).toEqual([
      { value: 0, endTimeMs: Date.parse('2023-03-08T08:00:00Z') },
      { value: 0, endTimeMs: Date.parse('2023-03-09T08:00:00Z') },
    ]);
    expect(metrics[0]!.breakdowns).toEqual([]);
    expect(metricValue(metrics[2]!)).toBe(1);
    expect(paging?.next).toContain('since=1678348800');
  });

  it('accepts map values (per-country metrics) and empty data (= unavailable, not 0)', () => {
    const res = parseInsightsResponse({ data: [{ name: 'page_follows_country', period: 'day', values: [{ value: { US: 3, DE: 1 }, end_time: '2026-07-01T07:00:00+0000' }] }] });
    expect(res.metrics[0]!.values[0]!.value).toEqual({ US: 3, DE: 1 });
    expect(parseInsightsResponse({ data: [] }).metrics).toEqual([]);
    expect(() => parseInsightsResponse({ id: 'x' })).toThrow(MalformedResponseError);
  });
});

describe('Graph objects', () => {
  it('IG comment with replies (old `user` author field)', () => {
    expect(parseIgComment(fixture('ig-comment-with-replies.json'))).toEqual({
      id: '123456789',
      text: 'Great!',
      timestampMs: Date.parse('2018-02-23T21:32:16Z'),
      from: { id: '98765432123' },
      likeCount: 0,
      hidden: false,
      mediaId: '987654321',
      replies: [{ id: '1234567891', text: 'yeah', timestampMs: Date.parse('2018-02-24T16:33:06Z'), replies: [] }],
    });
  });

  it('conversation participants keep IGSID and IG user id apart', () => {
    expect(parseConversation(fixture('ig-conversation-participants.json'))).toEqual({
      id: '<THREAD_ID>',
      participants: [
        { id: '<IGSID>', username: '<IG_USER_NAME>', userId: '<IGID>' },
        { id: '<IGID>', username: '<IG_USER_NAME>', userId: '<IGID>' },
      ],
      messageIds: [],
      messages: [],
    });
  });

  it('WhatsApp send response and error object', () => {
    expect(parseWhatsAppSendResponse(fixture('wa-send-message-response.json'))).toEqual({
      messageId: 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA',
      contacts: [{ input: '16505555555', waId: '16505555555' }],
    });
    expect(parseWhatsAppError(fixture('wa-error-131047-24h-window-error-object.json'))).toEqual({
      kind: 'outside-window',
      code: 131047,
      title: 'Re-engagement message',
      message: 'Re-engagement message',
      details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    });
  });
});
