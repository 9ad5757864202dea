import { prepareCached, type Db } from '../database';
import type { InboxBadge, SavedReply } from '../../../src-preload/contract';

/** Older than this before the last look, an item that arrives is history being filled in, not news. */
const HISTORY_MS = 24 * 60 * 60 * 1000;

/** A label as stored: trimmed, inner spaces collapsed, at most 40 characters. */
export function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').slice(0, 40);
}

/**
 * Local triage of conversations: read state, done, labels, an internal note, saved replies and
 * the instants the Inbox badge and notifications count from. None of it is ever sent to Meta.
 */
export class TriageRepository {
  constructor(private readonly db: Db) {}

  private touch(conversationId: number, now: number): void {
    prepareCached(this.db, `INSERT INTO conversation_triage (conversation_id, updated_at) VALUES (?, ?) ON CONFLICT DO UPDATE SET updated_at = excluded.updated_at`).run(
      conversationId,
      now,
    );
  }

  private exists(conversationId: number): boolean {
    return prepareCached(this.db, 'SELECT 1 FROM conversations WHERE id = ?').get(conversationId) !== undefined;
  }

  /** Read: everything the person wrote so far counts as seen. Unread: a manual mark until it is opened again. */
  markRead(conversationId: number, read: boolean, now: number): boolean {
    if (!this.exists(conversationId)) return false;
    this.touch(conversationId, now);
    if (read) {
      prepareCached(this.db, `UPDATE conversation_triage SET marked_unread = 0,
          read_upto = max(coalesce(read_upto, 0), coalesce((SELECT last_incoming_at FROM conversations WHERE id = @id), 0))
          WHERE conversation_id = @id`).run({ id: conversationId });
    } else {
      prepareCached(this.db, 'UPDATE conversation_triage SET marked_unread = 1 WHERE conversation_id = ?').run(conversationId);
    }
    return true;
  }

  /** Everything received until now counts as read. */
  markAllRead(now: number): void {
    this.db.transaction(() => {
      this.setMark('read_floor', now);
      prepareCached(this.db, 'UPDATE conversation_triage SET marked_unread = 0, updated_at = ? WHERE marked_unread = 1').run(now);
    })();
  }

  /** Done until the person writes again; reopen clears it. */
  setDone(conversationId: number, done: boolean, now: number): boolean {
    if (!this.exists(conversationId)) return false;
    this.touch(conversationId, now);
    prepareCached(this.db, 'UPDATE conversation_triage SET done_at = ? WHERE conversation_id = ?').run(done ? now : null, conversationId);
    return true;
  }

  /** Replaces a conversation's labels; returns them as stored (normalised, unique, sorted). */
  setLabels(conversationId: number, labels: readonly string[], now: number): string[] | null {
    if (!this.exists(conversationId)) return null;
    // One label per spelling regardless of case: "VIP" and "vip" are the same label.
    const byKey = new Map<string, string>();
    for (const label of labels.map(normaliseLabel)) if (label && !byKey.has(label.toLowerCase())) byKey.set(label.toLowerCase(), label);
    const clean = [...byKey.values()].sort();
    this.db.transaction(() => {
      this.touch(conversationId, now);
      prepareCached(this.db, 'DELETE FROM conversation_labels WHERE conversation_id = ?').run(conversationId);
      const insert = prepareCached(this.db, 'INSERT INTO conversation_labels (conversation_id, label) VALUES (?, ?)');
      for (const label of clean) insert.run(conversationId, label);
    })();
    return clean;
  }

  /** The internal note; an empty one is removed. */
  setNote(conversationId: number, note: string, now: number): boolean {
    if (!this.exists(conversationId)) return false;
    this.touch(conversationId, now);
    const text = note.trim();
    prepareCached(this.db, 'UPDATE conversation_triage SET note = ? WHERE conversation_id = ?').run(text.length > 0 ? text : null, conversationId);
    return true;
  }

  listSavedReplies(): SavedReply[] {
    return prepareCached(this.db, 'SELECT id, title, body, shortcut FROM saved_replies ORDER BY title COLLATE NOCASE, id').all() as SavedReply[];
  }

  /** Adds (no id) or changes a saved reply; a shortcut already used by another is refused by the UNIQUE index. */
  saveReply(reply: { id?: number | undefined; title: string; body: string; shortcut: string | null }, now: number): SavedReply | null {
    const shortcut = reply.shortcut?.trim().replace(/^\//, '') || null;
    const title = reply.title.trim();
    const body = reply.body.trim();
    if (reply.id === undefined) {
      return prepareCached(this.db, `INSERT INTO saved_replies (title, body, shortcut, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
          RETURNING id, title, body, shortcut`).get(title, body, shortcut, now, now) as SavedReply;
    }
    return (
      (prepareCached(this.db, `UPDATE saved_replies SET title = ?, body = ?, shortcut = ?, updated_at = ? WHERE id = ?
          RETURNING id, title, body, shortcut`).get(title, body, shortcut, now, reply.id) as SavedReply | undefined) ?? null
    );
  }

  removeSavedReply(id: number): boolean {
    return prepareCached(this.db, 'DELETE FROM saved_replies WHERE id = ?').run(id).changes > 0;
  }

  getMark(name: 'read_floor' | 'comments_seen' | 'notified'): number | null {
    const row = prepareCached(this.db, 'SELECT at FROM inbox_marks WHERE name = ?').get(name) as { at: number } | undefined;
    return row?.at ?? null;
  }

  setMark(name: 'read_floor' | 'comments_seen' | 'notified', at: number): void {
    prepareCached(this.db, 'INSERT INTO inbox_marks (name, at) VALUES (?, ?) ON CONFLICT DO UPDATE SET at = excluded.at').run(name, at);
  }

  /**
   * What the Inbox badge counts: unread conversations, plus comments by others written after the
   * staff last looked at the comments (before any look: after the first time this was asked).
   */
  badge(unreadConversations: number, now: number): InboxBadge {
    let seen = this.getMark('comments_seen');
    if (seen === null) {
      seen = now;
      this.setMark('comments_seen', now);
    }
    return { unreadConversations, newComments: this.commentsSince(seen) };
  }

  /**
   * Comments by people other than the brand account that arrived (were stored) after `since`. By
   * arrival, not by Meta's time: a comment written just before the last look but fetched by a later
   * sync (another account's, a slow page) is still news. What was written over a day before the
   * last look is history (a newly connected account's back-fill), not news.
   */
  commentsSince(since: number): number {
    return (
      prepareCached(this.db, `SELECT count(*) AS n FROM comments cm JOIN accounts a ON a.id = cm.account_id
          LEFT JOIN people p ON p.id = cm.person_id
          WHERE cm.stored_at > @since AND cm.created_at > @since - ${HISTORY_MS}
            AND coalesce(p.external_id, '') <> a.external_id
            AND coalesce(cm.author_username, '') <> coalesce(a.handle, '')`).get({ since }) as { n: number }
    ).n;
  }

  /**
   * Incoming messages that arrived after `since` (same rule as comments), how many conversations
   * they are in, and the newest one's conversation (for a notification to open).
   */
  messagesSince(since: number): { count: number; conversations: number; newestConversationId: number | null } {
    const row = prepareCached(this.db, `SELECT count(*) AS n, count(DISTINCT conversation_id) AS conversations,
          (SELECT conversation_id FROM messages WHERE direction = 'in' AND sent_at > @since - ${HISTORY_MS} AND stored_at > @since
            ORDER BY sent_at DESC LIMIT 1) AS newest
          FROM messages WHERE direction = 'in' AND sent_at > @since - ${HISTORY_MS} AND stored_at > @since`).get({ since }) as { n: number; conversations: number; newest: number | null };
    return { count: row.n, conversations: row.conversations, newestConversationId: row.newest };
  }
}
