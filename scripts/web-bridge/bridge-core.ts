import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppCore } from '../../src-main/core/app-core';
import { loadDemo } from '../../src-main/demo/load-demo';
import { createDispatch, type Dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { openConfStore } from '../../src-main/settings/conf-store';
import { resolveGraphConfig } from '../../src-main/meta/config';
import { AppServices, type AppServicesOptions } from '../../src-main/services/app-services';
import type { OsCrypto } from '../../src-main/vault/key-wrapping';
import { createFakeKeychain } from '../../tests/support/fake-keychain';

/**
 * What plays the OS keychain. `fake` encrypts with a secret (another secret = another computer
 * or a reset keychain); `none` is a computer without a usable keychain, so the app asks for a
 * passphrase.
 */
export type BridgeKeychain = { kind: 'fake'; secret: string; backend?: string } | { kind: 'none' };

/** What the app asked the outside world to do; specs read it from `/__bridge/test/log`. */
export interface BridgeLog {
  quitRequested: boolean;
  openedExternal: string[];
  /** Folders handed out for exports, in order (the system dialog's stand-in). */
  pickedFolders: string[];
  /** Folders the app asked the file manager to show. */
  shownFolders: string[];
}

export interface BridgeCore {
  core: AppCore;
  dispatch: Dispatch;
  log: BridgeLog;
}

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function osCryptoFor(keychain: BridgeKeychain): OsCrypto | null {
  return keychain.kind === 'fake' ? createFakeKeychain(keychain.secret, keychain.backend) : null;
}

/**
 * The same AppCore, handlers and dispatch the Electron main process wires, with the three
 * Electron-only edges (keychain, quit, system browser) replaced by recordable stand-ins.
 */
export type BridgeServiceOptions = Pick<AppServicesOptions, 'outboxAutoStart' | 'afterMetaAccepted' | 'attachDemoWorld'>;

export function createBridgeCore(dataDir: string, keychain: BridgeKeychain, serviceOptions: BridgeServiceOptions = {}): BridgeCore {
  const log: BridgeLog = { quitRequested: false, openedExternal: [], pickedFolders: [], shownFolders: [] };
  const core = new AppCore({
    dataDir,
    // The directory was named by whoever started the bridge; a wipe empties it but leaves it.
    removeDataDirOnWipe: false,
    appVersion: packageJson.version,
    platform: process.platform,
    osCrypto: osCryptoFor(keychain),
    openStore: openConfStore,
    log: (message, error) => console.error(message, error),
  });
  // Meta, or whatever GRAPH_API_BASE_URL points at (the emulator in tests); syncs run on demand only.
  const services = new AppServices(core, { graphConfig: resolveGraphConfig(process.env), autoStart: false, ...serviceOptions });
  core.start();
  const handlers = createHandlers({
    core,
    services,
    loadDemo: () => loadDemo(core),
    quit: () => {
      // Electron would end the process; here the page stays, so record it and close the data.
      log.quitRequested = true;
      core.close();
    },
    openExternal: async (url) => {
      log.openedExternal.push(url);
    },
    showFolder: async (path) => {
      log.shownFolders.push(path);
    },
    // No save dialog in a browser: reports go to <data dir>/reports, printed by headless Chromium.
    savePdf: async (html, name) => {
      const dir = join(dataDir, 'reports');
      mkdirSync(dir, { recursive: true });
      const { htmlToPdfWithChromium } = await import('../../src-main/services/analytics-report/pdf-chromium');
      await htmlToPdfWithChromium(html, join(dir, name));
      return join(dir, name);
    },
    // The system folder picker's stand-in: a fresh folder beside the data directory, recorded for the specs.
    pickFolder: async () => {
      const dir = mkdtempSync(join(dirname(dataDir), 'picked-'));
      log.pickedFolders.push(dir);
      return dir;
    },
  });
  const dispatch = createDispatch(handlers, {
    onInternalError: (channel, error) => console.error(`[bridge] ${channel} failed`, error),
  });
  return { core, dispatch, log };
}
