import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ExportEverythingReport } from '../../src-preload/contract';
import type { Db } from '../store/database';
import { schemaVersion } from '../store/migrations';
import { csvCell } from './export';

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

/**
 * Export everything: each table as JSON and CSV plus a manifest (what, how many rows, each file's
 * SHA-256, what was left out and why). Folders are 0700 and files 0600 (owner only). Files are
 * written into a staging folder beside the target and moved in only when all are complete.
 */
export function exportEverything(db: Db, outDir: string, now: number): ExportEverythingReport {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new RangeError(`The folder ${outDir} is not empty; choose a new or empty folder.`);
  const staging = join(dirname(outDir), `.${basename(outDir)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: OWNER_ONLY_DIR });
  const files: Array<{ name: string; rows: number; bytes: number; sha256: string }> = [];
  try {
    for (const table of tablesToExport(db)) {
      const stmt = db.prepare(`SELECT * FROM "${table}"`);
      const columns = stmt.columns().map((c) => c.name);
      const json = new OwnerOnlyFile(join(staging, `${table}.json`));
      const csv = new OwnerOnlyFile(join(staging, `${table}.csv`));
      csv.write(`${columns.map(csvCell).join(',')}\r\n`);
      json.write('[');
      let rows = 0;
      for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
        json.write(`${rows === 0 ? '\n' : ',\n'}${JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v))}`);
        csv.write(`${columns.map((c) => csvCell(row[c])).join(',')}\r\n`);
        rows += 1;
      }
      json.write('\n]\n');
      for (const file of [json, csv]) {
        const sha256 = file.close();
        files.push({ name: basename(file.path), rows, bytes: file.bytes, sha256 });
      }
    }
    const configKeys = db.prepare(`SELECT key FROM app_config WHERE key NOT LIKE '%secret%' ORDER BY key`).pluck().all() as string[];
    const manifest = new OwnerOnlyFile(join(staging, 'manifest.json'));
    manifest.write(
      `${JSON.stringify(
        { app: 'Social Desk', exportedAt: new Date(now).toISOString(), schemaVersion: schemaVersion(db), files, leftOut: LEFT_OUT, nonSecretConfigKeys: configKeys },
        null,
        2,
      )}\n`,
    );
    manifest.close();
    if (!existsSync(outDir)) renameSync(staging, outDir);
    else {
      for (const name of readdirSync(staging)) renameSync(join(staging, name), join(outDir, name));
      chmodSync(outDir, OWNER_ONLY_DIR);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
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
