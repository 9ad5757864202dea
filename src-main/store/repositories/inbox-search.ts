import { prepareCached, type Db } from '../database';
import type { SearchHit, SearchPage, SearchQuery } from '../../../src-preload/contract';
import { HUMAN_AGENT_ALLOWED_SQL, replyWindowState } from './inbox-queries';
import { readableName, snippetRuns } from './inbox-text';

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

/**
 * The FTS rowid is `sent_at << 20 | id`, ordered by time (see migration 001), so a date range is a
 * rowid range FTS5 walks directly and "newest first" is a descending rowid scan.
 */
const BOUNDS = `messages_fts MATCH @match
  AND (@from IS NULL OR messages_fts.rowid >= (@from << 20))
  AND (@to IS NULL OR messages_fts.rowid < ((@to + 1) << 20))`;

const NARROW = `(@accountId IS NULL OR c.account_id = @accountId) AND (@platform IS NULL OR c.platform = @platform)`;

interface HitRow {
  message_id: number;
  conversation_id: number;
  sent_at: number;
  direction: 'in' | 'out';
  text: string;
  account_id: number;
  account_name: string;
  platform: SearchHit['platform'];
  last_incoming_at: number | null;
  human_agent_allowed: number;
  person_name: string | null;
  person_username: string | null;
  person_external_id: string | null;
}

/** How many messages match (with the filters); walks every match, so it costs more than a page. */
export function countHits(db: Db, q: SearchQuery): number {
  const match = toFtsQuery(q.query);
  if (!match) return 0;
  const params = { match, from: q.from, to: q.to, accountId: q.accountId, platform: q.platform };
  const narrowed = q.accountId !== null || q.platform !== null;
  const row = (
    narrowed
      ? prepareCached(db, `SELECT count(*) AS n FROM messages_fts JOIN messages m ON m.search_key = messages_fts.rowid
           JOIN conversations c ON c.id = m.conversation_id WHERE ${BOUNDS} AND ${NARROW}`).get(params)
      : prepareCached(db, `SELECT count(*) AS n FROM messages_fts WHERE ${BOUNDS}`).get(params)
  ) as { n: number };
  return row.n;
}

/** One page of hits, newest first: a descending rowid walk that stops after `offset + limit` matches. */
export function searchHits(db: Db, q: SearchQuery, now: number): SearchHit[] {
  const match = toFtsQuery(q.query);
  if (!match) return [];
  const rows = prepareCached(db, `
      SELECT m.id AS message_id, m.conversation_id, m.sent_at, m.direction, m.text, c.account_id, a.name AS account_name,
             c.platform, c.last_incoming_at, ${HUMAN_AGENT_ALLOWED_SQL} AS human_agent_allowed, p.name AS person_name, p.username AS person_username, p.external_id AS person_external_id
      FROM messages_fts
      JOIN messages m ON m.search_key = messages_fts.rowid
      JOIN conversations c ON c.id = m.conversation_id
      JOIN accounts a ON a.id = c.account_id
      LEFT JOIN people p ON p.id = c.person_id
      WHERE ${BOUNDS} AND ${NARROW}
      ORDER BY messages_fts.rowid DESC LIMIT @limit OFFSET @offset`)
    .all({ match, from: q.from, to: q.to, accountId: q.accountId, platform: q.platform, limit: q.limit, offset: q.offset }) as HitRow[];
  return rows.map((r): SearchHit => {
    const { snippet, runs } = snippetRuns(r.text, q.query);
    return {
      messageId: r.message_id,
      conversationId: r.conversation_id,
      accountId: r.account_id,
      accountName: r.account_name,
      platform: r.platform,
      personName: readableName(r.person_name, r.person_username, r.person_external_id),
      sentAt: r.sent_at,
      direction: r.direction,
      snippet,
      runs,
      replyWindow: replyWindowState(r.last_incoming_at, r.human_agent_allowed === 1, now),
    };
  });
}

/** Every hit of a query, newest first, paged, with the total; the filters narrow by account, channel and date. */
export function searchMessages(db: Db, q: SearchQuery, now: number): SearchPage {
  return { hits: searchHits(db, q, now), total: q.withTotal === false ? null : countHits(db, q), offset: q.offset };
}
