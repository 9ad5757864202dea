import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

describe('stand-in Electron (packing checks where Electron cannot be downloaded)', () => {
  it('is an Electron dist electron-builder accepts: version file and a fuse wire @electron/fuses reads', async () => {
    const tmp = makeTempDir('stand-in-electron');
    cleanup = tmp.cleanup;
    const dir = join(tmp.dir, 'dist');
    execFileSync(process.execPath, ['scripts/packaging/stand-in-electron.mjs', dir]);
    expect(readFileSync(join(dir, 'version'), 'utf8')).toBe(JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version);
    const wire = await getCurrentFuseWire(join(dir, 'electron'));
    // Electron's defaults, so flipping them (after-pack.mjs) is a real change check-package can see.
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE);
  });
});
