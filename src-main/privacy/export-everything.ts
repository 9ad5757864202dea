import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ExportEverythingReport } from '../../src-preload/contract';
import type { Db } from '../store/database';
import type { Repositories } from '../store/repositories';
import { schemaVersion } from '../store/migrations';
import { ensurePrivateDir } from '../core/private-files';
import { csvCell } from './export';
import { moveIntoPlace, openStaging } from './export-staging';

/** Never exported: secrets, and the search index (a copy of message text already in messages). */
const LEFT_OUT: Record<string, string> = {
  credentials: 'Meta access tokens are secrets; they never leave the encrypted database.',
  app_config: "holds the Meta app's secrets; the non-secret values are listed in the manifest",
  messages_fts: 'the search index repeats the text already exported in messages',
};

const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_DIR = 0o700;

/** Every user table of the live schema, so a table added later is exported without a change here. */
function tablesToExport(db: Db): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]).filter(
    (name) => !(name in LEFT_OUT) && !name.startsWith('messages_fts'),
  );
}

class OwnerOnlyFile {
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  bytes = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx', OWNER_ONLY_FILE);
  }
  write(text: string): void {
    const chunk = Buffer.from(text, 'utf8');
    writeSync(this.fd, chunk);
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }
  close(): string {
    closeSync(this.fd);
    return this.hash.digest('hex');
  }
}

/** Where an export-everything is: the table being written and how far, for the progress bar and the CLI. */
export interface ExportProgress {
  table: string;
  rowsDone: number;
  rowsTotal: number;
  tablesDone: number;
  tablesTotal: number;
}

export interface ExportEverythingOptions {
  /** The data folder: files are staged there, where a forget, the wipe and the next start can reach them. */
  dataDir: string;
  onProgress?: (progress: ExportProgress) => void;
  /** Aborted by the person (Cancel, Ctrl+C): the staged files are removed and nothing reaches `outDir`. */
  signal?: AbortSignal;
  /** Rows read per step; between steps the main process serves everything else. */
  batchRows?: number;
}

/** The reason a cancelled export stops with; the caller tells it from a failure by this. */
export class ExportCancelledError extends Error {
  override name = 'ExportCancelledError';
  constructor() {
    super('The export was cancelled; nothing was written.');
  }
}

const yieldToEventLoop = () => new Promise<void>((done) => setImmediate(done));

/**
 * One table in steps of `batch` rows, each step a short read of its own: rowid tables by keyset
 * (`rowid > last`), WITHOUT ROWID tables (small: settings-like) by primary-key order and offset.
 * No statement stays open across the pause, so the connection stays free for the rest of the app.
 * The export is therefore not one snapshot: each table is as it was while it was written.
 */
function* batchesOf(db: Db, table: string, batch: number): Generator<Array<Record<string, unknown>>> {
  const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as string;
  if (/WITHOUT\s+ROWID/i.test(sql)) {
    const pk = (db.pragma(`table_info("${table}")`) as Array<{ name: string; pk: number }>).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const order = pk.map((c) => `"${c.name}"`).join(', ');
    const page = db.prepare(`SELECT * FROM "${table}" ORDER BY ${order} LIMIT ? OFFSET ?`);
    for (let offset = 0; ; offset += batch) {
      const rows = page.all(batch, offset) as Array<Record<string, unknown>>;
      if (rows.length === 0) return;
      yield rows;
    }
  }
  const page = db.prepare(`SELECT rowid AS "__export_rowid", * FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ?`);
  let last = -Infinity;
  for (;;) {
    const rows = page.all(last === -Infinity ? Number.MIN_SAFE_INTEGER : last, batch) as Array<Record<string, unknown>>;
    if (rows.length === 0) return;
    last = rows[rows.length - 1]!.__export_rowid as number;
    for (const row of rows) delete row.__export_rowid;
    yield rows;
  }
}

const jsonValue = (_k: string, v: unknown): unknown => (Buffer.isBuffer(v) ? v.toString('base64') : v);

/**
 * Export everything: each table as JSON and CSV plus a manifest (what, how many rows, each file's
 * SHA-256, what was left out and why). Written in steps that give the main process back between
 * them (the window stays responsive on a big store), with progress and cancel. Files are staged
 * owner-only inside the data folder and moved into `outDir` (0700, files 0600) only when all are
 * complete: a cancel, a failure or a kill never leaves a partial export where the person looks.
 */
export async function exportEverything(db: Db, outDir: string, now: number, options: ExportEverythingOptions): Promise<ExportEverythingReport> {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new RangeError(`The folder ${outDir} is not empty; choose a new or empty folder.`);
  const batch = options.batchRows ?? 2000;
  const staging = openStaging(options.dataDir);
  const stopIfAsked = () => {
    if (options.signal?.aborted) throw new ExportCancelledError();
    staging.signal.throwIfAborted();
  };
  const files: Array<{ name: string; rows: number; bytes: number; sha256: string }> = [];
  try {
    const tables = tablesToExport(db);
    for (const [index, table] of tables.entries()) {
      const rowsTotal = db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
      const columns = db.prepare(`SELECT * FROM "${table}"`).columns().map((c) => c.name);
      const json = new OwnerOnlyFile(join(staging.dir, `${table}.json`));
      const csv = new OwnerOnlyFile(join(staging.dir, `${table}.csv`));
      csv.write(`${columns.map(csvCell).join(',')}\r\n`);
      json.write('[');
      let rows = 0;
      options.onProgress?.({ table, rowsDone: 0, rowsTotal, tablesDone: index, tablesTotal: tables.length });
      for (const chunk of batchesOf(db, table, batch)) {
        json.write(chunk.map((row, i) => `${rows + i === 0 ? '\n' : ',\n'}${JSON.stringify(row, jsonValue)}`).join(''));
        csv.write(chunk.map((row) => `${columns.map((c) => csvCell(row[c])).join(',')}\r\n`).join(''));
        rows += chunk.length;
        options.onProgress?.({ table, rowsDone: rows, rowsTotal: Math.max(rowsTotal, rows), tablesDone: index, tablesTotal: tables.length });
        await yieldToEventLoop();
        stopIfAsked();
      }
      json.write('\n]\n');
      for (const file of [json, csv]) {
        const sha256 = file.close();
        files.push({ name: basename(file.path), rows, bytes: file.bytes, sha256 });
      }
    }
    const configKeys = db.prepare(`SELECT key FROM app_config WHERE key NOT LIKE '%secret%' ORDER BY key`).pluck().all() as string[];
    const manifest = new OwnerOnlyFile(join(staging.dir, 'manifest.json'));
    manifest.write(
      `${JSON.stringify(
        { app: 'Social Desk', exportedAt: new Date(now).toISOString(), schemaVersion: schemaVersion(db), files, leftOut: LEFT_OUT, nonSecretConfigKeys: configKeys },
        null,
        2,
      )}\n`,
    );
    manifest.close();
    stopIfAsked();
    ensurePrivateDir(outDir);
    for (const name of readdirSync(staging.dir)) moveIntoPlace(join(staging.dir, name), join(outDir, name));
  } finally {
    staging.release();
    rmSync(staging.dir, { recursive: true, force: true });
  }
  return {
    outDir,
    files: files.map(({ name, rows, bytes }) => ({ name, rows, bytes })),
    manifest: join(outDir, 'manifest.json'),
  };
}

/** Writes one small owner-only file (an audit log or receipt export) into a folder. */
export function writeOwnerOnlyFile(dir: string, name: string, content: string): string {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  const path = join(dir, name);
  if (existsSync(path)) throw new RangeError(`${path} already exists; choose another folder.`);
  const file = new OwnerOnlyFile(path);
  file.write(content);
  file.close();
  return path;
}

/** The audit entry for a finished export-everything: where, and how many rows of each table (never the data). */
export function auditExportEverything(repos: Repositories, report: ExportEverythingReport, now: number): void {
  const counts = Object.fromEntries(report.files.filter((f) => f.name.endsWith('.json')).map((f) => [f.name.replace(/\.json$/, ''), f.rows]));
  repos.audit.record(now, 'export.everything', 'json+csv', { where: report.outDir, format: 'json + csv', counts });
}

/** "messages: 40,000 of 200,000 rows (table 7 of 25)". */
export function progressInWords(p: ExportProgress): string {
  return `${p.table}: ${p.rowsDone.toLocaleString('en-US')} of ${p.rowsTotal.toLocaleString('en-US')} rows (table ${p.tablesDone + 1} of ${p.tablesTotal})`;
}
