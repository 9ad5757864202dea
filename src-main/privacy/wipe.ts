import { existsSync } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { toErrorPayload } from '../core/app-error';

export interface WipeOutcome {
  removed: string[];
  /** Entries that could not be removed, with their cause; a later run retries them. */
  left: Array<{ name: string; cause: string }>;
}

function causeOf(error: unknown): string {
  const payload = toErrorPayload(error);
  const message = payload.code === 'INTERNAL' && error instanceof Error ? error.message : payload.message;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}

/**
 * Deletes everything under the data directory (the database with its -wal/-shm, the wrapped
 * key, settings, logs, export staging, set-aside copies) and, if asked, the directory itself.
 * It never throws: each entry is tried on its own, and the outcome says what was removed and
 * what is left with its cause, so a wipe stopped part-way (read-only medium, a file held open)
 * is reported truthfully and can simply run again. Everything in there was encrypted or
 * non-secret, so unlinking is enough: no plaintext was ever written to overwrite.
 */
export async function wipeDataDir(dataDir: string, removeDir: boolean): Promise<WipeOutcome> {
  const outcome: WipeOutcome = { removed: [], left: [] };
  if (!existsSync(dataDir)) return outcome;
  let entries;
  try {
    entries = await readdir(dataDir, { withFileTypes: true });
  } catch (error) {
    outcome.left.push({ name: dataDir, cause: causeOf(error) });
    return outcome;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const name = entry.isDirectory() ? `${entry.name}/` : entry.name;
    try {
      await rm(join(dataDir, entry.name), { recursive: true, force: true, maxRetries: 3 });
      outcome.removed.push(name);
    } catch (error) {
      outcome.left.push({ name, cause: causeOf(error) });
    }
  }
  if (removeDir && outcome.left.length === 0) await rmdir(dataDir).catch(() => undefined);
  return outcome;
}
