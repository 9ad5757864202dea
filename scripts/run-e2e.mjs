#!/usr/bin/env node
/**
 * `npm run test:e2e [-- playwright args]`: the end-to-end specs in Debian's Chromium (and in
 * Electron where its binary is installed). Builds what the specs load when it is missing or
 * older than its sources, so a stale bundle never passes for the current code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command, args) {
  process.stdout.write(`\n$ ${command} ${args.join(' ')}\n`);
  // Windows finds npx only as npx.cmd, which Node starts through a shell only.
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Newest modification time under the given files and folders (0 if none exist). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function isStale(output, inputs) {
  return !existsSync(output) || statSync(output).mtimeMs < newestMtime(inputs);
}

/** Same test as playwright.config.ts: reads electron's path.txt (requiring it would start a download). */
function electronInstalled() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relative = readFileSync(join(packageDir, 'path.txt'), 'utf8');
    return existsSync(join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), relative));
  } catch {
    return false;
  }
}

// The electron project opens the database in Electron, which needs the driver built for
// Electron's ABI (.native/, beside the Node build the other tests use).
if (electronInstalled() && run('node', ['scripts/ensure-native.mjs', 'electron']) !== 0) process.exit(1);

const shared = ['src-preload', 'package.json', 'package-lock.json'];
if (electronInstalled() && isStale('out/main/index.js', ['src-main', 'src-renderer', 'electron.vite.config.ts', ...shared])) {
  // The electron project loads out/main, out/preload and out/renderer from one build.
  if (run('npx', ['electron-vite', 'build']) !== 0) process.exit(1);
} else if (isStale('out/renderer/index.html', ['src-renderer', 'vite.renderer.config.ts', ...shared])) {
  if (run('npx', ['vite', 'build', '-c', 'vite.renderer.config.ts']) !== 0) {
    process.stderr.write('\nThe renderer did not build, so the end-to-end specs cannot run.\n');
    process.exit(1);
  }
} else {
  process.stdout.write('Renderer build is up to date (out/renderer).\n');
}

if (!existsSync(CHROMIUM)) {
  process.stderr.write(
    `\nChromium is not installed at ${CHROMIUM}. The end-to-end specs drive Debian's Chromium\n` +
      '(Playwright cannot download its own browser here). Install it with:\n\n' +
      '    apt-get install -y chromium\n\n' +
      'or point CHROMIUM_PATH at another Chromium binary.\n',
  );
  process.exit(1);
}

process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
