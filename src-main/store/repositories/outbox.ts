import { prepareCached, type Db } from '../database';
import type { OutboxItem, OutboxKind, OutboxReasonCode } from '../../../src-preload/outbox-types';

/** SQL: outbox rows that are a live (not failed) private reply to the comment `commentIdSql`. */
export const PRIVATE_REPLY_OF = (commentIdSql: string) => `comment_id = ${commentIdSql} AND kind = 'private_reply' AND state <> 'failed'`;

export interface OutboxInput {
  accountId: number;
  kind: OutboxKind;
  conversationId?: number | null;
  commentId?: number | null;
  targetExternalId: string;
  text?: string | null;
  tag?: 'HUMAN_AGENT' | null;
}

/** An item with what the sender needs beyond the public shape. */
export interface OutboxRecord extends OutboxItem {
  targetExternalId: string;
  sendingSince: number | null;
  resultExternalId: string | null;
}

interface OutboxRow {
  id: number;
  account_id: number;
  kind: OutboxKind;
  conversation_id: number | null;
  comment_id: number | null;
  target_external_id: string;
  text: string | null;
  tag: 'HUMAN_AGENT' | null;
  state: OutboxItem['state'];
  attempts: number;
  next_attempt_at: number | null;
  reason_code: OutboxReasonCode | null;
  reason: string | null;
  result_external_id: string | null;
  created_at: number;
  sending_since: number | null;
  sent_at: number | null;
}

function toRecord(r: OutboxRow): OutboxRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    kind: r.kind,
    conversationId: r.conversation_id,
    commentId: r.comment_id,
    text: r.text,
    tag: r.tag,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    reasonCode: r.reason_code,
    reason: r.reason,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    targetExternalId: r.target_external_id,
    sendingSince: r.sending_since,
    resultExternalId: r.result_external_id,
  };
}

/** Strips what only the sender needs (Meta ids) before an item crosses IPC. */
export function publicItem(r: OutboxRecord): OutboxItem {
  const { targetExternalId: _t, sendingSince: _s, resultExternalId: _r, ...item } = r;
  return item;
}

/** The outbox table: every write is its own statement, so each state change is durable at once. */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /** Writes a new item as queued (before anything is sent) and returns it. */
  enqueue(input: OutboxInput, now: number): OutboxRecord {
    const row = prepareCached(
      this.db,
      `INSERT INTO outbox (account_id, kind, conversation_id, comment_id, target_external_id, text, tag, state, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?) RETURNING *`,
    ).get(input.accountId, input.kind, input.conversationId ?? null, input.commentId ?? null, input.targetExternalId, input.text ?? null, input.tag ?? null, now, now, now) as OutboxRow;
    return toRecord(row);
  }

  get(id: number): OutboxRecord | null {
    const row = prepareCached(this.db, 'SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined;
    return row ? toRecord(row) : null;
  }

  /**
   * Claims a queued item for sending: records "sending" and when, durably, before Meta is called.
   * Returns false when another run already claimed it.
   */
  markSending(id: number, now: number, tag?: 'HUMAN_AGENT' | null): boolean {
    return (
      prepareCached(
        this.db,
        `UPDATE outbox SET state = 'sending', sending_since = ?, attempts = attempts + 1, tag = CASE WHEN ? THEN ? ELSE tag END, updated_at = ?
         WHERE id = ? AND state IN ('queued', 'failed')`,
      ).run(now, tag === undefined ? 0 : 1, tag ?? null, now, id).changes > 0
    );
  }

  markSent(id: number, resultExternalId: string | null, now: number): void {
    prepareCached(
      this.db,
      `UPDATE outbox SET state = 'sent', sent_at = ?, result_external_id = ?, reason_code = NULL, reason = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ?`,
    ).run(now, resultExternalId, now, id);
  }

  /** Back to the queue with the reason; `nextAttemptAt` null means "wait for a reconnect". */
  markWaiting(id: number, code: OutboxReasonCode, reason: string, nextAttemptAt: number | null, now: number): void {
    prepareCached(
      this.db,
      `UPDATE outbox SET state = 'queued', reason_code = ?, reason = ?, next_attempt_at = ?, sending_since = NULL, updated_at = ? WHERE id = ?`,
    ).run(code, reason, nextAttemptAt, now, id);
  }

  markFailed(id: number, code: OutboxReasonCode, reason: string, now: number): void {
    prepareCached(
      this.db,
      `UPDATE outbox SET state = 'failed', reason_code = ?, reason = ?, next_attempt_at = NULL, sending_since = NULL, updated_at = ? WHERE id = ?`,
    ).run(code, reason, now, id);
  }

  /** Queued items whose time has come (or that wait for a reconnect, when `includeWaiting`), oldest first. */
  due(now: number, includeWaiting: boolean): OutboxRecord[] {
    const rows = prepareCached(
      this.db,
      `SELECT * FROM outbox WHERE state = 'queued' AND ((next_attempt_at IS NOT NULL AND next_attempt_at <= @now) OR (@all = 1 AND next_attempt_at IS NULL))
       ORDER BY created_at, id`,
    ).all({ now, all: includeWaiting ? 1 : 0 }) as OutboxRow[];
    return rows.map(toRecord);
  }

  /** Items left in "sending" (by a run that crashed or was killed). */
  stranded(): OutboxRecord[] {
    return (prepareCached(this.db, `SELECT * FROM outbox WHERE state = 'sending' ORDER BY created_at, id`).all() as OutboxRow[]).map(toRecord);
  }

  /** Queued items waiting for an account to be reconnected. */
  waitingForReconnect(accountId: number): OutboxRecord[] {
    return (
      prepareCached(this.db, `SELECT * FROM outbox WHERE state = 'queued' AND next_attempt_at IS NULL AND account_id = ? ORDER BY created_at, id`).all(accountId) as OutboxRow[]
    ).map(toRecord);
  }

  /** A thread's items, oldest first (what the composer shows under the messages). */
  forConversation(conversationId: number): OutboxRecord[] {
    return (prepareCached(this.db, 'SELECT * FROM outbox WHERE conversation_id = ? ORDER BY created_at, id').all(conversationId) as OutboxRow[]).map(toRecord);
  }

  /** Everything not yet sent, then the newest sent ones. */
  list(limit: number): OutboxRecord[] {
    return (
      prepareCached(
        this.db,
        `SELECT * FROM outbox ORDER BY CASE state WHEN 'sent' THEN 1 ELSE 0 END, created_at DESC, id DESC LIMIT ?`,
      ).all(limit) as OutboxRow[]
    ).map(toRecord);
  }

  /** Drops an unsent item (the person chose to discard it); returns whether one was removed. */
  discard(id: number): boolean {
    return prepareCached(this.db, `DELETE FROM outbox WHERE id = ? AND state IN ('queued', 'failed')`).run(id).changes > 0;
  }

  /** Puts failed items (or one) back in the queue to be tried now. */
  requeueFailed(id: number | null, now: number): number {
    return prepareCached(
      this.db,
      `UPDATE outbox SET state = 'queued', next_attempt_at = ?, updated_at = ? WHERE state = 'failed' AND (? IS NULL OR id = ?)`,
    ).run(now, now, id, id).changes;
  }

  /** Makes waiting items (or one) due now. */
  hurry(id: number | null, now: number): number {
    return prepareCached(
      this.db,
      `UPDATE outbox SET next_attempt_at = ?, updated_at = ? WHERE state = 'queued' AND (? IS NULL OR id = ?)`,
    ).run(now, now, id, id).changes;
  }

  /** A private reply to this comment was sent or is on its way (Meta allows one per comment). */
  hasPrivateReply(commentId: number): boolean {
    return prepareCached(this.db, `SELECT 1 FROM outbox WHERE ${PRIVATE_REPLY_OF('@commentId')}`).get({ commentId }) !== undefined;
  }

  humanAgentAllowed(accountId: number): boolean {
    const row = prepareCached(this.db, 'SELECT human_agent_allowed AS v FROM account_messaging_settings WHERE account_id = ?').get(accountId) as { v: number } | undefined;
    return row?.v === 1;
  }

  setHumanAgentAllowed(accountId: number, allowed: boolean, now: number): void {
    prepareCached(
      this.db,
      `INSERT INTO account_messaging_settings (account_id, human_agent_allowed, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET human_agent_allowed = excluded.human_agent_allowed, updated_at = excluded.updated_at`,
    ).run(accountId, allowed ? 1 : 0, now);
  }

  /** Sent items of the demo accounts, oldest first: the live demo replays them into a fresh world. */
  sentForAccounts(accountIds: readonly number[]): OutboxRecord[] {
    if (accountIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM outbox WHERE state = 'sent' AND account_id IN (${accountIds.map(() => '?').join(',')}) ORDER BY sent_at, id`)
      .all(...accountIds) as OutboxRow[];
    return rows.map(toRecord);
  }
}
