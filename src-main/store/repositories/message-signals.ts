/**
 * Reactions, edits and seen receipts that Meta's messaging webhooks report about stored messages
 * (migration 012). Every write is idempotent and order-safe: a redelivered or late event older
 * than what is stored changes nothing.
 */
import { prepareCached, type Db } from '../database';

/** A stored message, found by Meta's `mid` among one account's threads. */
export interface MessageRef {
  id: number;
  conversationId: number;
  sentAt: number;
}

export interface ReactionInput {
  messageId: number;
  byBusiness: boolean;
  action: 'react' | 'unreact';
  emoji: string | null;
  reaction: string | null;
  at: number;
}

export class MessageSignalsRepository {
  constructor(private readonly db: Db) {}

  findMessage(accountId: number, externalId: string): MessageRef | null {
    const row = prepareCached(this.db,
      `SELECT m.id, m.conversation_id AS conversationId, m.sent_at AS sentAt FROM messages m
       JOIN conversations c ON c.id = m.conversation_id
       WHERE c.account_id = ? AND m.external_id = ? AND m.is_deleted = 0 LIMIT 1`,
    ).get(accountId, externalId) as MessageRef | undefined;
    return row ?? null;
  }

  /** Records a react/unreact; returns false when a newer event for that side is already stored. */
  setReaction(r: ReactionInput): boolean {
    return prepareCached(this.db,
      `INSERT INTO message_reactions (message_id, by_business, action, emoji, reaction, reacted_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (message_id, by_business) DO UPDATE SET action = excluded.action, emoji = excluded.emoji,
         reaction = excluded.reaction, reacted_at = excluded.reacted_at
       WHERE excluded.reacted_at > message_reactions.reacted_at
          OR (excluded.reacted_at = message_reactions.reacted_at AND excluded.action = 'unreact' AND message_reactions.action = 'react')`,
    ).run(r.messageId, r.byBusiness ? 1 : 0, r.action, r.action === 'react' ? r.emoji : null, r.action === 'react' ? r.reaction : null, r.at).changes > 0;
  }

  /**
   * Replaces a message's text with its edited version (only the newest text is kept: the person
   * edited the old one away). `editNumber` is Meta's `num_edit` (1 for the first edit); an edit not
   * newer than the stored one is ignored. `text` null marks the edit but keeps the stored text (a
   * sync read the message after the edit, so its text is already the current one). Returns whether
   * it applied.
   */
  applyEdit(messageId: number, text: string | null, editNumber: number, at: number): boolean {
    return prepareCached(this.db,
      `UPDATE messages SET text = coalesce(?, text), edited_at = ?, edit_count = ?
       WHERE id = ? AND is_deleted = 0 AND (edit_count < ? OR (edit_count = ? AND coalesce(edited_at, 0) < ?))`,
    ).run(text, at, editNumber, messageId, editNumber, editNumber, at).changes > 0;
  }

  /** Moves the person's "seen up to" mark of a thread forward (never back). */
  markSeen(conversationId: number, seenUpto: number, now: number): boolean {
    return prepareCached(this.db,
      `INSERT INTO conversation_seen (conversation_id, seen_upto, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET seen_upto = excluded.seen_upto, updated_at = excluded.updated_at
       WHERE excluded.seen_upto > conversation_seen.seen_upto`,
    ).run(conversationId, seenUpto, now).changes > 0;
  }

  /** The person's thread with this account on this platform, if the store has one. */
  threadWith(accountId: number, platform: 'instagram' | 'messenger', personExternalId: string): number | null {
    const row = prepareCached(this.db,
      `SELECT c.id FROM conversations c JOIN people p ON p.id = c.person_id
       WHERE c.account_id = ? AND c.platform = ? AND p.external_id = ? ORDER BY c.last_message_at DESC LIMIT 1`,
    ).get(accountId, platform, personExternalId) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** Keeps a signal whose message is not stored yet; false when the same event is already waiting. */
  holdPending(p: PendingSignalInput): boolean {
    return prepareCached(this.db,
      `INSERT OR IGNORE INTO pending_message_signals
         (account_id, platform, kind, message_external_id, person_external_id, by_business, happened_at, received_at, event)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(p.accountId, p.platform, p.kind, p.messageExternalId, p.personExternalId, p.byBusiness ? 1 : 0, p.happenedAt, p.receivedAt, p.event).changes > 0;
  }

  /**
   * Signals waiting for this message: those naming its `mid`, and the thread-wide ones (a Messenger
   * watermark) of the person it was exchanged with. Oldest first, so they apply in Meta's order.
   */
  pendingFor(accountId: number, platform: 'instagram' | 'messenger', messageExternalId: string, personExternalId: string): PendingSignal[] {
    return prepareCached(this.db,
      `SELECT id, kind, event FROM pending_message_signals
       WHERE account_id = ? AND (message_external_id = ? OR (message_external_id = '' AND platform = ? AND person_external_id = ?))
       ORDER BY happened_at, id`,
    ).all(accountId, messageExternalId, platform, personExternalId) as PendingSignal[];
  }

  dropPending(id: number): void {
    prepareCached(this.db, 'DELETE FROM pending_message_signals WHERE id = ?').run(id);
  }

  /** Drops signals for a message that arrived already unsent (nothing left to react to or read). */
  dropPendingForMessage(accountId: number, messageExternalId: string): number {
    return prepareCached(this.db, 'DELETE FROM pending_message_signals WHERE account_id = ? AND message_external_id = ?').run(accountId, messageExternalId).changes;
  }

  /** Drops signals received before `cutoff` whose message never came; returns how many. */
  dropPendingReceivedBefore(cutoff: number): number {
    return prepareCached(this.db, 'DELETE FROM pending_message_signals WHERE received_at < ?').run(cutoff).changes;
  }

  /** Retention: drops waiting signals about what happened before `cutoff`, as it drops messages sent then. */
  dropPendingHappenedBefore(cutoff: number): number {
    return prepareCached(this.db, 'DELETE FROM pending_message_signals WHERE happened_at < ?').run(cutoff).changes;
  }
}

export interface PendingSignalInput {
  accountId: number;
  platform: 'instagram' | 'messenger';
  kind: 'reaction' | 'read' | 'message-edit';
  /** Meta's `mid`, or '' when the event names only the person's thread (a Messenger watermark). */
  messageExternalId: string;
  /** The other party (IGSID/PSID), by which forget finds the row. */
  personExternalId: string;
  byBusiness: boolean;
  happenedAt: number;
  receivedAt: number;
  /** The normalised webhook event as JSON. */
  event: string;
}

export interface PendingSignal {
  id: number;
  kind: PendingSignalInput['kind'];
  event: string;
}
