import { prepareCached, type Db } from '../database';

export interface CommentInput {
  externalId: string;
  parentExternalId?: string | null;
  personId: number | null;
  authorUsername?: string | null;
  text: string | null;
  createdAt: number;
  likeCount?: number | null;
  hidden?: boolean;
}

export class CommentsRepository {
  constructor(private readonly db: Db) {}

  /** Stores a comment once per (account, Meta id); a repeat refreshes likes, text and visibility. */
  upsert(accountId: number, postId: number, c: CommentInput, storedAt: number): number {
    const row = prepareCached(this.db, 
        `INSERT INTO comments (account_id, post_id, external_id, parent_external_id, person_id, author_username, text,
           created_at, like_count, hidden, stored_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id, external_id) DO UPDATE SET
           text = excluded.text, like_count = excluded.like_count, hidden = excluded.hidden,
           person_id = coalesce(excluded.person_id, person_id)
         RETURNING id`,
      )
      .get(
        accountId,
        postId,
        c.externalId,
        c.parentExternalId ?? null,
        c.personId,
        c.authorUsername ?? null,
        c.text,
        c.createdAt,
        c.likeCount ?? null,
        c.hidden ? 1 : 0,
        storedAt,
      ) as { id: number };
    return row.id;
  }
}
