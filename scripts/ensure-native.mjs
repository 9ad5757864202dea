#!/usr/bin/env node
/**
 * Builds a copy of better-sqlite3 for Electron's ABI into .native/, leaving the copy in
 * node_modules (built for Node by `npm install`) untouched. The app loads the Electron copy via
 * better-sqlite3's `nativeBinding` option; tests and the CLI keep using the Node copy. So
 * `npm start` and `npm test` never rebuild each other's binary. Runs once per Electron version.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const MODULE = 'better-sqlite3-multiple-ciphers';

if (process.argv[2] !== 'electron') {
  console.error('usage: node scripts/ensure-native.mjs electron');
  process.exit(2);
}

let electronBinary;
try {
  electronBinary = require('electron');
} catch (error) {
  console.error(
    `The Electron binary is not installed (${error.message.split('\n')[0]}).\n` +
      'It is skipped when ELECTRON_SKIP_BINARY_DOWNLOAD=1 was set at install time. On a machine that can download it,\n' +
      'run "node node_modules/electron/install.js", then "npm start" again. Without Electron, use "npm run preview:web".',
  );
  process.exit(1);
}
if (!existsSync(electronBinary)) {
  console.error(`Electron binary missing at ${electronBinary}.`);
  process.exit(1);
}

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const target = join(root, '.native', `electron-${electronVersion}-${process.arch}`, 'better_sqlite3.node');
if (existsSync(target)) process.exit(0);

console.log(`Building ${MODULE} for Electron ${electronVersion} (${process.arch}); this happens once per Electron version…`);
const staging = join(root, '.native', `staging-${electronVersion}`);
rmSync(staging, { recursive: true, force: true });
const source = join(root, 'node_modules', MODULE);
const copy = join(staging, 'node_modules', MODULE);
mkdirSync(dirname(copy), { recursive: true });
cpSync(source, copy, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'native-staging', version: '1.0.0', dependencies: { [MODULE]: '*' } }));

const { rebuild } = await import('@electron/rebuild');
await rebuild({ buildPath: staging, electronVersion, arch: process.arch, onlyModules: [MODULE], force: true });
mkdirSync(dirname(target), { recursive: true });
cpSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(staging, { recursive: true, force: true });
console.log(`Electron build of ${MODULE} ready: ${target}`);
