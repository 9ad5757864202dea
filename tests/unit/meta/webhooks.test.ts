import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWebhookBody, parseWebhookPayload, verifySignature, type WebhookEvent } from '../../../src-main/meta/webhooks';
import { fixture, fixtureBytes } from './helpers';

const events = (name: string): WebhookEvent[] => parseWebhookPayload(fixture(name));

describe('Messenger webhooks (restfb samples with numeric ids)', () => {
  it('text message: ids become strings, ms timestamps kept', () => {
    expect(events('fb-messenger-webhook-message-text.json')).toEqual([
      {
        type: 'message',
        platform: 'messenger',
        entryId: '12345654332',
        senderId: '987654321432',
        recipientId: '12345654332',
        timestampMs: 1457764197627,
        standby: false,
        mid: 'mid.1457764197618:41d102a3e1ae206a38',
        text: 'hello, world!',
        attachments: [],
        isEcho: false,
        isDeleted: false,
        isUnsupported: false,
      },
    ]);
  });

  it('echo carries is_echo, app_id and metadata', () => {
    const [e] = events('fb-messenger-webhook-message-echo.json');
    expect(e).toMatchObject({ type: 'message', isEcho: true, appId: '1517776481860111', metadata: 'DEVELOPER_DEFINED_METADATA_STRING' });
  });

  it('image attachment', () => {
    const [e] = events('fb-messenger-webhook-message-image-attachment.json');
    expect(e).toMatchObject({ type: 'message', attachments: [{ type: 'image', url: 'IMAGE_URL', payload: { url: 'IMAGE_URL' } }] });
    expect(e && 'text' in e).toBe(false);
  });

  it('standby[] events are flagged, reactions/reads/postbacks dispatch on their key', () => {
    const out = parseWebhookPayload({
      object: 'page',
      entry: [
        {
          id: '1',
          time: 1700000000000,
          standby: [{ sender: { id: '2' }, recipient: { id: '1' }, timestamp: 1700000000001, message: { mid: 'm1', text: 'hi', is_deleted: true } }],
          messaging: [
            { sender: { id: '2' }, recipient: { id: '1' }, timestamp: 1700000000002, read: { watermark: 1700000000000 } },
            { sender: { id: '2' }, recipient: { id: '1' }, timestamp: 1700000000003, reaction: { mid: 'm1', action: 'react', reaction: 'love', emoji: '❤' } },
            { sender: { id: '2' }, recipient: { id: '1' }, timestamp: 1700000000004, postback: { title: 'Start', payload: 'GET_STARTED', mid: 'm2' } },
            { sender: { id: '2' }, recipient: { id: '1' }, timestamp: 1700000000005, message: { mid: 'm3', text: 'ok', reply_to: { mid: 'm1' } } },
          ],
        },
      ],
    });
    // messaging[] first, then standby[]; webhooks promise no ordering anyway, timestamps do.
    expect(out.map((e) => e.type)).toEqual(['read', 'reaction', 'postback', 'message', 'message']);
    expect(out[0]).toMatchObject({ standby: false, watermarkMs: 1700000000000 });
    expect(out[1]).toMatchObject({ mid: 'm1', action: 'react', reaction: 'love', emoji: '❤' });
    expect(out[2]).toMatchObject({ title: 'Start', payload: 'GET_STARTED', mid: 'm2' });
    expect(out[3]).toMatchObject({ replyTo: { mid: 'm1' }, standby: false });
    expect(out[4]).toMatchObject({ standby: true, isDeleted: true });
  });
});

describe('Instagram webhooks', () => {
  it('seen receipt carries read.mid', () => {
    expect(events('ig-messaging-webhook-seen.json')).toEqual([
      { type: 'read', platform: 'instagram', entryId: '17841452691600098', senderId: '5614879045272581', recipientId: '17841452691600098', timestampMs: 1668022333735, standby: false, mid: 'MESSAGE-ID' },
    ]);
  });

  it('unsupported attachment is flagged and keeps the CDN url', () => {
    const [e] = events('ig-messaging-webhook-attachment-unsupported.json');
    expect(e).toMatchObject({ type: 'message', platform: 'instagram', isUnsupported: true, mid: expect.stringMatching(/^aWdfZAG1faXRlbToxOklHTWVzc2FnZA/) });
    expect(e?.type === 'message' && e.attachments[0]?.url).toMatch(/^https:\/\/lookaside\.fbsbx\.com\/ig_messaging_cdn\//);
  });

  it('comments (Facebook Login shape) with parent and media; seconds timestamp → ms', () => {
    expect(events('ig-webhook-comments-facebook-login-shape.json')).toEqual([
      {
        type: 'comment',
        platform: 'instagram',
        field: 'comments',
        entryId: '0',
        timeMs: 1519399307000,
        commentId: '123456789',
        text: 'This is an example.',
        from: { id: '1234536447', username: 'testuser' },
        parentId: '987654321',
        media: { id: '76543987', mediaProductType: 'FEED' },
      },
    ]);
  });

  it('comments (Instagram Login shape) without parent', () => {
    const [e] = parseWebhookPayload({ object: 'instagram', entry: [{ id: '1784', time: 1700000000, changes: [{ field: 'comments', value: { id: 'c1', from: { id: 'u1', username: 'amy' }, text: 'nice', media: { id: 'm1', media_product_type: 'REELS' } } }] }] });
    expect(e).toMatchObject({ type: 'comment', commentId: 'c1', media: { id: 'm1', mediaProductType: 'REELS' } });
    expect(e && 'parentId' in e).toBe(false);
  });

  it('unmodelled fields are kept as unknown events instead of being dropped', () => {
    const [e] = parseWebhookPayload({ object: 'instagram', entry: [{ id: '1', changes: [{ field: 'story_insights', value: { media_id: '9', reach: 3 } }] }] });
    expect(e).toMatchObject({ type: 'unknown', object: 'instagram', field: 'story_insights' });
  });
});

describe('Page feed webhooks', () => {
  it('comment add', () => {
    expect(events('fb-page-webhook-feed-comment-add.json')).toEqual([
      {
        type: 'page-feed',
        entryId: '1234567890321',
        timeMs: 1449135003000,
        item: 'comment',
        verb: 'add',
        postId: '1234567890321_901097836652708',
        commentId: '901097836652708_903438993085259',
        parentId: '1234567890321_901097836652708',
        message: 'and the next one',
        from: { id: '1234567890321', name: 'Tester' },
        createdTimeMs: 1449135003000,
      },
    ]);
  });

  it('post add', () => {
    const [e] = events('fb-page-webhook-feed-post-add.json');
    expect(e).toMatchObject({ type: 'page-feed', item: 'post', verb: 'add', postId: '1234567890321_7293787835232', from: { id: '8423678347823', name: 'John Doe' }, message: "Let's check this", isHidden: false });
  });
});

describe('WhatsApp webhooks', () => {
  it('text message with BSUID contact', () => {
    expect(events('wa-webhook-message-text.json')).toEqual([
      {
        type: 'whatsapp-message',
        entryId: '1234567890987654321',
        phoneNumberId: '1122334455667',
        displayPhoneNumber: '972123456789',
        id: 'wamid.xyzxyz',
        from: '972987654321',
        contact: { waId: '972987654321', userId: 'US.13491208655302741918', parentUserId: 'US.ENT.11815799212886844830', name: 'Test Name' },
        timestampMs: 1697043223000,
        messageType: 'text',
        text: 'Body Text',
      },
    ]);
  });

  it('image message exposes the media id to fetch', () => {
    const [e] = events('wa-webhook-message-image.json');
    expect(e).toMatchObject({ type: 'whatsapp-message', messageType: 'image', media: { id: '65463453', mimeType: 'image/jpeg', sha256: '4654+8g=' } });
  });

  it('username users: empty wa_id/from, keyed on user_id', () => {
    const [e] = parseWebhookPayload({
      object: 'whatsapp_business_account',
      entry: [{ id: 'W', changes: [{ field: 'messages', value: { metadata: { phone_number_id: 'P' }, contacts: [{ profile: { name: 'N', username: 'nn' }, wa_id: '', user_id: 'US.1' }], messages: [{ from: '', from_user_id: 'US.1', id: 'wamid.1', timestamp: '1700000000', type: 'text', text: { body: 'hey' } }] } }] }],
    });
    expect(e).toMatchObject({ from: '', fromUserId: 'US.1', contact: { waId: '', userId: 'US.1', username: 'nn' } });
  });

  it('delivered status with the old CBP pricing and conversation', () => {
    const [e] = events('wa-webhook-status-delivered.json');
    expect(e).toEqual({
      type: 'whatsapp-status',
      entryId: '5467539754836534',
      phoneNumberId: '1122334455667',
      displayPhoneNumber: '972123456789',
      id: 'wamid.xyzxyz',
      status: 'delivered',
      timestampMs: 1698266945000,
      recipientId: '972987654321',
      errors: [],
      pricing: { billable: true, pricingModel: 'CBP', category: 'service' },
      conversation: { id: '7270432eae37498234f4444b35ffc5', originType: 'service' },
    });
  });

  it('PMP pricing shape', () => {
    const [e] = parseWebhookPayload({
      object: 'whatsapp_business_account',
      entry: [{ id: 'W', changes: [{ field: 'messages', value: { statuses: [{ id: 'wamid.2', status: 'read', timestamp: '1751500000', recipient_id: '', recipient_user_id: 'US.9', pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' } }] } }] }],
    });
    expect(e).toMatchObject({ recipientId: '', recipientUserId: 'US.9', pricing: { billable: false, pricingModel: 'PMP', type: 'free_customer_service' } });
  });

  it('failed status with error 131026', () => {
    const [e] = events('wa-webhook-status-failed-131026.json');
    expect(e).toMatchObject({
      type: 'whatsapp-status',
      status: 'failed',
      errors: [{ code: 131026, title: 'Receiver is incapable of receiving this message', details: 'Message Undeliverable.' }],
    });
  });

  it('smb_message_echoes (Coexistence)', () => {
    expect(events('wa-webhook-smb-message-echo-coexistence.json')).toEqual([
      {
        type: 'whatsapp-echo',
        entryId: '<WHATSAPP_BUSINESS_ACCOUNT_ID>',
        phoneNumberId: '1122334455667',
        displayPhoneNumber: '972123456789',
        id: '<WHATSAPP_MESSAGE_ID>',
        from: '<BUSINESS_DISPLAY_PHONE_NUMBER>',
        to: '<WHATSAPP_USER_PHONE_NUMBER>',
        toUserId: '<BSUID>',
        timestampMs: 1697043223000,
        messageType: 'text',
        text: 'Test message',
      },
    ]);
  });
});

describe('raw bodies and signatures', () => {
  it('keeps long numeric ids exact when parsing raw bytes', () => {
    const raw = '{"object":"page","entry":[{"id":12345678901234567,"time":1,"messaging":[{"sender":{"id":98765432109876543},"recipient":{"id":1},"timestamp":1700000000000,"message":{"mid":"m"}}]}]}';
    const [e] = parseWebhookBody(Buffer.from(raw));
    expect(e).toMatchObject({ entryId: '12345678901234567', senderId: '98765432109876543' });
  });

  it('verifies X-Hub-Signature-256 on the raw bytes, timing-safe, with several candidate secrets', () => {
    const body = fixtureBytes('ig-messaging-webhook-seen.json');
    const sign = (secret: string, bytes: Buffer) => `sha256=${createHmac('sha256', secret).update(bytes).digest('hex')}`;
    const header = sign('ig-app-secret', body);
    expect(verifySignature(body, header, 'ig-app-secret')).toBe(true);
    expect(verifySignature(body, header, ['meta-app-secret', 'ig-app-secret'])).toBe(true);
    expect(verifySignature(body, header, 'wrong')).toBe(false);
    // Re-serialised JSON differs from the signed bytes.
    expect(verifySignature(Buffer.from(JSON.stringify(JSON.parse(body.toString()))), header, 'ig-app-secret')).toBe(false);
    expect(verifySignature(body, undefined, 'ig-app-secret')).toBe(false);
    expect(verifySignature(body, 'sha256=abc', 'ig-app-secret')).toBe(false);
    expect(verifySignature(body, header.replace('sha256=', 'sha1='), 'ig-app-secret')).toBe(false);
  });
});
