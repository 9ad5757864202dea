import { createWriteStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../core/private-files';
import type { Db } from '../store/database';
import { moveIntoPlace, openStaging, type RenameFn } from './export-staging';

export type ExportFormat = 'csv' | 'json';

/** What an export holds: one file per dataset, one row per record. */
const DATASETS: Record<string, string> = {
  messages: `SELECT m.id, m.conversation_id, c.platform, a.name AS account, coalesce(p.name, p.username) AS person,
      m.direction, m.sent_at, strftime('%Y-%m-%dT%H:%M:%fZ', m.sent_at / 1000.0, 'unixepoch') AS sent_at_iso,
      m.text, m.is_deleted, m.attachments IS NOT NULL AS has_attachments
    FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN accounts a ON a.id = c.account_id
    LEFT JOIN people p ON p.id = c.person_id ORDER BY m.conversation_id, m.sent_at`,
  conversations: `SELECT c.id, c.platform, a.name AS account, coalesce(p.name, p.username) AS person, p.username,
      c.last_message_at, c.last_incoming_at, (SELECT count(*) FROM messages WHERE conversation_id = c.id) AS messages
    FROM conversations c JOIN accounts a ON a.id = c.account_id LEFT JOIN people p ON p.id = c.person_id ORDER BY c.id`,
  posts: `SELECT p.id, a.network, a.name AS account, p.external_id, p.media_type, p.product_type, p.published_at,
      strftime('%Y-%m-%dT%H:%M:%fZ', p.published_at / 1000.0, 'unixepoch') AS published_at_iso, p.permalink, p.caption,
      s.captured_at AS metrics_at, s.views, s.reach, s.likes, s.comments, s.shares, s.saves, s.total_interactions
    FROM posts p JOIN accounts a ON a.id = p.account_id
    LEFT JOIN post_metric_snapshots s ON s.post_id = p.id
      AND s.captured_at = (SELECT max(captured_at) FROM post_metric_snapshots WHERE post_id = p.id)
    ORDER BY p.published_at`,
  account_daily_insights: `SELECT a.name AS account, a.network, i.day, i.metric, i.value, i.fetched_at
    FROM account_daily_insights i JOIN accounts a ON a.id = i.account_id ORDER BY a.id, i.day, i.metric`,
};

/** Quotes a CSV cell; cells that a spreadsheet would run as a formula are defused with a quote mark. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeDataset(db: Db, sql: string, file: string, format: ExportFormat): Promise<number> {
  // `flags: 'wx'` with an owner-only mode: a new file nobody else can read (the move chmods it exactly).
  const out = createWriteStream(file, { encoding: 'utf8', flags: 'wx', mode: PRIVATE_FILE_MODE });
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const stmt = db.prepare(sql);
  const columns = stmt.columns().map((c) => c.name);
  let rows = 0;
  if (format === 'csv') await write(`${columns.map(csvCell).join(',')}\r\n`);
  else await write('[');
  for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
    if (format === 'csv') await write(`${columns.map((c) => csvCell(row[c])).join(',')}\r\n`);
    else await write(`${rows === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`);
    rows += 1;
  }
  if (format === 'json') await write('\n]\n');
  out.end();
  await once(out, 'finish');
  return rows;
}

export interface ExportOptions {
  /** The data folder: files are staged inside it, so the wipe and the next start can clean a killed export. */
  dataDir: string;
  /** Called after each dataset is staged (progress; tests stop a child process here). */
  onStaged?: (dataset: string, stagingDir: string) => void | Promise<void>;
  /** Only tests replace it, to force a cross-device move where no second file system is mounted. */
  rename?: RenameFn;
}

/**
 * Writes every dataset into `outDir`. Files are staged inside the data folder (owner-only) and
 * moved in only when all are complete, so a failure (full disk, killed process) never leaves a
 * half export, and a killed one leaves its plaintext only where the wipe and the next start remove it.
 */
export async function exportAll(db: Db, outDir: string, format: ExportFormat, options: ExportOptions): Promise<Record<string, number>> {
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) throw new RangeError(`${outDir} is a file, not a folder; choose a new or empty folder.`);
    if (readdirSync(outDir).length > 0) throw new RangeError(`The folder ${outDir} is not empty; choose a new or empty folder.`);
  }
  const { dir: staging, signal, release } = openStaging(options.dataDir);
  const counts: Record<string, number> = {};
  try {
    for (const [name, sql] of Object.entries(DATASETS)) {
      counts[name] = await writeDataset(db, sql, join(staging, `${name}.${format}`), format);
      await options.onStaged?.(name, staging);
      // A forget while this ran: what is staged may hold the forgotten person.
      signal.throwIfAborted();
    }
    // A folder we create is owner-only; one the person made stays as they made it (its files are 0600).
    if (!existsSync(outDir)) ensurePrivateDir(outDir);
    for (const name of readdirSync(staging)) moveIntoPlace(join(staging, name), join(outDir, name), options.rename);
  } finally {
    release();
    rmSync(staging, { recursive: true, force: true });
  }
  return counts;
}
