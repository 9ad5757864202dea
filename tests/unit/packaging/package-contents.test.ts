import { describe, expect, it } from 'vitest';
import { asarProblems } from '../../../scripts/packaging/package-contents.mjs';

/** The allow-list check that scripts/packaging/check-package.mjs runs on a real app.asar. */
const built = ['/package.json', '/out', '/out/main', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/renderer/assets/index-1.js'];
const driver = '/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';

describe('app.asar allow-list', () => {
  it('accepts the built app with production modules and the driver unpacked', () => {
    expect(asarProblems([...built, '/node_modules/zod/index.js', driver], new Set([driver]))).toEqual([]);
  });

  it('names every source, test, map, fixture, dev dependency and packed native binary', () => {
    const problems = asarProblems(
      [
        ...built,
        '/out/main/index.js.map',
        '/src-main/index.ts',
        '/tests/fixtures/meta/ig_media.json',
        '/node_modules/zod/src/index.ts',
        '/node_modules/electron/index.js',
        '/node_modules/foo/test/a.js',
        '/.native/electron-45/better_sqlite3.node',
        driver,
        '/README.md',
      ],
      new Set(),
    );
    expect(problems).toEqual([
      '/out/main/index.js.map: source map',
      '/src-main/index.ts: not part of the built app',
      '/src-main/index.ts: TypeScript source',
      '/tests/fixtures/meta/ig_media.json: not part of the built app',
      '/tests/fixtures/meta/ig_media.json: sources, tests or build files',
      '/node_modules/zod/src/index.ts: TypeScript source',
      '/node_modules/electron/index.js: a development dependency',
      '/node_modules/foo/test/a.js: tests or fixtures',
      '/.native/electron-45/better_sqlite3.node: a native binary inside the asar (must be unpacked)',
      '/.native/electron-45/better_sqlite3.node: not part of the built app',
      '/.native/electron-45/better_sqlite3.node: sources, tests or build files',
      `${driver}: a native binary inside the asar (must be unpacked)`,
      '/README.md: not part of the built app',
    ]);
  });

  it('reports a package without the built app', () => {
    expect(asarProblems(['/package.json'], new Set())).toEqual([
      '/out/main/index.js: missing',
      '/out/preload/index.cjs: missing',
      '/out/renderer/index.html: missing',
    ]);
  });
});
