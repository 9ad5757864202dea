import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HeldFileKind } from '../../src-preload/contract';
import { SET_ASIDE_PREFIX } from '../store/set-aside';
import { EXPORT_STAGING_DIR, isStagingInUse } from './export-staging';

/**
 * Every place under the data folder where the app itself writes files, and whether it can hold a
 * person's data. The database (with -wal/-shm) is handled row by row; these are the rest.
 * - Can hold personal data, so a forget removes them (after counting them in the preview):
 *   export staging (plaintext of an export not yet moved into place), crash reports (minidumps
 *   are process memory: message text can be in them), logs (an error may quote what it failed
 *   on), and set-aside copies of a damaged store (encrypted, but a whole copy of the old store
 *   that nothing can search or edit, so forgetting someone in it means removing it).
 * - Never hold personal data (a test scans them after a sync and a forget): `vault.json` (the
 *   wrapped key), `settings.json` (preferences, no names), `window-state.json` (bounds),
 *   `audit-head.json` (a hash and a count).
 */
const HELD: ReadonlyArray<{ kind: HeldFileKind; matches: (name: string) => boolean; perEntry: boolean }> = [
  { kind: 'exportStaging', matches: (name) => name === EXPORT_STAGING_DIR, perEntry: true },
  { kind: 'crashReports', matches: (name) => name === 'crashes', perEntry: false },
  { kind: 'logs', matches: (name) => name === 'logs', perEntry: false },
  { kind: 'setAside', matches: (name) => name.startsWith(SET_ASIDE_PREFIX), perEntry: false },
];

function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

interface HeldEntry {
  kind: HeldFileKind;
  path: string;
  files: number;
}

/** What a forget would remove from the data folder; an export running right now in another process is left to it. */
function heldEntries(dataDir: string): HeldEntry[] {
  if (!existsSync(dataDir)) return [];
  const entries: HeldEntry[] = [];
  for (const name of readdirSync(dataDir)) {
    const rule = HELD.find((r) => r.matches(name));
    if (!rule) continue;
    const path = join(dataDir, name);
    const paths = rule.perEntry ? readdirSync(path).filter((child) => !isStagingInUse(child)).map((child) => join(path, child)) : [path];
    for (const p of paths) {
      const files = filesUnder(p).length;
      if (files > 0 || rule.kind === 'setAside') entries.push({ kind: rule.kind, path: p, files });
    }
  }
  return entries;
}

function tally(entries: readonly HeldEntry[]): Partial<Record<HeldFileKind, number>> {
  const counts: Partial<Record<HeldFileKind, number>> = {};
  for (const e of entries) counts[e.kind] = (counts[e.kind] ?? 0) + e.files;
  return counts;
}

/** How many files of each kind a forget would remove (kinds with none are left out). */
export function countHeldFiles(dataDir: string): Partial<Record<HeldFileKind, number>> {
  return tally(heldEntries(dataDir));
}

/** Removes them; returns how many of each went. A file that cannot be removed fails the forget loudly. */
export function removeHeldFiles(dataDir: string): Partial<Record<HeldFileKind, number>> {
  const entries = heldEntries(dataDir);
  for (const e of entries) {
    if (e.kind === 'crashReports' || e.kind === 'logs') {
      // Keep the folder itself: Electron writes into it for the rest of this run.
      for (const child of readdirSync(e.path)) rmSync(join(e.path, child), { recursive: true, force: true, maxRetries: 3 });
    } else rmSync(e.path, { recursive: true, force: true, maxRetries: 3 });
  }
  return tally(entries);
}
