/**
 * What may be inside app.asar: the built app, package.json, and production node_modules minus
 * their sources, docs, tests and maps. Used by check-package.mjs on a real package and by a
 * unit test on sample listings.
 */
const ALLOWED_TOP = [/^\/package\.json$/, /^\/out(\/(main|preload|renderer)(\/.*)?)?$/, /^\/node_modules(\/.*)?$/];
const FORBIDDEN = [
  { pattern: /\.map$/, why: 'source map' },
  { pattern: /\.(ts|tsx|mts|cts)$/, why: 'TypeScript source' },
  { pattern: /^\/(src-main|src-preload|src-renderer|tests|scripts|resources|\.native|\.github)(\/|$)/, why: 'sources, tests or build files' },
  { pattern: /\/(fixtures|__tests__|tests?)\//, why: 'tests or fixtures' },
  { pattern: /\.(c|cc|cpp|h|hpp|gyp|gypi)$/, why: 'native build sources' },
  { pattern: /^\/node_modules\/(electron|electron-builder|vitest|typescript|vite|playwright-core|@playwright)\//, why: 'a development dependency' },
];

/**
 * @param {string[]} entries paths as `asar list` prints them (leading slash)
 * @param {Set<string>} unpacked the entries stored in app.asar.unpacked instead of the archive
 * @returns {string[]} one line per offending entry; empty when the package is clean
 */
export function asarProblems(entries, unpacked) {
  const problems = [];
  for (const entry of entries) {
    const path = entry.replaceAll('\\', '/');
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
