import { prepareCached, type Db } from '../database';

/** What sending into a conversation needs to know about it. */
export interface ConversationTarget {
  id: number;
  accountId: number;
  externalId: string;
  platform: 'instagram' | 'messenger' | 'whatsapp';
  lastIncomingAt: number | null;
  /** The person's IGSID/PSID: the Send API's recipient id. */
  personExternalId: string | null;
  personName: string;
}

/** What acting on a comment needs to know about it. */
export interface CommentTarget {
  id: number;
  accountId: number;
  network: 'instagram' | 'facebook' | 'whatsapp';
  postId: number;
  externalId: string;
  parentExternalId: string | null;
  authorUsername: string | null;
  text: string | null;
  createdAt: number;
  hidden: boolean;
  /** Written by the account itself (its own replies). */
  isOwn: boolean;
}

/** A comment as the CLI lists it. */
export interface CommentListing {
  id: number;
  accountId: number;
  network: string;
  postExternalId: string;
  externalId: string;
  parentExternalId: string | null;
  author: string | null;
  text: string | null;
  createdAt: number;
  hidden: boolean;
  isOwn: boolean;
  replies: number;
}

/**
 * Read and write operations of the answering side on conversations and comments: who to send to,
 * and the local effect of an action Meta confirmed (so the UI shows it before the next sync).
 */
export class ReplyTargetsRepository {
  constructor(private readonly db: Db) {}

  conversation(id: number): ConversationTarget | null {
    const row = prepareCached(
      this.db,
      `SELECT c.id, c.account_id, c.external_id, c.platform, c.last_incoming_at, p.external_id AS person_external_id,
              coalesce(nullif(trim(p.name), ''), p.username, 'Unknown person') AS person_name
       FROM conversations c LEFT JOIN people p ON p.id = c.person_id WHERE c.id = ?`,
    ).get(id) as
      | { id: number; account_id: number; external_id: string; platform: ConversationTarget['platform']; last_incoming_at: number | null; person_external_id: string | null; person_name: string }
      | undefined;
    if (!row) return null;
    return {
      id: row.id,
      accountId: row.account_id,
      externalId: row.external_id,
      platform: row.platform,
      lastIncomingAt: row.last_incoming_at,
      personExternalId: row.person_external_id,
      personName: row.person_name,
    };
  }

  /** The local conversation of an account with a person (by IGSID/PSID), if one is stored. */
  conversationWithPerson(accountId: number, personExternalId: string): number | null {
    const row = prepareCached(
      this.db,
      `SELECT c.id FROM conversations c JOIN people p ON p.id = c.person_id WHERE c.account_id = ? AND p.external_id = ? ORDER BY c.last_message_at DESC LIMIT 1`,
    ).get(accountId, personExternalId) as { id: number } | undefined;
    return row?.id ?? null;
  }

  private static readonly COMMENT_SELECT = `
    SELECT cm.id, cm.account_id, a.network, cm.post_id, po.external_id AS post_external_id, cm.external_id, cm.parent_external_id,
           cm.author_username, cm.text, cm.created_at, cm.hidden,
           (p.external_id IS NOT NULL AND p.external_id = a.external_id) AS is_own,
           (SELECT count(*) FROM comments r WHERE r.account_id = cm.account_id AND r.parent_external_id = cm.external_id) AS replies
    FROM comments cm JOIN accounts a ON a.id = cm.account_id JOIN posts po ON po.id = cm.post_id
    LEFT JOIN people p ON p.id = cm.person_id`;

  comment(id: number): CommentTarget | null {
    const row = prepareCached(this.db, `${ReplyTargetsRepository.COMMENT_SELECT} WHERE cm.id = ?`).get(id) as CommentRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      accountId: row.account_id,
      network: row.network,
      postId: row.post_id,
      externalId: row.external_id,
      parentExternalId: row.parent_external_id,
      authorUsername: row.author_username,
      text: row.text,
      createdAt: row.created_at,
      hidden: row.hidden === 1,
      isOwn: row.is_own === 1,
    };
  }

  /** Newest comments first (optionally one account's, or only unanswered top-level ones). */
  listComments(accountId: number | null, unansweredOnly: boolean, limit: number): CommentListing[] {
    const rows = prepareCached(
      this.db,
      `${ReplyTargetsRepository.COMMENT_SELECT}
       WHERE (@accountId IS NULL OR cm.account_id = @accountId)
         AND (@unanswered = 0 OR (cm.parent_external_id IS NULL AND NOT EXISTS (
           SELECT 1 FROM comments r JOIN people rp ON rp.id = r.person_id
           WHERE r.account_id = cm.account_id AND r.parent_external_id = cm.external_id AND rp.external_id = a.external_id)))
       ORDER BY cm.created_at DESC LIMIT @limit`,
    ).all({ accountId, unanswered: unansweredOnly ? 1 : 0, limit }) as CommentRow[];
    return rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      network: r.network,
      postExternalId: r.post_external_id,
      externalId: r.external_id,
      parentExternalId: r.parent_external_id,
      author: r.author_username,
      text: r.text,
      createdAt: r.created_at,
      hidden: r.hidden === 1,
      isOwn: r.is_own === 1,
      replies: r.replies,
    }));
  }

  setCommentHidden(id: number, hidden: boolean): void {
    prepareCached(this.db, 'UPDATE comments SET hidden = ? WHERE id = ?').run(hidden ? 1 : 0, id);
  }

  /** Removes a comment Meta deleted, with its replies. */
  deleteComment(id: number): void {
    const c = this.comment(id);
    if (!c) return;
    prepareCached(this.db, 'DELETE FROM comments WHERE account_id = ? AND parent_external_id = ?').run(c.accountId, c.externalId);
    prepareCached(this.db, 'DELETE FROM comments WHERE id = ?').run(id);
  }
}

interface CommentRow {
  id: number;
  account_id: number;
  network: CommentTarget['network'];
  post_id: number;
  post_external_id: string;
  external_id: string;
  parent_external_id: string | null;
  author_username: string | null;
  text: string | null;
  created_at: number;
  hidden: number;
  is_own: number;
  replies: number;
}
