import type { Db } from '../store/database';

/**
 * The one list of every table that holds data linked to a person (someone who wrote to or
 * commented on the brand), and how "forget" removes it. A test reads the live schema and fails
 * when a table with a person-identifying column or a link to a person's rows is missing here,
 * so a new table (outbox, labels, notes, …) cannot slip past a forget.
 *
 * Each `remove` runs inside the forget's transaction with three temporary tables filled:
 * `forget_people(id)`, `forget_conversations(id)`, `forget_comments(id)`.
 */
export interface PersonLinkedTable {
  table: string;
  /** Words for the preview and the receipt. */
  label: string;
  /** Counts the rows a forget would remove. */
  count: string;
  /** Removes them; `null` when a cascade or a trigger removes them with their parent. */
  remove: string | null;
  /** Why `remove` is null. */
  removedBy?: string;
}

export const PERSON_LINKED_TABLES: readonly PersonLinkedTable[] = [
  {
    table: 'messages',
    label: 'messages',
    count: 'SELECT count(*) FROM messages WHERE conversation_id IN (SELECT id FROM temp.forget_conversations)',
    remove: 'DELETE FROM messages WHERE conversation_id IN (SELECT id FROM temp.forget_conversations)',
  },
  {
    // Before comments: a reply to their comment keeps only comment_id SET NULL otherwise, with its text.
    table: 'outbox',
    label: 'replies waiting or sent through the outbox',
    count:
      'SELECT count(*) FROM outbox WHERE conversation_id IN (SELECT id FROM temp.forget_conversations) OR comment_id IN (SELECT id FROM temp.forget_comments)',
    remove:
      'DELETE FROM outbox WHERE conversation_id IN (SELECT id FROM temp.forget_conversations) OR comment_id IN (SELECT id FROM temp.forget_comments)',
  },
  {
    table: 'conversation_triage',
    label: 'internal notes and read marks',
    count: 'SELECT count(*) FROM conversation_triage WHERE conversation_id IN (SELECT id FROM temp.forget_conversations)',
    remove: null,
    removedBy: 'ON DELETE CASCADE from their conversations',
  },
  {
    table: 'conversation_labels',
    label: 'labels',
    count: 'SELECT count(*) FROM conversation_labels WHERE conversation_id IN (SELECT id FROM temp.forget_conversations)',
    remove: null,
    removedBy: 'ON DELETE CASCADE from their conversations',
  },
  {
    table: 'message_reactions',
    label: 'reactions to their messages and ours',
    count:
      'SELECT count(*) FROM message_reactions WHERE message_id IN (SELECT id FROM messages WHERE conversation_id IN (SELECT id FROM temp.forget_conversations))',
    remove: null,
    removedBy: 'ON DELETE CASCADE from their messages',
  },
  {
    table: 'conversation_seen',
    label: 'seen receipts',
    count: 'SELECT count(*) FROM conversation_seen WHERE conversation_id IN (SELECT id FROM temp.forget_conversations)',
    remove: null,
    removedBy: 'ON DELETE CASCADE from their conversations',
  },
  {
    // Their reactions, seen receipts and edits still waiting for the message they name (relay/pending-signals.ts).
    table: 'pending_message_signals',
    label: 'reactions, seen receipts and edits waiting for their message',
    // Matched by Meta id, their stored people's and the one typed: a signal can come from someone not stored yet.
    count: `SELECT count(*) FROM pending_message_signals s WHERE EXISTS (SELECT 1 FROM temp.forget_external_ids f
      WHERE f.account_id = s.account_id AND f.external_id = s.person_external_id)`,
    remove: `DELETE FROM pending_message_signals WHERE EXISTS (SELECT 1 FROM temp.forget_external_ids f
      WHERE f.account_id = pending_message_signals.account_id AND f.external_id = pending_message_signals.person_external_id)`,
  },
  {
    table: 'messages_fts',
    label: 'search index entries',
    count: 'SELECT 0',
    remove: null,
    removedBy: "the messages' delete trigger, with FTS5 secure-delete so the words leave the index blocks",
  },
  {
    table: 'conversations',
    label: 'conversations',
    count: 'SELECT count(*) FROM temp.forget_conversations',
    remove: 'DELETE FROM conversations WHERE id IN (SELECT id FROM temp.forget_conversations)',
  },
  {
    table: 'comments',
    label: 'comments and replies',
    count: 'SELECT count(*) FROM temp.forget_comments',
    remove: 'DELETE FROM comments WHERE id IN (SELECT id FROM temp.forget_comments)',
  },
  {
    table: 'people',
    label: 'engaged-people records',
    count: 'SELECT count(*) FROM temp.forget_people',
    remove: 'DELETE FROM people WHERE id IN (SELECT id FROM temp.forget_people)',
  },
  {
    table: 'deletion_requests',
    label: 'deletion requests naming them',
    count: 'SELECT 0',
    remove: null,
    removedBy: 'the deletion request that ran the forget: its requester is replaced by the receipt code (requests.complete)',
  },
];

/**
 * Tables that have a column whose name looks person-related but hold no one's data, each with why.
 */
export const NOT_PERSON_DATA: Readonly<Record<string, string>> = {
  accounts: "the brand's own connected accounts (handle = the brand's handle)",
  audit_log: 'never holds a person: forgets are recorded by receipt code',
  forget_receipts: 'counts and a code only',
};

/** Column names that identify or describe a person. */
export const PERSON_COLUMN = /person|people|author|sender|recipient|username|handle|participant|customer|contact|requester|psid|igsid|bsuid|from_id|to_id|^wa_id$/i;

/** Tables whose rows belong to a person's conversation or comment when another table points at them. */
export const PERSON_ROOT_TABLES = ['people', 'conversations', 'messages', 'comments'] as const;

/** Every person-linked table in the live schema that is neither forgotten nor declared harmless. */
export function uncoveredPersonTables(db: Db): Array<{ table: string; why: string }> {
  const covered = new Set([...PERSON_LINKED_TABLES.map((t) => t.table), ...Object.keys(NOT_PERSON_DATA)]);
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'messages_fts_%'`)
    .all() as Array<{ name: string }>;
  const missing: Array<{ table: string; why: string }> = [];
  for (const { name } of tables) {
    if (covered.has(name)) continue;
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as Array<{ name: string }>).map((c) => c.name);
    const personColumn = columns.find((c) => PERSON_COLUMN.test(c));
    const links = (db.prepare(`SELECT "table" AS parent FROM pragma_foreign_key_list(?)`).all(name) as Array<{ parent: string }>).map((l) => l.parent);
    const personLink = links.find((parent) => (PERSON_ROOT_TABLES as readonly string[]).includes(parent));
    if (personColumn) missing.push({ table: name, why: `column "${personColumn}"` });
    else if (personLink) missing.push({ table: name, why: `references ${personLink}` });
  }
  return missing;
}
