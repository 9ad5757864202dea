/**
 * Normalised webhook events the inbox ingests. Ids are always strings and times epoch ms, whatever
 * the payload used; every event keeps the `entryId` (the Page, IG account or WABA it belongs to).
 */

/** Which messaging product a DM event came from. */
export type MessagingPlatform = 'instagram' | 'messenger';

/** One DM attachment. */
export interface MessageAttachment {
  type: string;
  url?: string;
  /** Remaining payload fields (sticker_id, title, ig_post ids, …). */
  payload: Record<string, unknown>;
}

/** Fields shared by every messaging event. */
interface MessagingBase {
  platform: MessagingPlatform;
  entryId: string;
  senderId: string;
  recipientId: string;
  timestampMs: number;
  /** True when delivered via `standby[]` (another app, e.g. Business Suite, owns the thread). */
  standby: boolean;
}

/** A DM (incoming, echo of our own send, unsend, or unsupported content). */
export interface MessageEvent extends MessagingBase {
  type: 'message';
  mid: string;
  text?: string;
  attachments: MessageAttachment[];
  isEcho: boolean;
  isDeleted: boolean;
  isUnsupported: boolean;
  replyTo?: { mid?: string; story?: { id?: string; url?: string } };
  quickReplyPayload?: string;
  /** For echoes: the app that sent the message. */
  appId?: string;
  metadata?: string;
}

/** Seen receipt: IG sends the read `mid`, Messenger a watermark time. */
export interface ReadEvent extends MessagingBase {
  type: 'read';
  mid?: string;
  watermarkMs?: number;
}

/** Messenger delivery receipt. */
export interface DeliveryEvent extends MessagingBase {
  type: 'delivery';
  mids: string[];
  watermarkMs?: number;
}

/** Reaction added or removed on a message. */
export interface ReactionEvent extends MessagingBase {
  type: 'reaction';
  mid: string;
  action: 'react' | 'unreact';
  reaction?: string;
  emoji?: string;
}

/** Button/ice-breaker postback. */
export interface PostbackEvent extends MessagingBase {
  type: 'postback';
  mid?: string;
  title?: string;
  payload?: string;
}

/** Message edited by its sender. */
export interface MessageEditEvent extends MessagingBase {
  type: 'message-edit';
  mid: string;
  text?: string;
  numEdit?: number;
}

/** An Instagram comment (both IG Login and FB Login shapes). */
export interface CommentEvent {
  type: 'comment';
  platform: 'instagram';
  field: 'comments' | 'live_comments';
  entryId: string;
  timeMs?: number;
  commentId: string;
  text?: string;
  from?: { id: string; username?: string };
  parentId?: string;
  media?: { id: string; mediaProductType?: string; adId?: string; adTitle?: string; originalMediaId?: string };
}

/** A Facebook Page `feed` change (post, comment, reaction, …). */
export interface PageFeedEvent {
  type: 'page-feed';
  entryId: string;
  timeMs?: number;
  item: string;
  verb: string;
  postId?: string;
  commentId?: string;
  parentId?: string;
  from?: { id: string; name?: string };
  message?: string;
  createdTimeMs?: number;
  reactionType?: string;
  isHidden?: boolean;
}

/** A WhatsApp contact card as sent with messages (BSUID fields from 2026). */
export interface WhatsAppContact {
  /** Phone-based id; may be "" for username users (2026). */
  waId: string;
  /** Business-scoped user id (BSUID); the stable key when `waId` is empty. */
  userId?: string;
  parentUserId?: string;
  name?: string;
  username?: string;
  countryCode?: string;
}

/** Fields shared by WhatsApp events. */
interface WhatsAppBase {
  entryId: string;
  phoneNumberId?: string;
  displayPhoneNumber?: string;
}

/** A received WhatsApp message. */
export interface WhatsAppMessageEvent extends WhatsAppBase {
  type: 'whatsapp-message';
  id: string;
  from: string;
  fromUserId?: string;
  contact?: WhatsAppContact;
  timestampMs: number;
  messageType: string;
  text?: string;
  media?: { id: string; mimeType?: string; sha256?: string; caption?: string; filename?: string };
  contextMessageId?: string;
}

/** An error attached to a WhatsApp status (or API response). */
export interface WhatsAppErrorInfo {
  code?: number;
  title?: string;
  message?: string;
  details?: string;
  /** Classified kind, e.g. 'outside-window' for 131047. */
  kind: string;
}

/** Sent/delivered/read/failed status of a message we sent. */
export interface WhatsAppStatusEvent extends WhatsAppBase {
  type: 'whatsapp-status';
  id: string;
  status: string;
  timestampMs: number;
  recipientId: string;
  recipientUserId?: string;
  pricing?: { billable?: boolean; pricingModel?: string; category?: string; type?: string };
  conversation?: { id: string; originType?: string; expirationMs?: number };
  errors: WhatsAppErrorInfo[];
}

/** A message the business sent from the WhatsApp Business app (Coexistence `smb_message_echoes`). */
export interface WhatsAppEchoEvent extends WhatsAppBase {
  type: 'whatsapp-echo';
  id: string;
  from: string;
  to: string;
  toUserId?: string;
  timestampMs: number;
  messageType: string;
  text?: string;
}

/** Anything we recognise structurally but do not model yet; kept so ingestion can log it. */
export interface UnknownWebhookEvent {
  type: 'unknown';
  object: string;
  entryId?: string;
  field?: string;
  raw: unknown;
}

/** Every event `parseWebhookPayload` can return. */
export type WebhookEvent =
  | MessageEvent
  | ReadEvent
  | DeliveryEvent
  | ReactionEvent
  | PostbackEvent
  | MessageEditEvent
  | CommentEvent
  | PageFeedEvent
  | WhatsAppMessageEvent
  | WhatsAppStatusEvent
  | WhatsAppEchoEvent
  | UnknownWebhookEvent;
