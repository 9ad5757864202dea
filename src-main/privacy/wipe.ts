import { existsSync } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Deletes everything under the data directory (the database with its -wal/-shm, the wrapped
 * key, settings, logs, temporary exports) and, if asked, the directory itself. Returns what
 * it removed, by name, for the report. Everything in there was encrypted or non-secret, so
 * unlinking is enough: no plaintext was ever written to overwrite.
 */
export async function wipeDataDir(dataDir: string, removeDir: boolean): Promise<string[]> {
  if (!existsSync(dataDir)) return [];
  const entries = await readdir(dataDir, { withFileTypes: true });
  const removed: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    await rm(join(dataDir, entry.name), { recursive: true, force: true, maxRetries: 3 });
    removed.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
  }
  if (removeDir) await rmdir(dataDir).catch(() => undefined);
  return removed;
}
