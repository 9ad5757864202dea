import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { asarProblems, RENDERER_BUNDLED, RUNTIME_DEPENDENCIES, runtimePackages } from '../../../scripts/packaging/package-contents.mjs';
import { bareImportsReachableFrom } from './reachable-imports';

/** The allow-list check that scripts/packaging/check-package.mjs runs on a real app.asar. */
const built = ['/package.json', '/out', '/out/main', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/renderer/assets/index-1.js'];
const driver = '/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const allowed = runtimePackages(lock);

describe('app.asar allow-list', () => {
  it('accepts the built app with production modules and the driver unpacked', () => {
    expect(asarProblems([...built, '/node_modules/zod/index.js', driver], new Set([driver]), allowed)).toEqual([]);
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
        '/node_modules/react-dom/cjs/react-dom.production.js',
        '/node_modules/electron-store/node_modules/@scope/stray/index.js',
        '/node_modules/zod/test/a.js',
        '/.native/electron-45/better_sqlite3.node',
        driver,
        '/README.md',
      ],
      new Set(),
      allowed,
    );
    expect(problems).toEqual([
      '/out/main/index.js.map: source map',
      '/src-main/index.ts: not part of the built app',
      '/src-main/index.ts: TypeScript source',
      '/tests/fixtures/meta/ig_media.json: not part of the built app',
      '/tests/fixtures/meta/ig_media.json: sources, tests or build files',
      '/node_modules/zod/src/index.ts: TypeScript source',
      '/node_modules/electron/index.js: electron is not a runtime dependency of main or preload',
      '/node_modules/react-dom/cjs/react-dom.production.js: bundled into out/renderer (a devDependency, not a runtime one)',
      '/node_modules/electron-store/node_modules/@scope/stray/index.js: @scope/stray is not a runtime dependency of main or preload',
      '/node_modules/zod/test/a.js: tests or fixtures',
      '/.native/electron-45/better_sqlite3.node: a native binary inside the asar (must be unpacked)',
      '/.native/electron-45/better_sqlite3.node: not part of the built app',
      '/.native/electron-45/better_sqlite3.node: sources, tests or build files',
      `${driver}: a native binary inside the asar (must be unpacked)`,
      '/README.md: not part of the built app',
    ]);
  });

  it('reports a package without the built app', () => {
    expect(asarProblems(['/package.json'], new Set(), allowed)).toEqual([
      '/out/main/index.js: missing',
      '/out/preload/index.cjs: missing',
      '/out/renderer/index.html: missing',
    ]);
  });
});

describe('runtime dependencies: what main and preload load, and nothing the renderer bundles', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

  it('package.json "dependencies" is exactly the runtime list; the renderer\'s packages are devDependencies', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...RUNTIME_DEPENDENCIES].sort());
    for (const name of ['react', 'react-dom', 'recharts', 'zustand', '@tanstack/react-virtual']) {
      expect(RENDERER_BUNDLED).toContain(name);
      expect(pkg.devDependencies[name], `${name} is bundled by Vite`).toBeDefined();
    }
  });

  it('every package main and preload import is a runtime dependency, and each runtime dependency is used', () => {
    const imported = bareImportsReachableFrom(['src-main/index.ts', 'src-preload/index.ts']).filter((name) => name !== 'electron' && !name.startsWith('node:'));
    expect(imported.filter((name) => !RUNTIME_DEPENDENCIES.includes(name))).toEqual([]);
    // conf is electron-store's own store (and the CLI's): used at run time through it.
    const usedThrough = new Set(imported.flatMap((name) => Object.keys((lock.packages[`node_modules/${name}`]?.dependencies ?? {}) as Record<string, string>)));
    expect(RUNTIME_DEPENDENCIES.filter((name) => !imported.includes(name) && !usedThrough.has(name))).toEqual([]);
  });

  it('the lock-file closure allows the runtime packages and what they need, never the renderer\'s or the tools', () => {
    for (const name of [...RUNTIME_DEPENDENCIES, 'ajv', 'builder-util-runtime', 'libsodium']) expect(allowed.has(name), name).toBe(true);
    for (const name of [...RENDERER_BUNDLED, 'electron', 'vite', 'vitest', 'typescript', 'electron-builder', '@playwright/test']) expect(allowed.has(name), name).toBe(false);
  });
});
