import { prepareCached, type Db } from '../database';
import type { ConversationSummary, MessageItem, SearchHit } from '../../../src-preload/contract';

/** Meta's standard messaging window: replies are allowed for 24 h after the person's last message. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

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

  listConversations(accountId: number | null, limit: number, before: number | null, now: number): ConversationSummary[] {
    const rows = prepareCached(this.db, 
        `SELECT c.id, c.account_id, c.platform, c.last_message_at, c.last_incoming_at, c.history_limited,
                coalesce(p.name, p.username, 'Unknown person') AS person_name,
                (SELECT count(*) FROM messages WHERE conversation_id = c.id) AS message_count,
                (SELECT CASE WHEN is_deleted = 1 THEN NULL ELSE text END FROM messages
                   WHERE conversation_id = c.id ORDER BY sent_at DESC LIMIT 1) AS last_text
         FROM conversations c LEFT JOIN people p ON p.id = c.person_id
         WHERE (@accountId IS NULL OR c.account_id = @accountId)
           AND (@before IS NULL OR c.last_message_at < @before)
         ORDER BY c.last_message_at DESC LIMIT @limit`,
      )
      .all({ accountId, before, limit }) as Array<{
      id: number;
      account_id: number;
      platform: ConversationSummary['platform'];
      last_message_at: number | null;
      last_incoming_at: number | null;
      history_limited: number;
      person_name: string;
      message_count: number;
      last_text: string | null;
    }>;
    return rows.map((r) => {
      const windowEnd = r.last_incoming_at === null ? null : r.last_incoming_at + REPLY_WINDOW_MS;
      return {
        id: r.id,
        accountId: r.account_id,
        platform: r.platform,
        personName: r.person_name,
        lastMessageAt: r.last_message_at,
        lastMessageText: r.last_text,
        messageCount: r.message_count,
        replyWindowEndsAt: windowEnd !== null && windowEnd > now ? windowEnd : null,
        historyLimited: r.history_limited === 1,
      };
    });
  }

  /** Newest first; pass the oldest `sentAt` seen as `before` for the next page. */
  getMessages(conversationId: number, limit: number, before: number | null): MessageItem[] {
    const rows = prepareCached(this.db, 
        `SELECT m.id, m.conversation_id, m.direction, m.sent_at, m.text, m.attachments, m.is_deleted, m.is_owner,
                (SELECT q.id FROM messages q WHERE q.conversation_id = m.conversation_id AND q.external_id = m.reply_to_external_id) AS reply_to_id
         FROM messages m
         WHERE m.conversation_id = ? AND (? IS NULL OR m.sent_at < ?) ORDER BY m.sent_at DESC LIMIT ?`,
      )
      .all(conversationId, before, before, limit) as Array<{
      id: number;
      conversation_id: number;
      direction: 'in' | 'out';
      sent_at: number;
      text: string | null;
      attachments: string | null;
      is_deleted: number;
      is_owner: number | null;
      reply_to_id: number | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      conversationId: r.conversation_id,
      direction: r.direction,
      sentAt: r.sent_at,
      text: r.text,
      hasAttachments: r.attachments !== null,
      isDeleted: r.is_deleted === 1,
      replyToMessageId: r.reply_to_id,
      isOwner: r.is_owner === null ? null : r.is_owner === 1,
    }));
  }

  /** Full-text search, newest first. Every word must match; the last one also as a prefix. */
  search(query: string, limit: number): SearchHit[] {
    const match = toFtsQuery(query);
    if (!match) return [];
    const rows = prepareCached(this.db, 
        `SELECT m.id AS message_id, m.conversation_id, m.sent_at,
                coalesce(p.name, p.username, 'Unknown person') AS person_name,
                snippet(messages_fts, 0, '[', ']', '…', 16) AS snippet
         FROM messages_fts
         JOIN messages m ON m.search_key = messages_fts.rowid
         JOIN conversations c ON c.id = m.conversation_id
         LEFT JOIN people p ON p.id = c.person_id
         WHERE messages_fts MATCH ?
         ORDER BY messages_fts.rowid DESC LIMIT ?`,
      )
      .all(match, limit) as Array<{ message_id: number; conversation_id: number; sent_at: number; person_name: string; snippet: string }>;
    return rows.map((r) => ({
      messageId: r.message_id,
      conversationId: r.conversation_id,
      personName: r.person_name,
      sentAt: r.sent_at,
      snippet: r.snippet,
    }));
  }
}

/** Turns what a person typed into a safe FTS5 query: quoted words, the last one a prefix. */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
