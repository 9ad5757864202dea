/**
 * electron-builder `afterPack` hook: flips the fuses in FUSE_CONFIG into the packed Electron
 * binary. It runs after the app folder is laid out and before signing, so the signature covers
 * the flipped binary. On macOS an unsigned arm64 binary needs its ad-hoc signature redone after
 * the bytes change, or the OS refuses to start it.
 */
import { flipFuses } from '@electron/fuses';
import { FUSE_CONFIG, electronBinaryPath } from './fuses.mjs';

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const platform = context.electronPlatformName;
  const binary = electronBinaryPath({
    platform,
    appOutDir: context.appOutDir,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  });
  const isMac = platform === 'darwin' || platform === 'mas';
  await flipFuses(binary, { ...FUSE_CONFIG, resetAdHocDarwinSignature: isMac && context.arch === 3 /* Arch.arm64 */ });
  console.log(`  • fuses flipped  binary=${binary}`);
}
