#!/usr/bin/env node
/**
 * `node scripts/packaging/check-package.mjs [dist]`: opens every packed app under dist/ and
 * checks what electron-builder really produced: app.asar holds the allowed files only, the
 * database driver's binary is unpacked beside it, and the fuses are flipped. Run by the
 * workflow after `npm run dist`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { getCurrentFuseWire, FuseV1Options, FuseState } from '@electron/fuses';
import { FUSE_CONFIG } from './fuses.mjs';
import { asarProblems, runtimePackages } from './package-contents.mjs';

const distDir = process.argv[2] ?? 'dist';
const allowedPackages = runtimePackages(JSON.parse(readFileSync('package-lock.json', 'utf8')));

/** Files in the archive and their bytes (unpacked files counted apart), for the size report. */
function sizes(asar, entries) {
  let files = 0;
  let packedBytes = 0;
  for (const entry of entries) {
    const stat = statFile(asar, entry.slice(1));
    if (!('size' in stat) || 'files' in stat || stat.unpacked) continue;
    files += 1;
    packedBytes += stat.size;
  }
  return { files, packedBytes };
}

/** Every resources/app.asar below dist (win-unpacked, linux-unpacked, mac-arm64/X.app/Contents/Resources). */
function findAsars(dir, depth = 0) {
  if (depth > 5 || !existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'app.asar') return [path];
    return statSync(path).isDirectory() && !name.endsWith('.asar.unpacked') ? findAsars(path, depth + 1) : [];
  });
}

/** The file that holds the fuse wire, from the asar's place in each platform's layout. */
function electronBinaryFor(asar) {
  const resources = join(asar, '..');
  if (resources.endsWith(join('Contents', 'Resources'))) return join(resources, '..', '..');
  const appDir = join(resources, '..');
  const candidates = readdirSync(appDir).filter((name) => {
    const path = join(appDir, name);
    return statSync(path).isFile() && (name.endsWith('.exe') ? !/uninstall|squirrel/i.test(name) : (statSync(path).mode & 0o111) !== 0 && !name.includes('.'));
  });
  if (candidates.length !== 1) throw new Error(`cannot tell the Electron binary in ${appDir}: ${candidates.join(', ') || 'none'}`);
  return join(appDir, candidates[0]);
}

const asars = findAsars(distDir);
if (asars.length === 0) {
  console.error(`No app.asar under ${distDir}: run npm run dist (or npm run dist -- --dir) first.`);
  process.exit(1);
}
let failed = false;
for (const asar of asars) {
  const entries = listPackage(asar, { isPack: false });
  const unpacked = new Set(entries.filter((entry) => entry.endsWith('.node') && 'unpacked' in statFile(asar, entry.slice(1)) && statFile(asar, entry.slice(1)).unpacked));
  const problems = asarProblems(entries, unpacked, allowedPackages);
  const driver = join(`${asar}.unpacked`, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(driver)) problems.push(`${driver}: the database driver is not unpacked`);
  const wire = await getCurrentFuseWire(electronBinaryFor(asar));
  for (const [fuse, wanted] of Object.entries(FUSE_CONFIG)) {
    if (!/^\d+$/.test(fuse)) continue;
    const actual = wire[fuse];
    const expected = wanted ? FuseState.ENABLE : FuseState.DISABLE;
    if (actual !== undefined && actual !== FuseState.REMOVED && actual !== expected) problems.push(`fuse ${FuseV1Options[fuse]} is ${actual === FuseState.ENABLE ? 'on' : 'off'}`);
  }
  const { files, packedBytes } = sizes(asar, entries);
  console.log(`${asar}: ${entries.length} entries (${files} files, ${packedBytes} bytes packed; archive ${statSync(asar).size} bytes), ${problems.length === 0 ? 'OK' : `${problems.length} problem(s)`}`);
  for (const problem of problems.slice(0, 50)) console.log(`  ✘ ${problem}`);
  if (problems.length) failed = true;
}
process.exit(failed ? 1 : 0);
