#!/usr/bin/env node
/**
 * Which Node this project's commands need, read from the tools' own `engines` fields so it cannot
 * drift from what is installed:
 * - `npm start` and `npm run dist` (the app's own development and build): Electron 45's package,
 *   @electron/rebuild (the driver for Electron's ABI), @electron/fuses and node-abi
 *   (electron-builder) all require Node >= 22.12. package.json's `engines` says this floor.
 * - the test suite alone, without the Electron binary (`.ci/run`: ELECTRON_SKIP_BINARY_DOWNLOAD=1
 *   `npm ci && npm test`): vite, vitest, jsdom, electron-vite and the rest run on Node >= 20.19,
 *   which is what this project's own CI machine has. npm then warns EBADENGINE for the root
 *   package and the Electron tools, which `npm test` never starts.
 * `node scripts/node-support.mjs` says what the running Node can do and fails below the test floor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_TOOLS = ['electron', '@electron/rebuild', '@electron/fuses', 'node-abi'];
export const TEST_TOOLS = ['vite', 'vitest', 'jsdom', 'electron-vite', '@playwright/test', 'eslint', 'tsx', 'better-sqlite3-multiple-ciphers', 'sharp'];

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

/** The lowest [major, minor] an engines range admits (its lowest alternative's lower bound). */
export function minimumOf(range) {
  const floors = range.split('||').map((part) => {
    const match = /(?:>=|\^|~)?\s*(\d+)(?:\.(\d+|x))?/.exec(part.trim());
    if (!match) throw new Error(`cannot read the Node range "${range}"`);
    return [Number(match[1]), match[2] === undefined || match[2] === 'x' ? 0 : Number(match[2])];
  });
  return floors.sort(compare)[0];
}

export function compare(a, b) {
  return a[0] - b[0] || a[1] - b[1];
}

function enginesOf(name) {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
  return manifest.engines?.node ?? '>=0';
}

/** The highest floor among the tools: the Node every one of them accepts. */
export function floorFor(tools) {
  return tools.map((name) => minimumOf(enginesOf(name))).sort(compare).at(-1);
}

export const show = (version) => `${version[0]}.${version[1]}`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const running = process.versions.node.split('.').map(Number);
  const app = floorFor(APP_TOOLS);
  const tests = floorFor(TEST_TOOLS);
  if (compare(running, tests) < 0) {
    process.stderr.write(`Node ${process.versions.node} is too old: the test suite needs Node >= ${show(tests)}, npm start and npm run dist >= ${show(app)}.\n`);
    process.exit(1);
  }
  process.stdout.write(
    compare(running, app) < 0
      ? `Node ${process.versions.node}: runs the test suite (needs >= ${show(tests)}); npm start and npm run dist need Node >= ${show(app)} (${APP_TOOLS.join(', ')}).\n`
      : `Node ${process.versions.node}: runs everything (npm start and npm run dist need >= ${show(app)}).\n`,
  );
}
