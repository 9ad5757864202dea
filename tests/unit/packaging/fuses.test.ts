import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { FUSE_CONFIG, electronBinaryPath } from '../../../scripts/packaging/fuses.mjs';

describe('fuse configuration flipped after packing', () => {
  it('turns off every way to run foreign code in our process', () => {
    expect(FUSE_CONFIG[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('turns on cookie encryption, asar integrity and asar-only loading', () => {
    expect(FUSE_CONFIG[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it('decides every fuse the installed @electron/fuses knows, so a new one fails the build', () => {
    expect(FUSE_CONFIG.version).toBe(FuseVersion.V1);
    expect(FUSE_CONFIG.strictlyRequireAllFuses).toBe(true);
    const known = Object.values(FuseV1Options).filter((value): value is number => typeof value === 'number');
    for (const fuse of known) expect(typeof FUSE_CONFIG[fuse as FuseV1Options], FuseV1Options[fuse]).toBe('boolean');
  });

  it('finds the Electron binary where electron-builder lays out each platform', () => {
    const base = { appOutDir: '/dist/x', productFilename: 'Social Desk' };
    expect(electronBinaryPath({ ...base, platform: 'darwin' })).toBe('/dist/x/Social Desk.app');
    expect(electronBinaryPath({ ...base, platform: 'win32' })).toBe('/dist/x/Social Desk.exe');
    expect(electronBinaryPath({ ...base, platform: 'linux', executableName: 'social-desk' })).toBe('/dist/x/social-desk');
  });
});
