import { prepareCached, type Db } from '../database';
import type {
  ConversationFilter,
  ConversationPage,
  ConversationSummary,
  InboxCounts,
  MessageItem,
  SearchHit,
  SearchPage,
  SearchQuery,
} from '../../../src-preload/contract';
import { ALL_CONVERSATIONS, getConversation, inboxCounts, queryConversations, threadMessages } from './inbox-queries';
import { searchMessages, toFtsQuery } from './inbox-search';

export { REPLY_WINDOW_MS, HUMAN_AGENT_WINDOW_MS, replyWindowState } from './inbox-queries';

export interface PersonInput {
  idKind: 'igsid' | 'psid' | 'ig_user' | 'fb_user' | 'wa_user';
  externalId: string;
  username?: string | null;
  name?: string | null;
}

export interface ConversationInput {
  externalId: string;
  platform: ConversationSummary['platform'];
  personId: number | null;
  updatedAt: number;
  /** Meta withholds this thread's older messages (Instagram keeps only the 20 newest readable). */
  historyLimited?: boolean;
}

export interface MessageInput {
  externalId: string;
  direction: 'in' | 'out';
  sentAt: number;
  text: string | null;
  attachments?: unknown[] | null;
  replyToExternalId?: string | null;
  /** Meta's `is_owner`: sent by the business that owns the thread (null when Meta did not say). */
  isOwner?: boolean | null;
  isDeleted?: boolean;
}

export class InboxRepository {
  constructor(private readonly db: Db) {}

  /** Inserts or refreshes a person keyed on (account, id kind, Meta id); returns the local id. */
  upsertPerson(accountId: number, p: PersonInput, seenAt: number): number {
    const row = prepareCached(this.db, 
        `INSERT INTO people (account_id, id_kind, external_id, username, name, first_seen_at, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id, id_kind, external_id) DO UPDATE SET
           username = coalesce(excluded.username, username), name = coalesce(excluded.name, name),
           first_seen_at = min(first_seen_at, excluded.first_seen_at), last_seen_at = max(last_seen_at, excluded.last_seen_at)
         RETURNING id`,
      )
      .get(accountId, p.idKind, p.externalId, p.username ?? null, p.name ?? null, seenAt, seenAt) as { id: number };
    return row.id;
  }

  upsertConversation(accountId: number, c: ConversationInput): number {
    const row = prepareCached(this.db, 
        `INSERT INTO conversations (account_id, external_id, platform, person_id, updated_at, history_limited) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id, external_id) DO UPDATE SET
           person_id = coalesce(excluded.person_id, person_id), updated_at = max(updated_at, excluded.updated_at),
           history_limited = excluded.history_limited
         RETURNING id`,
      )
      .get(accountId, c.externalId, c.platform, c.personId, c.updatedAt, c.historyLimited ? 1 : 0) as { id: number };
    return row.id;
  }

  /**
   * Stores a message once per (conversation, Meta id). A repeat only updates what can change:
   * an unsend (`isDeleted`) erases the text for good, and it never comes back on a later read.
   * Returns true when the message was new.
   */
  upsertMessage(conversationId: number, m: MessageInput, storedAt: number): boolean {
    const inserted = prepareCached(this.db, 
        `INSERT OR IGNORE INTO messages
           (conversation_id, external_id, direction, sent_at, text, attachments, reply_to_external_id, is_owner, is_deleted, stored_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        conversationId,
        m.externalId,
        m.direction,
        m.sentAt,
        m.isDeleted ? null : m.text,
        !m.isDeleted && m.attachments && m.attachments.length > 0 ? JSON.stringify(m.attachments) : null,
        m.replyToExternalId ?? null,
        m.isOwner === undefined || m.isOwner === null ? null : m.isOwner ? 1 : 0,
        m.isDeleted ? 1 : 0,
        storedAt,
      ).changes > 0;
    if (!inserted && m.isDeleted) {
      prepareCached(this.db, 
          `UPDATE messages SET is_deleted = 1, text = NULL, attachments = NULL
           WHERE conversation_id = ? AND external_id = ? AND is_deleted = 0`,
        )
        .run(conversationId, m.externalId);
    }
    return inserted;
  }

  /** Deletes messages sent before `cutoff` and refreshes their threads' times; returns how many. */
  deleteMessagesBefore(cutoff: number): number {
    const affected = prepareCached(this.db, 'SELECT DISTINCT conversation_id AS id FROM messages WHERE sent_at < ?').all(cutoff) as Array<{ id: number }>;
    const deleted = prepareCached(this.db, 'DELETE FROM messages WHERE sent_at < ?').run(cutoff).changes;
    for (const { id } of affected) this.refreshConversationTimes(id);
    return deleted;
  }

  /** Text-only mode: drops every stored attachment reference; returns how many messages had one. */
  clearAttachments(): number {
    return prepareCached(this.db, 'UPDATE messages SET attachments = NULL WHERE attachments IS NOT NULL').run().changes;
  }

  /** Local ids of an account's conversations by Meta id. */
  conversationIds(accountId: number): Map<string, number> {
    const rows = prepareCached(this.db, 'SELECT id, external_id FROM conversations WHERE account_id = ?').all(accountId) as Array<{ id: number; external_id: string }>;
    return new Map(rows.map((r) => [r.external_id, r.id]));
  }

  /** When the newest stored message of a thread was sent, or null when it has none. */
  newestMessageAt(conversationId: number): number | null {
    const row = prepareCached(this.db, 'SELECT max(sent_at) AS at FROM messages WHERE conversation_id = ?').get(conversationId) as { at: number | null };
    return row.at;
  }

  /** Meta ids of the stored, not yet unsent messages of a thread sent at or after `since`. */
  messageIdsSince(conversationId: number, since: number): string[] {
    const rows = prepareCached(this.db, 'SELECT external_id FROM messages WHERE conversation_id = ? AND sent_at >= ? AND is_deleted = 0')
      .all(conversationId, since) as Array<{ external_id: string }>;
    return rows.map((r) => r.external_id);
  }

  /** Recomputes a conversation's last message and last incoming times from its messages. */
  refreshConversationTimes(conversationId: number): void {
    prepareCached(this.db, 
        `UPDATE conversations SET
           last_message_at = (SELECT max(sent_at) FROM messages WHERE conversation_id = @id),
           last_incoming_at = (SELECT max(sent_at) FROM messages WHERE conversation_id = @id AND direction = 'in')
         WHERE id = @id`,
      )
      .run({ id: conversationId });
  }

  /** Newest activity first, paged by `before` (the last `activityAt` seen); see `queryConversations` for filters. */
  listConversations(accountId: number | null, limit: number, before: number | null, now: number): ConversationSummary[] {
    return queryConversations(this.db, { ...ALL_CONVERSATIONS, accountId }, 0, limit, now, before, false).items;
  }

  queryConversations(filter: ConversationFilter, offset: number, limit: number, now: number): ConversationPage {
    return queryConversations(this.db, filter, offset, limit, now);
  }

  getConversation(conversationId: number, now: number): ConversationSummary | null {
    return getConversation(this.db, conversationId, now);
  }

  counts(now: number): InboxCounts {
    return inboxCounts(this.db, now);
  }

  /** Newest first, unsent ones left out; pass the oldest `sentAt` seen as `before` for the next page. */
  getMessages(conversationId: number, limit: number, before: number | null): MessageItem[] {
    return threadMessages(this.db, conversationId, limit, before);
  }

  /** Full-text search, newest first: every hit paged, with the total. */
  searchMessages(query: SearchQuery, now: number): SearchPage {
    return searchMessages(this.db, query, now);
  }

  /** The first `limit` hits of a plain search, newest first. */
  search(query: string, limit: number, now = Date.now()): SearchHit[] {
    return searchMessages(this.db, { query, accountId: null, platform: null, from: null, to: null, offset: 0, limit }, now).hits;
  }
}

export { toFtsQuery };
