#!/usr/bin/env node
/**
 * `node scripts/packaging/stand-in-electron.mjs [dir]`: a stand-in for Electron's Linux build, for
 * machines that cannot download the real one (this project's CI). It lets electron-builder pack
 * the real app.asar, so its contents, size and the fuse flipping can be checked here:
 *
 *   node scripts/packaging/stand-in-electron.mjs /tmp/stand-in-electron
 *   npx electron-vite build
 *   npx electron-builder --config electron-builder.yml --linux --dir \
 *     -c.electronDist=/tmp/stand-in-electron -c.npmRebuild=false -c.directories.output=/tmp/sd-pack
 *   node scripts/packaging/check-package.mjs /tmp/sd-pack
 *
 * The "binary" is a shell script that cannot run the app: it carries only the fuse wire (sentinel,
 * version, one byte per fuse in Electron's default states), which @electron/fuses rewrites.
 * Nothing built with it may be shipped; real installers come from .github/workflows/desktop.yml.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The sentinel @electron/fuses searches the binary for (its "fuse wire" marker).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, in FuseV1Options order: RunAsNode on, cookie encryption off, NODE_OPTIONS
// on, --inspect on, asar integrity off, only-asar off, V8 snapshot off, file:// privileges on, WASM trap handlers on.
const DEFAULT_FUSES = '101100011';

const dir = process.argv[2] ?? 'stand-in-electron';
const version = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
mkdirSync(join(dir, 'resources'), { recursive: true });
const script = Buffer.from('#!/bin/sh\necho "stand-in Electron: cannot run the app" >&2\nexit 1\n');
const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_FUSES.length]), Buffer.from(DEFAULT_FUSES)]);
writeFileSync(join(dir, 'electron'), Buffer.concat([script, Buffer.alloc(64), wire, Buffer.alloc(64)]), { mode: 0o755 });
writeFileSync(join(dir, 'version'), version);
writeFileSync(join(dir, 'LICENSE'), 'stand-in, not Electron\n');
console.log(`Stand-in Electron ${version} in ${dir} (for packing checks only; it cannot run the app).`);
