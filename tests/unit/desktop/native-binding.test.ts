import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronNativeBinding } from '../../../src-main/electron/native-binding';
import { makeTempDir } from '../../support/temp-dir';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

function project(): string {
  const temp = makeTempDir('native-binding');
  cleanup = temp.cleanup;
  const root = temp.dir;
  writeFileSync(join(root, 'package.json'), '{}');
  mkdirSync(join(root, 'out', 'main'), { recursive: true });
  return root;
}

describe('electronNativeBinding (the driver built for Electron, beside the Node one)', () => {
  it('finds .native/ at the project root whether Electron started on the project or on out/main/index.js', () => {
    const root = project();
    const binary = join(root, '.native', 'electron-45.3.4-x64', 'better_sqlite3.node');
    mkdirSync(join(binary, '..'), { recursive: true });
    writeFileSync(binary, '');
    expect(electronNativeBinding(root, '45.3.4', 'x64')).toBe(binary);
    expect(electronNativeBinding(join(root, 'out', 'main'), '45.3.4', 'x64')).toBe(binary);
    // Another Electron version or arch needs its own build.
    expect(electronNativeBinding(root, '46.0.0', 'x64')).toBeUndefined();
    expect(electronNativeBinding(root, '45.3.4', 'arm64')).toBeUndefined();
  });

  it('a packaged app (package.json inside app.asar) looks no further than its own folder', () => {
    const root = project();
    const asar = join(root, 'resources', 'app.asar');
    mkdirSync(asar, { recursive: true });
    writeFileSync(join(asar, 'package.json'), '{}');
    mkdirSync(join(root, 'resources', '.native', 'electron-45.3.4-x64'), { recursive: true });
    writeFileSync(join(root, 'resources', '.native', 'electron-45.3.4-x64', 'better_sqlite3.node'), '');
    expect(electronNativeBinding(asar, '45.3.4', 'x64')).toBeUndefined();
  });
});
