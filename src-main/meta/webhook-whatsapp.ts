/**
 * WhatsApp Cloud API webhook changes (`object: whatsapp_business_account`, meta-api.md §6):
 * received messages, statuses of sent ones (old CBP+conversation and new PMP pricing shapes) and
 * Coexistence echoes. 2026 usernames mean `wa_id`/`from` may be "" — keep the BSUID `user_id`.
 */
import { parseGraphError } from './error-parse';
import { asArray, asBoolean, asNumber, asRecord, asString, toEpochMs, type JsonRecord } from './json-access';
import type {
  WebhookEvent,
  WhatsAppContact,
  WhatsAppErrorInfo,
  WhatsAppMessageEvent,
  WhatsAppStatusEvent,
} from './webhook-types';

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'];

function parseContact(value: unknown): WhatsAppContact | undefined {
  const c = asRecord(value);
  if (!c) return undefined;
  const profile = asRecord(c.profile) ?? {};
  const contact: WhatsAppContact = { waId: asString(c.wa_id) ?? '' };
  const userId = asString(c.user_id);
  const parentUserId = asString(c.parent_user_id);
  const name = asString(profile.name);
  const username = asString(profile.username) ?? asString(c.username);
  const countryCode = asString(profile.country_code) ?? asString(c.country_code);
  if (userId) contact.userId = userId;
  if (parentUserId) contact.parentUserId = parentUserId;
  if (name) contact.name = name;
  if (username) contact.username = username;
  if (countryCode) contact.countryCode = countryCode;
  return contact;
}

/** Converts one WhatsApp error object (status `errors[]` or API `error`) into a classified summary. */
export function parseWhatsAppError(value: unknown): WhatsAppErrorInfo {
  const e = asRecord(value) ?? {};
  const classified = parseGraphError(400, e);
  const info: WhatsAppErrorInfo = { kind: classified.kind };
  const code = asNumber(e.code);
  const title = asString(e.title);
  const message = asString(e.message);
  const details = asString(asRecord(e.error_data)?.details);
  if (code !== undefined) info.code = code;
  if (title) info.title = title;
  if (message) info.message = message;
  if (details) info.details = details;
  return info;
}

function findContact(contacts: WhatsAppContact[], from: string, fromUserId: string | undefined): WhatsAppContact | undefined {
  return (
    contacts.find((c) => (fromUserId && c.userId === fromUserId) || (from !== '' && c.waId === from)) ??
    (contacts.length === 1 ? contacts[0] : undefined)
  );
}

function parseMessage(m: JsonRecord, base: Pick<WhatsAppMessageEvent, 'entryId' | 'phoneNumberId' | 'displayPhoneNumber'>, contacts: WhatsAppContact[]): WhatsAppMessageEvent {
  const from = asString(m.from) ?? '';
  const fromUserId = asString(m.from_user_id);
  const messageType = asString(m.type) ?? 'unknown';
  const event: WhatsAppMessageEvent = {
    type: 'whatsapp-message',
    ...base,
    id: asString(m.id) ?? '',
    from,
    timestampMs: toEpochMs(m.timestamp) ?? 0,
    messageType,
  };
  if (fromUserId) event.fromUserId = fromUserId;
  const contact = findContact(contacts, from, fromUserId);
  if (contact) event.contact = contact;
  const text = asString(asRecord(m.text)?.body);
  if (text !== undefined) event.text = text;
  if (MEDIA_TYPES.includes(messageType)) {
    const media = asRecord(m[messageType]);
    const id = asString(media?.id);
    if (media && id) {
      event.media = { id };
      const mimeType = asString(media.mime_type);
      const sha256 = asString(media.sha256);
      const caption = asString(media.caption);
      const filename = asString(media.filename);
      if (mimeType) event.media.mimeType = mimeType;
      if (sha256) event.media.sha256 = sha256;
      if (caption !== undefined) event.media.caption = caption;
      if (filename) event.media.filename = filename;
      if (caption !== undefined && event.text === undefined) event.text = caption;
    }
  }
  const contextId = asString(asRecord(m.context)?.id);
  if (contextId) event.contextMessageId = contextId;
  return event;
}

function parseStatus(s: JsonRecord, base: Pick<WhatsAppStatusEvent, 'entryId' | 'phoneNumberId' | 'displayPhoneNumber'>): WhatsAppStatusEvent {
  const event: WhatsAppStatusEvent = {
    type: 'whatsapp-status',
    ...base,
    id: asString(s.id) ?? '',
    status: asString(s.status) ?? 'unknown',
    timestampMs: toEpochMs(s.timestamp) ?? 0,
    recipientId: asString(s.recipient_id) ?? '',
    errors: asArray(s.errors).map(parseWhatsAppError),
  };
  const recipientUserId = asString(s.recipient_user_id);
  if (recipientUserId) event.recipientUserId = recipientUserId;
  const pricing = asRecord(s.pricing);
  if (pricing) {
    // Pre-July-2025 payloads: pricing_model "CBP" + conversation{}; since then "PMP" + pricing.type.
    event.pricing = {};
    const billable = asBoolean(pricing.billable);
    const model = asString(pricing.pricing_model);
    const category = asString(pricing.category);
    const type = asString(pricing.type);
    if (billable !== undefined) event.pricing.billable = billable;
    if (model) event.pricing.pricingModel = model;
    if (category) event.pricing.category = category;
    if (type) event.pricing.type = type;
  }
  const conversation = asRecord(s.conversation);
  const conversationId = asString(conversation?.id);
  if (conversation && conversationId) {
    event.conversation = { id: conversationId };
    const originType = asString(asRecord(conversation.origin)?.type);
    const expiration = toEpochMs(conversation.expiration_timestamp);
    if (originType) event.conversation.originType = originType;
    if (expiration !== undefined) event.conversation.expirationMs = expiration;
  }
  return event;
}

/** Normalises one `entry[].changes[]` item of a WhatsApp Business Account webhook. */
export function parseWhatsAppChange(entryId: string, change: JsonRecord): WebhookEvent[] {
  const field = asString(change.field) ?? '';
  const value = asRecord(change.value) ?? {};
  const metadata = asRecord(value.metadata) ?? {};
  const base: Pick<WhatsAppMessageEvent, 'entryId' | 'phoneNumberId' | 'displayPhoneNumber'> = { entryId };
  const phoneNumberId = asString(metadata.phone_number_id);
  const displayPhoneNumber = asString(metadata.display_phone_number);
  if (phoneNumberId) base.phoneNumberId = phoneNumberId;
  if (displayPhoneNumber) base.displayPhoneNumber = displayPhoneNumber;
  const contacts = asArray(value.contacts).map(parseContact).filter((c): c is WhatsAppContact => c !== undefined);

  const events: WebhookEvent[] = [];
  if (field === 'messages') {
    for (const m of asArray(value.messages)) {
      const rec = asRecord(m);
      if (rec) events.push(parseMessage(rec, base, contacts));
    }
    for (const s of asArray(value.statuses)) {
      const rec = asRecord(s);
      if (rec) events.push(parseStatus(rec, base));
    }
  } else if (field === 'smb_message_echoes') {
    for (const m of asArray(value.message_echoes)) {
      const e = asRecord(m);
      if (!e) continue;
      const toUserId = asString(e.to_user_id);
      const text = asString(asRecord(e.text)?.body);
      events.push({
        type: 'whatsapp-echo',
        ...base,
        id: asString(e.id) ?? '',
        from: asString(e.from) ?? '',
        to: asString(e.to) ?? '',
        ...(toUserId ? { toUserId } : {}),
        timestampMs: toEpochMs(e.timestamp) ?? 0,
        messageType: asString(e.type) ?? 'unknown',
        ...(text !== undefined ? { text } : {}),
      });
    }
  }
  if (events.length === 0) events.push({ type: 'unknown', object: 'whatsapp_business_account', entryId, field, raw: change });
  return events;
}
