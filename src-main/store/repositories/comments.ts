import { prepareCached, type Db } from '../database';
import type { CommentedPost, CommentItem, CommentPage, CommentQuery, CommentThread } from '../../../src-preload/contract';
import { PRIVATE_REPLY_OF } from './outbox';

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

  listThreads(query: CommentQuery): CommentPage {
    return listCommentThreads(this.db, query);
  }

  /** How many replies a comment has (what goes with it when it is deleted). */
  replyCount(accountId: number, externalId: string): number {
    return (prepareCached(this.db, 'SELECT count(*) AS n FROM comments WHERE account_id = ? AND parent_external_id = ?').get(accountId, externalId) as { n: number }).n;
  }

  commentedPosts(accountId: number | null): CommentedPost[] {
    return listCommentedPosts(this.db, accountId);
  }
}

/** Written by the brand account: its own Meta id as author, or its handle as the username. */
const FROM_US = (alias: string) =>
  `(coalesce((SELECT external_id FROM people WHERE id = ${alias}.person_id), '') = a.external_id OR (a.handle IS NOT NULL AND ${alias}.author_username = a.handle))`;

const ANSWERED = `EXISTS (SELECT 1 FROM comments r WHERE r.account_id = cm.account_id AND r.parent_external_id = cm.external_id AND ${FROM_US('r')})`;

interface CommentRow {
  id: number;
  account_id: number;
  post_id: number;
  external_id: string;
  author: string | null;
  text: string | null;
  created_at: number;
  like_count: number | null;
  hidden: number;
  from_us: number;
  private_replied: number;
}

interface ThreadRow extends CommentRow {
  caption: string | null;
  permalink: string | null;
  account_name: string;
  network: CommentThread['network'];
  answered: number;
}

function toItem(r: CommentRow): CommentItem {
  return {
    id: r.id,
    accountId: r.account_id,
    postId: r.post_id,
    externalId: r.external_id,
    author: r.author && r.author.trim() ? r.author : 'Unknown person',
    text: r.text,
    createdAt: r.created_at,
    likeCount: r.like_count,
    hidden: r.hidden === 1,
    fromUs: r.from_us === 1,
    privateReplied: r.private_replied === 1,
  };
}

const COMMENT_COLUMNS = `cm.id, cm.account_id, cm.post_id, cm.external_id,
  coalesce(cm.author_username, (SELECT coalesce(name, username, external_id) FROM people WHERE id = cm.person_id)) AS author,
  cm.text, cm.created_at, cm.like_count, cm.hidden, ${FROM_US('cm')} AS from_us,
  EXISTS (SELECT 1 FROM outbox WHERE ${PRIVATE_REPLY_OF('cm.id')}) AS private_replied`;

const TOP_LEVEL = `FROM comments cm JOIN accounts a ON a.id = cm.account_id JOIN posts po ON po.id = cm.post_id
  WHERE cm.parent_external_id IS NULL AND NOT ${FROM_US('cm')}
    AND (@accountId IS NULL OR cm.account_id = @accountId) AND (@postId IS NULL OR cm.post_id = @postId)
    AND (@unanswered = 0 OR NOT ${ANSWERED})
    AND (@personId IS NULL OR cm.person_id = @personId
      OR EXISTS (SELECT 1 FROM comments pr WHERE pr.account_id = cm.account_id AND pr.parent_external_id = cm.external_id AND pr.person_id = @personId))`;

/** Read side of the comments screen: top-level comments newest first, each with its replies. */
export function listCommentThreads(db: Db, q: CommentQuery): CommentPage {
  const params = { accountId: q.accountId, postId: q.postId, unanswered: q.unansweredOnly ? 1 : 0, personId: q.personId ?? null };
  const total = (prepareCached(db, `SELECT count(*) AS n ${TOP_LEVEL}`).get(params) as { n: number }).n;
  const rows = prepareCached(db, `SELECT ${COMMENT_COLUMNS}, po.caption, po.permalink, a.name AS account_name, a.network, ${ANSWERED} AS answered
      ${TOP_LEVEL} ORDER BY ${q.unansweredFirst ? 'answered, ' : ''}cm.created_at DESC, cm.id DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.limit, offset: q.offset }) as ThreadRow[];
  const replies = prepareCached(db, `SELECT ${COMMENT_COLUMNS} FROM comments cm JOIN accounts a ON a.id = cm.account_id
      WHERE cm.account_id = ? AND cm.parent_external_id = ? ORDER BY cm.created_at, cm.id`);
  const threads = rows.map(
    (r): CommentThread => ({
      ...toItem(r),
      postCaption: r.caption ?? '',
      postPermalink: r.permalink,
      accountName: r.account_name,
      network: r.network,
      replies: (replies.all(r.account_id, r.external_id) as CommentRow[]).map(toItem),
      unanswered: r.answered === 0,
    }),
  );
  return { threads, total, offset: q.offset };
}

/** Posts that have comments, newest first, for the per-post picker. */
export function listCommentedPosts(db: Db, accountId: number | null): CommentedPost[] {
  return prepareCached(db, `SELECT po.id, po.account_id AS accountId, coalesce(po.caption, '') AS caption, po.published_at AS publishedAt,
        count(cm.id) AS comments
      FROM posts po JOIN comments cm ON cm.post_id = po.id
      WHERE (@accountId IS NULL OR po.account_id = @accountId)
      GROUP BY po.id ORDER BY po.published_at DESC LIMIT 500`).all({ accountId }) as CommentedPost[];
}
