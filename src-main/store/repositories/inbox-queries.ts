import { MESSAGE_SIGNAL_COLUMNS, messageSignals } from './message-signal-columns';
import { prepareCached, type Db } from '../database';
import type {
  ConversationFilter,
  ConversationPage,
  ConversationSummary,
  InboxCounts,
  MessageItem,
  ReplyWindowState,
} from '../../../src-preload/contract';
import { ALL_CONVERSATIONS } from '../../../src-preload/contract';
import { CLOSING_SOON_MS, replyWindowAt, STANDARD_WINDOW_MS as REPLY_WINDOW_MS } from '../../../src-preload/outbox-types';
import { attachmentKinds, readableName } from './inbox-text';

/**
 * Meta's standard messaging window: a business may reply for 24 h after the person's last
 * message, then only with the HUMAN_AGENT tag for up to 7 days (where Meta approved the app).
 * One rule for the list, search, the composer and the CLI: replyWindowAt in outbox-types.
 * https://developers.facebook.com/docs/messenger-platform/policy/policy-overview#24hours
 * https://developers.facebook.com/docs/messenger-platform/send-messages/message-tags
 */
export { HUMAN_AGENT_WINDOW_MS, STANDARD_WINDOW_MS as REPLY_WINDOW_MS } from '../../../src-preload/outbox-types';

/** Where the window stands for this account's setting (Human Agent only where Meta approved it). */
export function replyWindowState(lastIncomingAt: number | null, humanAgentAllowed: boolean, now: number): ReplyWindowState {
  return replyWindowAt(lastIncomingAt, humanAgentAllowed, now).state;
}

/** SQL: whether the conversation's account may use the Human Agent tag (a setting, since Meta must approve it). */
export const HUMAN_AGENT_ALLOWED_SQL = `coalesce((SELECT human_agent_allowed FROM account_messaging_settings WHERE account_id = c.account_id), 0)`;

/** Shared SQL: each flag the list shows and filters on, over `conversations c` and `conversation_triage t`. */
/**
 * Unread: marked so by hand, or their newest message is the thread's newest and nobody has read it since. A reply of
 * ours (from this app or from Meta's own apps, seen as an echo) reads what came before it, as it does in Instagram and
 * Messenger: a thread the brand has answered is not waiting to be read.
 */
const THEIRS_UNREAD_SINCE = (readUpto: string) =>
  `(c.last_incoming_at > max(${readUpto}, @readFloor) AND c.last_incoming_at = c.last_message_at)`;
const UNREAD = `(coalesce(t.marked_unread, 0) = 1 OR coalesce(${THEIRS_UNREAD_SINCE('coalesce(t.read_upto, 0)')}, 0))`;
const DONE = `(t.done_at IS NOT NULL AND (c.last_incoming_at IS NULL OR c.last_incoming_at <= t.done_at))`;
const NEEDS_REPLY = `(c.last_incoming_at IS NOT NULL AND c.last_incoming_at = c.last_message_at)`;
const WINDOW_OPEN = `(c.last_incoming_at > @windowStart)`;
const CLOSING_SOON = `(c.last_incoming_at > @windowStart AND c.last_incoming_at <= @closingFrom)`;

export { ALL_CONVERSATIONS };

function readFloor(db: Db): number {
  const row = prepareCached(db, `SELECT at FROM inbox_marks WHERE name = 'read_floor'`).get() as { at: number } | undefined;
  return row?.at ?? 0;
}

/**
 * The filtered FROM/WHERE with only the active filters in it (one cached statement per shape), so
 * the plain list is an index walk on `activity_at` and only a triage filter joins the triage table.
 */
function filteredFrom(filter: ConversationFilter, before: number | null): string {
  const where: string[] = [];
  if (filter.accountId !== null) where.push('c.account_id = @accountId');
  if (filter.platform !== null) where.push('c.platform = @platform');
  if (filter.unread) where.push(UNREAD);
  if (filter.needsReply) where.push(NEEDS_REPLY);
  if (filter.windowOpen) where.push(WINDOW_OPEN);
  if (filter.closingSoon) where.push(CLOSING_SOON);
  if (filter.label !== null) where.push('EXISTS (SELECT 1 FROM conversation_labels l WHERE l.conversation_id = c.id AND l.label = @label)');
  if (filter.state !== 'all') where.push(`${filter.state === 'done' ? '' : 'NOT '}${DONE}`);
  if (before !== null) where.push('c.activity_at < @before');
  const joinsTriage = filter.unread || filter.state !== 'all';
  return `FROM conversations c ${joinsTriage ? 'LEFT JOIN conversation_triage t ON t.conversation_id = c.id' : ''}
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
}

/** Only the parameters a statement names may be bound (better-sqlite3 refuses extras). */
function bindFor(sql: string, all: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(all).filter(([key]) => sql.includes(`@${key}`)));
}

interface ConversationRow {
  id: number;
  account_id: number;
  account_name: string;
  account_external_id: string;
  network: ConversationSummary['network'];
  platform: ConversationSummary['platform'];
  last_message_at: number | null;
  last_incoming_at: number | null;
  history_limited: number;
  activity_at: number;
  person_name: string | null;
  person_username: string | null;
  person_external_id: string | null;
  message_count: number;
  last_text: string | null;
  last_attachments: string | null;
  last_direction: 'in' | 'out' | null;
  unread: number;
  done: number;
  labels: string;
  note: string | null;
  human_agent_allowed: number;
}

const SUMMARY_COLUMNS = `
  c.id, c.account_id, a.name AS account_name, a.network, a.external_id AS account_external_id, c.platform, c.last_message_at, c.last_incoming_at, c.activity_at, c.history_limited,
  p.name AS person_name, p.username AS person_username, p.external_id AS person_external_id,
  (SELECT count(*) FROM messages WHERE conversation_id = c.id) AS message_count,
  lm.text AS last_text, lm.attachments AS last_attachments, lm.direction AS last_direction,
  ${UNREAD} AS unread, ${DONE} AS done,
  (SELECT json_group_array(label) FROM (SELECT label FROM conversation_labels WHERE conversation_id = c.id ORDER BY label)) AS labels,
  t.note, ${HUMAN_AGENT_ALLOWED_SQL} AS human_agent_allowed`;

const SUMMARY_JOINS = `
  JOIN accounts a ON a.id = c.account_id
  LEFT JOIN people p ON p.id = c.person_id
  LEFT JOIN messages lm ON lm.id = (SELECT id FROM messages WHERE conversation_id = c.id AND is_deleted = 0 ORDER BY sent_at DESC LIMIT 1)`;

function toSummary(r: ConversationRow, now: number): ConversationSummary {
  const windowEnd = r.last_incoming_at === null ? null : r.last_incoming_at + REPLY_WINDOW_MS;
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    network: r.network,
    platform: r.platform,
    personName: readableName(r.person_name, r.person_username, r.person_external_id),
    personHandle: r.person_username,
    lastMessageAt: r.last_message_at,
    lastMessageText: r.last_text,
    lastMessageAttachments: attachmentKinds(r.last_attachments),
    lastMessageFromUs: r.last_direction === 'out',
    messageCount: r.message_count,
    replyWindowEndsAt: windowEnd !== null && windowEnd > now ? windowEnd : null,
    replyWindow: replyWindowState(r.last_incoming_at, r.human_agent_allowed === 1, now),
    humanAgentAllowed: r.human_agent_allowed === 1,
    lastIncomingAt: r.last_incoming_at,
    activityAt: r.activity_at,
    unread: r.unread === 1,
    needsReply: r.last_incoming_at !== null && r.last_incoming_at === r.last_message_at,
    done: r.done === 1,
    labels: JSON.parse(r.labels) as string[],
    note: r.note,
    emptiedByRetention: r.last_message_at === null,
    historyLimited: r.history_limited === 1,
    openUrl: openOnMetaUrl(r.platform, r.account_external_id),
  };
}

/**
 * Where staff can see the thread on Meta's own site. Meta's APIs give no per-thread web address,
 * so: Instagram's DM inbox, or the Page's Messenger inbox in Meta Business Suite.
 */
export function openOnMetaUrl(platform: ConversationSummary['platform'], accountExternalId: string): string {
  if (platform === 'instagram') return 'https://www.instagram.com/direct/inbox/';
  return `https://business.facebook.com/latest/inbox/messenger?asset_id=${encodeURIComponent(accountExternalId)}`;
}

/** One page of the filtered list, newest activity first, with the filtered total. */
export function queryConversations(
  db: Db,
  filter: ConversationFilter,
  offset: number,
  limit: number,
  now: number,
  before: number | null = null,
  countTotal = true,
): ConversationPage {
  const from = filteredFrom(filter, before);
  const all = {
    accountId: filter.accountId,
    platform: filter.platform,
    label: filter.label,
    readFloor: readFloor(db),
    windowStart: now - REPLY_WINDOW_MS,
    closingFrom: now - REPLY_WINDOW_MS + CLOSING_SOON_MS,
    before,
    limit,
    offset,
  };
  const countSql = `SELECT count(*) AS n ${from}`;
  const total = countTotal ? (prepareCached(db, countSql).get(bindFor(countSql, all)) as { n: number }).n : -1;
  const idsSql = `SELECT c.id ${from} ORDER BY c.activity_at DESC, c.id DESC LIMIT @limit OFFSET @offset`;
  const ids = prepareCached(db, idsSql).all(bindFor(idsSql, all)) as Array<{ id: number }>;
  if (ids.length === 0) return { items: [], total, offset };
  const rows = prepareCached(db, `SELECT ${SUMMARY_COLUMNS} FROM conversations c LEFT JOIN conversation_triage t ON t.conversation_id = c.id ${SUMMARY_JOINS}
       WHERE c.id IN (SELECT value FROM json_each(@ids)) ORDER BY c.activity_at DESC, c.id DESC`)
    .all({ ids: JSON.stringify(ids.map((r) => r.id)), readFloor: all.readFloor }) as ConversationRow[];
  return { items: rows.map((r) => toSummary(r, now)), total, offset };
}

export function getConversation(db: Db, conversationId: number, now: number): ConversationSummary | null {
  const row = prepareCached(db, `SELECT ${SUMMARY_COLUMNS} FROM conversations c LEFT JOIN conversation_triage t ON t.conversation_id = c.id ${SUMMARY_JOINS}
       WHERE c.id = @id`)
    .get({ id: conversationId, readFloor: readFloor(db) }) as ConversationRow | undefined;
  return row ? toSummary(row, now) : null;
}

/** Each filter's count over every stored conversation; `total` equals the stored conversations. */
export function inboxCounts(db: Db, now: number): InboxCounts {
  const params = { readFloor: readFloor(db), windowStart: now - REPLY_WINDOW_MS };
  const one = (sql: string, bind: Record<string, unknown> = {}) => (prepareCached(db, sql).get(bind) as { n: number }).n;
  // Each figure its own small query: windows and unread walk the last-incoming index from their
  // start, and the triage table is only joined for the rows it can change.
  const total = one('SELECT count(*) AS n FROM conversations');
  const windowOpen = one('SELECT count(*) AS n FROM conversations WHERE last_incoming_at > @windowStart', { windowStart: params.windowStart });
  const closingSoon = one(`SELECT count(*) AS n FROM conversations c WHERE ${CLOSING_SOON}`, { windowStart: params.windowStart, closingFrom: params.windowStart + CLOSING_SOON_MS });
  const needsReply = one(`SELECT count(*) AS n FROM conversations c WHERE ${NEEDS_REPLY}`);
  const emptied = one('SELECT count(*) AS n FROM conversations WHERE last_message_at IS NULL');
  // Unread = theirs newest and written after the floor, less those read since, plus those marked unread by hand:
  // the first term is an index count, the others walk only the (small) triage table.
  const unseen = THEIRS_UNREAD_SINCE('0');
  const unread =
    one(`SELECT count(*) AS n FROM conversations c WHERE ${unseen}`, { readFloor: params.readFloor }) -
    one(
      `SELECT count(*) AS n FROM conversation_triage t JOIN conversations c ON c.id = t.conversation_id
       WHERE t.marked_unread = 0 AND ${unseen} AND t.read_upto >= c.last_incoming_at`,
      { readFloor: params.readFloor },
    ) +
    one(
      `SELECT count(*) AS n FROM conversation_triage t JOIN conversations c ON c.id = t.conversation_id
       WHERE t.marked_unread = 1 AND NOT coalesce(${unseen}, 0)`,
      { readFloor: params.readFloor },
    );
  const done = one(`SELECT count(*) AS n FROM conversation_triage t JOIN conversations c ON c.id = t.conversation_id WHERE ${DONE}`);
  const byAccount = prepareCached(db, `
      SELECT a.id AS accountId, a.name AS accountName, a.network, n.count
      FROM (SELECT account_id, count(*) AS count FROM conversations GROUP BY account_id) n JOIN accounts a ON a.id = n.account_id
      ORDER BY a.name`).all() as InboxCounts['byAccount'];
  const byPlatform = prepareCached(db, `SELECT platform, count(*) AS count FROM conversations GROUP BY platform ORDER BY platform`).all() as InboxCounts['byPlatform'];
  const byLabel = prepareCached(db, `SELECT label, count(*) AS count FROM conversation_labels GROUP BY label ORDER BY label`).all() as InboxCounts['byLabel'];
  return { total, unread, needsReply, windowOpen, closingSoon, done, emptiedByRetention: emptied, byAccount, byPlatform, byLabel };
}

interface MessageRow {
  id: number;
  conversation_id: number;
  direction: 'in' | 'out';
  sent_at: number;
  text: string | null;
  attachments: string | null;
  reply_to_external_id: string | null;
  is_owner: number | null;
  reply_id: number | null;
  reply_direction: 'in' | 'out' | null;
  reply_text: string | null;
  edited_at: number | null;
  edit_count: number;
  reactions: string | null;
  seen: number | null;
}

/**
 * A thread's messages newest first, paged by `before` (the oldest `sentAt` seen). Unsent
 * messages are left out, as Meta removes them from the thread; each reply carries the
 * message it answers (Meta's `reply_to`) when that one is stored.
 */
export function threadMessages(db: Db, conversationId: number, limit: number, before: number | null): MessageItem[] {
  const rows = prepareCached(db, `
      SELECT m.id, m.conversation_id, m.direction, m.sent_at, m.text, m.attachments, m.reply_to_external_id, m.is_owner,
             r.id AS reply_id, r.direction AS reply_direction, CASE WHEN r.is_deleted = 1 THEN NULL ELSE r.text END AS reply_text,
             m.edited_at, ${MESSAGE_SIGNAL_COLUMNS}
      FROM messages m
      LEFT JOIN messages r ON r.conversation_id = m.conversation_id AND r.external_id = m.reply_to_external_id
      WHERE m.conversation_id = @conversationId AND m.is_deleted = 0 AND (@before IS NULL OR m.sent_at < @before)
      ORDER BY m.sent_at DESC LIMIT @limit`)
    .all({ conversationId, before, limit }) as MessageRow[];
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversation_id,
    direction: r.direction,
    sentAt: r.sent_at,
    text: r.text,
    hasAttachments: r.attachments !== null,
    attachments: attachmentKinds(r.attachments),
    isDeleted: false,
    replyTo: r.reply_to_external_id === null ? null : { messageId: r.reply_id, direction: r.reply_direction, text: r.reply_text },
    isOwner: r.is_owner === null ? null : r.is_owner === 1,
    ...messageSignals(r),
  }));
}
