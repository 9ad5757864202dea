import type { ForgetPreview, ForgetReceipt, ForgetTarget, PersonMatch } from '../../src-preload/contract';
import { AppError } from '../core/app-error';
import { checkpoint, type Db } from '../store/database';
import type { Repositories } from '../store/repositories';
import { PERSON_IS_OWN_ACCOUNT_SQL } from '../store/repositories/own-accounts';
import { confirmationCode } from './codes';
import { closeRequestsFor } from './deletion-requests';
import { abortExportsInProgress } from './export-staging';
import { countHeldFiles, removeHeldFiles } from './held-files';
import { PERSON_LINKED_TABLES } from './person-data';

/** "@maria.s" and "maria.s" are the same handle. */
export function normaliseHandle(text: string): string {
  return text.trim().replace(/^@/, '').toLowerCase();
}

/**
 * Fills the temporary tables a forget works on: the person rows the target names (by local id, a
 * conversation, a comment, or a handle / Meta id across every account), their conversations,
 * their comments and every reply in a thread under one of their comments.
 */
const CLEAR_TARGET = `DELETE FROM temp.forget_people; DELETE FROM temp.forget_conversations; DELETE FROM temp.forget_comments;
  DELETE FROM temp.forget_handles; DELETE FROM temp.forget_external_ids;`;

function selectTarget(db: Db, target: ForgetTarget): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS forget_people (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS forget_conversations (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS forget_comments (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS forget_handles (handle TEXT NOT NULL, account_id INTEGER NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS forget_external_ids (external_id TEXT NOT NULL, account_id INTEGER NOT NULL, PRIMARY KEY (external_id, account_id));
    ${CLEAR_TARGET}
  `);
  const insertPeople = (sql: string, ...args: unknown[]) => db.prepare(`INSERT OR IGNORE INTO temp.forget_people (id) ${sql}`).run(...args);
  if ('personId' in target) insertPeople('SELECT id FROM people WHERE id = ?', target.personId);
  else if ('conversationId' in target) {
    insertPeople('SELECT person_id FROM conversations WHERE id = ? AND person_id IS NOT NULL', target.conversationId);
    db.prepare('INSERT OR IGNORE INTO temp.forget_conversations (id) SELECT id FROM conversations WHERE id = ?').run(target.conversationId);
  } else if ('commentId' in target) {
    insertPeople('SELECT person_id FROM comments WHERE id = ? AND person_id IS NOT NULL', target.commentId);
    db.prepare(
      `INSERT INTO temp.forget_handles (handle, account_id) SELECT lower(author_username), account_id FROM comments
       WHERE id = ? AND author_username IS NOT NULL`,
    ).run(target.commentId);
    db.prepare('INSERT OR IGNORE INTO temp.forget_comments (id) SELECT id FROM comments WHERE id = ?').run(target.commentId);
  } else {
    const raw = target.handleOrId.trim();
    insertPeople('SELECT id FROM people WHERE external_id = ? OR lower(username) = ?', raw, normaliseHandle(raw));
    // Comments keep the author's handle even where no person row was made for them.
    db.prepare(`INSERT INTO temp.forget_handles (handle, account_id) SELECT ?, id FROM accounts`).run(normaliseHandle(raw));
    // A reaction or edit from someone the store has no row for yet waits under their Meta id alone.
    db.prepare(`INSERT OR IGNORE INTO temp.forget_external_ids (external_id, account_id) SELECT ?, id FROM accounts`).run(raw);
  }
  // Meta gives one human a different id per surface (an IGSID in DMs, an IG user id on comments), but an
  // Instagram handle is one person across Instagram: the same handle on the same network is the same person.
  db.exec(`
    INSERT OR IGNORE INTO temp.forget_people (id)
      SELECT p2.id FROM people p1 JOIN accounts a1 ON a1.id = p1.account_id
      JOIN people p2 ON lower(p2.username) = lower(p1.username)
      JOIN accounts a2 ON a2.id = p2.account_id AND a2.network = a1.network
      WHERE p1.id IN (SELECT id FROM temp.forget_people) AND p1.username IS NOT NULL;
    INSERT INTO temp.forget_handles (handle, account_id)
      SELECT lower(username), account_id FROM people WHERE id IN (SELECT id FROM temp.forget_people) AND username IS NOT NULL;
    INSERT OR IGNORE INTO temp.forget_external_ids (external_id, account_id)
      SELECT external_id, account_id FROM people WHERE id IN (SELECT id FROM temp.forget_people);
    INSERT OR IGNORE INTO temp.forget_conversations (id)
      SELECT id FROM conversations WHERE person_id IN (SELECT id FROM temp.forget_people);
    INSERT OR IGNORE INTO temp.forget_comments (id)
      SELECT id FROM comments WHERE person_id IN (SELECT id FROM temp.forget_people)
         OR (author_username IS NOT NULL AND EXISTS (SELECT 1 FROM temp.forget_handles h
               WHERE h.account_id = comments.account_id AND h.handle = lower(comments.author_username)));
    INSERT OR IGNORE INTO temp.forget_comments (id)
      SELECT r.id FROM comments r JOIN comments c ON c.account_id = r.account_id AND r.parent_external_id = c.external_id
      WHERE c.id IN (SELECT id FROM temp.forget_comments);
  `);
}

/**
 * The brand's own accounts also appear as authors (its replies under comments, a Page commenting
 * as itself, and so in the engaged-people list). Forgetting one would erase the brand's replies
 * and leave its account half there, so it is refused with what to do instead.
 */
function ownAccountTargeted(db: Db): string | null {
  const own = db
    .prepare(
      `SELECT a.name FROM accounts a
       WHERE EXISTS (SELECT 1 FROM people p WHERE p.id IN (SELECT id FROM temp.forget_people)
                       AND ${PERSON_IS_OWN_ACCOUNT_SQL})
          OR EXISTS (SELECT 1 FROM temp.forget_handles h WHERE a.handle IS NOT NULL AND h.handle = lower(a.handle))
       LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
  return own ?? null;
}

function refuseOwnAccount(db: Db): void {
  const own = ownAccountTargeted(db);
  if (own !== null) {
    throw new RangeError(
      `That is your own account "${own}", not a person who wrote to you; forgetting it would erase your replies. To remove an account's data, remove the account in Accounts.`,
    );
  }
}

function countAll(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  // Every class with something to remove, cascaded ones (notes, labels) included, so the preview
  // and the receipt say all that goes.
  for (const t of PERSON_LINKED_TABLES) {
    const n = (db.prepare(t.count).pluck().get() as number) ?? 0;
    if (n > 0) counts[t.table] = n;
  }
  return counts;
}

/** People whose name, handle or Meta id contains `query`, with what is stored about each. */
export function findPeople(db: Db, query: string, limit = 20): PersonMatch[] {
  const q = query.trim();
  if (!q) return [];
  const like = `%${normaliseHandle(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(
      `SELECT p.id, p.username, p.name, p.external_id, p.id_kind, a.name AS account,
         (SELECT count(*) FROM conversations WHERE person_id = p.id) AS conversations,
         (SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.person_id = p.id) AS messages,
         (SELECT count(*) FROM comments WHERE person_id = p.id) AS comments
       FROM people p JOIN accounts a ON a.id = p.account_id
       WHERE lower(p.username) LIKE @like ESCAPE '\\' OR lower(p.name) LIKE @like ESCAPE '\\' OR p.external_id = @exact
       ORDER BY p.last_seen_at DESC LIMIT @limit`,
    )
    .all({ like, exact: q, limit }) as Array<{
    id: number;
    username: string | null;
    name: string | null;
    external_id: string;
    id_kind: string;
    account: string;
    conversations: number;
    messages: number;
    comments: number;
  }>;
  return rows.map((r) => ({
    personId: r.id,
    name: r.name,
    handle: r.username,
    externalId: r.external_id,
    idKind: r.id_kind,
    accountName: r.account,
    conversations: r.conversations,
    messages: r.messages,
    comments: r.comments,
  }));
}

/** What a forget would remove, without removing anything; with `dataDir`, the files it holds too. */
export function previewForget(db: Db, target: ForgetTarget, dataDir?: string): ForgetPreview {
  return db.transaction((): ForgetPreview => {
    selectTarget(db, target);
    const ownAccount = ownAccountTargeted(db);
    if (ownAccount !== null) return { people: [], counts: {}, total: 0, files: {}, ownAccount };
    const counts = countAll(db);
    const people = db
      .prepare(
        `SELECT coalesce(p.name, p.username, p.external_id) AS who, p.username AS handle, a.name AS account
         FROM people p JOIN accounts a ON a.id = p.account_id WHERE p.id IN (SELECT id FROM temp.forget_people)`,
      )
      .all() as Array<{ who: string; handle: string | null; account: string }>;
    const files = dataDir ? countHeldFiles(dataDir) : {};
    return { people, counts, total: Object.values(counts).reduce((a, b) => a + b, 0), files, ownAccount: null };
  })();
}

export interface ForgetOptions {
  allowEmpty?: boolean;
  requestCode?: string;
  /** The data folder: its export staging, crash reports, logs and set-aside copies go too. */
  dataDir?: string;
}

/**
 * Removes everything of one person in one transaction, writes a receipt (what, how many, when, a
 * code; never who) and an audit entry, then truncates the WAL so no page with their words stays
 * in `-wal`; secure_delete has zeroed the freed pages of the main file. Files the app holds that
 * may contain them (export staging, crash reports, logs, set-aside copies) are removed first,
 * after any export this process is writing is stopped, so the receipt counts them.
 */
export function forgetPerson(repos: Repositories, target: ForgetTarget, now: number, options: ForgetOptions = {}): ForgetReceipt {
  const { db } = repos;
  if (options.dataDir) abortExportsInProgress();
  const receipt = db.transaction((): ForgetReceipt => {
    selectTarget(db, target);
    refuseOwnAccount(db);
    const counts = countAll(db);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total === 0 && !options.allowEmpty) throw new AppError('NOT_FOUND', 'Nothing stored here belongs to that person.');
    const handles = (db.prepare('SELECT DISTINCT handle FROM temp.forget_handles').pluck().all() as string[]).concat(
      'handleOrId' in target ? [target.handleOrId] : [],
    );
    for (const t of PERSON_LINKED_TABLES) if (t.remove) db.prepare(t.remove).run();
    // Inside the transaction: if a file cannot be removed the rows stay too, and the error names the file.
    const files = options.dataDir ? removeHeldFiles(options.dataDir) : {};
    db.exec(CLEAR_TARGET);
    const code = confirmationCode('FG');
    db.prepare('INSERT INTO forget_receipts (code, forgotten_at, scope, counts, total, files) VALUES (?, ?, ?, ?, ?, ?)').run(
      code,
      now,
      'person',
      JSON.stringify(counts),
      total,
      JSON.stringify(files),
    );
    repos.audit.record(now, 'person.forgotten', code, Object.keys(files).length ? { ...counts, files } : counts);
    const requests = closeRequestsFor(db, handles, code, now, options.requestCode ?? null);
    for (const request of requests) repos.audit.record(now, 'request.done', request, { receipt: code });
    return { code, forgottenAt: now, counts, total, files, requests };
  })();
  checkpoint(db);
  return receipt;
}

interface ReceiptRow {
  code: string;
  forgotten_at: number;
  counts: string;
  total: number;
  files: string;
}

function toReceipt(db: Db, r: ReceiptRow): ForgetReceipt {
  const requests = db.prepare('SELECT code FROM deletion_requests WHERE receipt_code = ?').pluck().all(r.code) as string[];
  return { code: r.code, forgottenAt: r.forgotten_at, counts: JSON.parse(r.counts) as Record<string, number>,
    total: r.total,
    files: JSON.parse(r.files) as ForgetReceipt['files'],
    requests,
  };
}

export function listReceipts(db: Db, limit = 100): ForgetReceipt[] {
  const rows = db.prepare('SELECT code, forgotten_at, counts, total, files FROM forget_receipts ORDER BY forgotten_at DESC, id DESC LIMIT ?').all(limit) as ReceiptRow[];
  return rows.map((r) => toReceipt(db, r));
}

export function getReceipt(db: Db, code: string): ForgetReceipt {
  const row = db.prepare('SELECT code, forgotten_at, counts, total, files FROM forget_receipts WHERE code = ?').get(code.trim().toUpperCase()) as ReceiptRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no forget receipt ${code}.`);
  return toReceipt(db, row);
}
