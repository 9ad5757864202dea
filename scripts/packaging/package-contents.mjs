/**
 * What may be inside app.asar: the built app, package.json, and the node_modules that main and
 * preload load at run time (and what those need) minus their sources, docs, tests and maps. Used
 * by check-package.mjs on a real package and by unit tests on sample listings.
 */

/**
 * The packages out/main and out/preload import at run time: exactly package.json's
 * "dependencies" (a unit test holds the two and the sources' imports together). Everything the
 * renderer uses is bundled into out/renderer by Vite and belongs in devDependencies.
 */
export const RUNTIME_DEPENDENCIES = [
  'better-sqlite3-multiple-ciphers',
  'conf',
  'electron-store',
  'electron-updater',
  'eventsource-parser',
  'libsodium-wrappers',
  'zod',
];

/** Bundled into out/renderer; a copy in the asar's node_modules is dead weight (react-dom alone is 8 MB). */
export const RENDERER_BUNDLED = ['react', 'react-dom', 'recharts', 'zustand', '@tanstack/react-virtual', '@tanstack/virtual-core', 'scheduler'];

/**
 * Names of the runtime dependencies and everything they pull in, read from package-lock.json's
 * `packages` (lockfile v2/v3): a package may be in the asar only if it is in this set.
 * @param {{ packages: Record<string, { dependencies?: Record<string, string>, optionalDependencies?: Record<string, string>, peerDependencies?: Record<string, string>, peerDependenciesMeta?: Record<string, { optional?: boolean }> }> }} lock
 * @returns {Set<string>}
 */
export function runtimePackages(lock) {
  const byName = new Map();
  for (const [path, entry] of Object.entries(lock.packages)) {
    const name = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path)?.[1];
    if (name) byName.set(name, [...(byName.get(name) ?? []), entry]);
  }
  const allowed = new Set();
  const queue = [...RUNTIME_DEPENDENCIES];
  while (queue.length) {
    const name = queue.pop();
    if (allowed.has(name)) continue;
    allowed.add(name);
    for (const entry of byName.get(name) ?? []) {
      const optionalPeers = entry.peerDependenciesMeta ?? {};
      const peers = Object.keys(entry.peerDependencies ?? {}).filter((peer) => !optionalPeers[peer]?.optional);
      queue.push(...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers);
    }
  }
  return allowed;
}

/** Every package an asar path lies in, outermost first (`/node_modules/a/node_modules/@b/c/x.js` → a, @b/c). */
function packagesOf(path) {
  return [...path.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((match) => match[1]).filter((name) => !(name.startsWith('@') && !name.includes('/')));
}
const ALLOWED_TOP = [/^\/package\.json$/, /^\/out(\/(main|preload|renderer)(\/.*)?)?$/, /^\/node_modules(\/.*)?$/];
const FORBIDDEN = [
  { pattern: /\.map$/, why: 'source map' },
  { pattern: /\.(ts|tsx|mts|cts)$/, why: 'TypeScript source' },
  { pattern: /^\/(src-main|src-preload|src-renderer|tests|scripts|resources|\.native|\.github)(\/|$)/, why: 'sources, tests or build files' },
  { pattern: /\/(fixtures|__tests__|tests?)\//, why: 'tests or fixtures' },
  { pattern: /\.(c|cc|cpp|h|hpp|gyp|gypi)$/, why: 'native build sources' },
];

/**
 * @param {string[]} entries paths as `asar list` prints them (leading slash)
 * @param {Set<string>} unpacked the entries stored in app.asar.unpacked instead of the archive
 * @param {Set<string>} allowedPackages runtimePackages(lock): the node_modules the app may carry
 * @returns {string[]} one line per offending entry; empty when the package is clean
 */
export function asarProblems(entries, unpacked, allowedPackages) {
  const problems = [];
  for (const entry of entries) {
    const path = entry.replaceAll('\\', '/');
    const packages = packagesOf(path);
    const bundled = packages.find((name) => RENDERER_BUNDLED.includes(name));
    const stray = packages.find((name) => !allowedPackages.has(name));
    if (bundled) problems.push(`${path}: bundled into out/renderer (a devDependency, not a runtime one)`);
    else if (stray) problems.push(`${path}: ${stray} is not a runtime dependency of main or preload`);
    // A .node file cannot be loaded from inside an asar.
    if (path.endsWith('.node') && !unpacked.has(entry)) problems.push(`${path}: a native binary inside the asar (must be unpacked)`);
    if (path.endsWith('/test_extension.node')) problems.push(`${path}: the driver's test binary`);
    if (!ALLOWED_TOP.some((pattern) => pattern.test(path))) problems.push(`${path}: not part of the built app`);
    const forbidden = FORBIDDEN.find(({ pattern }) => pattern.test(path));
    if (forbidden) problems.push(`${path}: ${forbidden.why}`);
  }
  for (const required of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
    if (!entries.includes(required)) problems.push(`${required}: missing`);
  }
  return problems;
}
