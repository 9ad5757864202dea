import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is a native module built for one runtime's ABI. `npm install` builds it for
 * Node (tests, CLI); `npm start` builds a second copy for Electron into `.native/` (see
 * scripts/ensure-native.mjs). Inside Electron we load that copy, so neither breaks the other.
 * A packaged app (electron-builder rebuilds node_modules for Electron) has no `.native/`.
 */
export function electronNativeBinding(appRoot: string): string | undefined {
  const file = join(appRoot, '.native', `electron-${process.versions.electron}-${process.arch}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
