/**
 * The Electron fuses flipped into every packaged binary (applied by after-pack.mjs, before
 * signing, because flipping changes the binary the signature covers). Each one closes a way to
 * run code in our process that the app itself never uses:
 * https://www.electronjs.org/docs/latest/tutorial/fuses
 *
 * Kept as plain data so a unit test can check every fuse without packaging anything.
 */
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** @type {import('@electron/fuses').FuseV1Config} */
export const FUSE_CONFIG = {
  version: FuseVersion.V1,
  // Fail the build if a future Electron adds a fuse we have not decided about.
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (the Meta login partition) encrypted at rest with the OS keychain, like our database key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS=--require … and --inspect would inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder embeds (Info.plist / the Windows resource).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Never fall back to a loose resources/app folder someone dropped beside the asar.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // We ship no custom V8 snapshot.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // file:// pages get no more privileges than a web page; the renderer needs none of them.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default (on): WebAssembly bounds checks through the OS trap handler.
  [FuseV1Options.WasmTrapHandlers]: true,
};

/**
 * Where the Electron executable is inside a packed app folder, per platform, as
 * electron-builder lays it out (appOutDir + product file name).
 * @param {{ platform: string, appOutDir: string, productFilename: string, executableName?: string }} target
 */
export function electronBinaryPath({ platform, appOutDir, productFilename, executableName }) {
  if (platform === 'darwin' || platform === 'mas') return `${appOutDir}/${productFilename}.app`;
  if (platform === 'win32') return `${appOutDir}/${productFilename}.exe`;
  return `${appOutDir}/${executableName ?? productFilename}`;
}
