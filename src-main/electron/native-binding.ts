import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * better-sqlite3 is a native module built for one runtime's ABI. `npm install` builds it for
 * Node (tests, CLI); `npm start` and the Electron end-to-end run build a second copy for Electron
 * into `.native/` at the project root (see scripts/ensure-native.mjs). Inside Electron we load
 * that copy, so neither breaks the other. `appRoot` is the project root under `electron .`, but
 * `out/main` when Electron is started on the script itself, so the copy is looked for up to the
 * nearest folder with a package.json. A packaged app (electron-builder rebuilt node_modules for
 * Electron) has no `.native/`: its app.asar holds the package.json, so the search stops there.
 */
export function electronNativeBinding(appRoot: string, electronVersion = process.versions.electron, arch: string = process.arch): string | undefined {
  let dir = appRoot;
  for (;;) {
    const file = join(dir, '.native', `electron-${electronVersion}-${arch}`, 'better_sqlite3.node');
    if (existsSync(file)) return file;
    const parent = dirname(dir);
    if (existsSync(join(dir, 'package.json')) || parent === dir) return undefined;
    dir = parent;
  }
}
