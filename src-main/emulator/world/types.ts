/**
 * Plain-data shape of the emulator world. Everything here is JSON-serialisable so tests can
 * snapshot it and the app's demo workspace can persist it; behaviour lives in functions.
 * Times are unix milliseconds.
 */

/**
 * Which canned world to build: 'demo' is the full showcase, 'small' keeps tests fast; the others
 * each show one way the real Meta differs from a tidy API (see scenarios.ts).
 */
export type Scenario = 'demo' | 'small' | 'converted' | 'insights-gaps' | 'small-account' | 'heavy' | 'long-threads' | 'bench-brand';
/** IG media_type. */
export type MediaType = 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
/** IG media_product_type (AD: media created for an ad; Meta documents no insights metrics for it). */
export type MediaProductType = 'FEED' | 'REELS' | 'STORY' | 'AD';
/** DM platform, as in `?platform=` on the conversations edge. */
export type Platform = 'instagram' | 'messenger';
/** Brand flavour that drives captions, comments and DM texts. */
export type Niche = 'studio' | 'cafe';

/** The Meta app the emulated client is registered as. */
export interface AppInfo {
  id: string;
  name: string;
  secret: string;
  /** IG Login has its own app id/secret pair (Instagram app in the dashboard). */
  igAppId: string;
  igAppSecret: string;
}

/** A token the emulator recognises. */
export interface TokenSpec {
  token: string;
  kind: 'system_user' | 'user' | 'page' | 'app' | 'ig_user';
  /** User id, page id, IG user id or app id the token acts as. */
  subjectId: string;
  appId: string;
  issuedAt: number;
  /** 0 = never expires (system-user and Page tokens derived from long-lived user tokens). */
  expiresAt: number;
  dataAccessExpiresAt: number;
  scopes: string[];
  host: 'facebook' | 'instagram';
  /** Set once DELETE /{user-id}/permissions revoked it. */
  revoked?: boolean;
}

/** The business portfolio owning the assets. */
export interface Business {
  id: string;
  name: string;
  systemUserId: string;
  systemUserName: string;
}

/** The human Facebook user who administers the Pages (app-scoped id). */
export interface FbUser {
  id: string;
  name: string;
}

/** An Instagram professional account. */
export interface IgAccount {
  id: string;
  /** IG Login's app-scoped `id` (the `user_id` field is the real IG user id above). */
  igLoginScopedId: string;
  niche: Niche;
  username: string;
  name: string;
  biography: string;
  website: string;
  profilePictureUrl: string;
  followsCount: number;
  /** Followers at `historyStart`; growth is exponential (see growth.ts). */
  followersStart: number;
  growthRatePerDay: number;
  historyStart: number;
  pageId: string;
  /** Newest first. */
  mediaIds: string[];
  /** Conversations reached through this IG account (platform=instagram). */
  conversationIds: string[];
  /**
   * When the account last became a business account; media posted before it answer insights with
   * 100/2108006. Absent: a business account from its first post.
   */
  businessConvertedAt?: number;
}

/** A Facebook Page. */
export interface Page {
  id: string;
  niche: Niche;
  name: string;
  category: string;
  about: string;
  link: string;
  fansStart: number;
  growthRatePerDay: number;
  historyStart: number;
  igAccountId: string;
  /** Newest first. */
  postIds: string[];
  /** Messenger conversations (platform=messenger). */
  conversationIds: string[];
}

/** Someone who comments or writes DMs. */
export interface Person {
  key: string;
  name: string;
  username: string;
  /** IG user id shown as `from.id` on comments. */
  igUserId: string;
  /** How chatty they are; the commenter distribution is heavy-tailed. */
  activity: number;
}

/** A carousel child. */
export interface ChildMedia {
  id: string;
  mediaType: 'IMAGE' | 'VIDEO';
  mediaUrl: string;
}

/** An Instagram media object (feed post or reel). */
export interface Media {
  id: string;
  ownerId: string;
  mediaType: MediaType;
  productType: MediaProductType;
  caption: string;
  timestamp: number;
  shortcode: string;
  permalink: string;
  mediaUrl: string;
  thumbnailUrl?: string;
  children: ChildMedia[];
  isCommentEnabled: boolean;
  /** Engagement multiplier (time-of-day signal x long-tail luck). */
  popularity: number;
  followersAtPost: number;
  /** Top-level comment ids, oldest first. */
  commentIds: string[];
  /** Insights of this media answer `(#10) Application does not have permission for this action`. */
  insightsDenied?: boolean;
}

/** A comment on IG media or a Page post (replies have parentId). */
export interface Comment {
  id: string;
  /** IG media id or Page post id. */
  targetId: string;
  parentId?: string;
  text: string;
  timestamp: number;
  fromId: string;
  username: string;
  fromName: string;
  likeCount: number;
  hidden: boolean;
  byOwner: boolean;
  /** Oldest first. */
  replyIds: string[];
}

/** A Facebook Page post. */
export interface PagePost {
  id: string;
  pageId: string;
  message: string;
  createdTime: number;
  statusType: 'added_photos' | 'added_video' | 'mobile_status_update' | 'shared_story';
  permalinkUrl: string;
  fullPicture?: string;
  popularity: number;
  fansAtPost: number;
  commentIds: string[];
}

/** The non-business side of a DM thread. */
export interface Participant {
  /** The Person behind the scoped id (never exposed through the API). */
  personKey: string;
  /** IGSID (instagram) or PSID (messenger), scoped to the account. */
  id: string;
  name: string;
  username?: string;
  /** IG user id of the person (instagram only). */
  userId?: string;
  email?: string;
}

/** A DM thread. */
export interface Conversation {
  id: string;
  platform: Platform;
  /** IG user id (instagram) or Page id (messenger). */
  accountId: string;
  pageId: string;
  participant: Participant;
  /** Oldest first. */
  messageIds: string[];
}

/** A DM attachment. */
export interface Attachment {
  id: string;
  kind: 'image' | 'video' | 'audio' | 'file';
  mimeType: string;
  name: string;
  size: number;
  url: string;
  width?: number;
  height?: number;
}

/** A DM. */
export interface Message {
  id: string;
  conversationId: string;
  createdTime: number;
  fromBusiness: boolean;
  text: string;
  attachments: Attachment[];
  /** Unsent by the author: kept for counts and truth, invisible through the API. */
  unsent: boolean;
  /** Sent with tag HUMAN_AGENT etc. (only for business messages). */
  tag?: string;
}

/** Behaviours of the real Meta a scenario switches on (all off in 'demo' and 'small'). */
export interface WorldQuirks {
  /**
   * A listing whose page size times its nested edges exceeds this fails with code 1 "Please
   * reduce the amount of data you're asking for".
   */
  maxNestedItems?: number;
  /** Pages carry fewer items than `limit` (Meta filters after paging), `next` still present. */
  shortPages?: boolean;
}

/** The whole deterministic world. */
export interface World {
  scenario: Scenario;
  quirks?: WorldQuirks;
  seed: number;
  /** The `now` the world was created with. */
  createdAt: number;
  /** World clock: everything with a time <= now exists. */
  now: number;
  /** Bumped on every mutation so derived indexes can be invalidated. */
  revision: number;
  app: AppInfo;
  business: Business;
  user: FbUser;
  igAccounts: IgAccount[];
  pages: Page[];
  people: Person[];
  media: Record<string, Media>;
  comments: Record<string, Comment>;
  posts: Record<string, PagePost>;
  conversations: Record<string, Conversation>;
  messages: Record<string, Message>;
  tokens: TokenSpec[];
}
