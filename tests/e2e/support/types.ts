import type { ElectronApplication, Page } from '@playwright/test';
import type { BridgeKeychain } from '../../../scripts/web-bridge';

export type Keychain = BridgeKeychain;

/** What the app asked of the operating system, as recorded by the backend. */
export interface TestLog {
  quitRequested: boolean;
  openedExternal: string[];
  shownFolders: string[];
  /** Folders the bridge handed out in place of the system folder picker (chromium backend only). */
  pickedFolders?: string[];
}

export interface RestartOptions {
  /** Another keychain secret plays "another computer" or "a reset keychain". */
  keychain?: Keychain;
  /** Runs after the app closed and before it starts again: change the data folder like another program would. */
  beforeStart?: () => void | Promise<void>;
}

/** One running app, whichever backend runs it; specs only talk to this. */
export interface AppDriver {
  backend: 'chromium' | 'electron';
  page: Page;
  /** Set for the electron backend, for checks only real Electron can answer. */
  electronApp: ElectronApplication | null;
  /** Quit (if still running) and open again on the same data directory. */
  restart(options?: RestartOptions): Promise<void>;
  testLog(): Promise<TestLog>;
  close(): Promise<void>;
}
