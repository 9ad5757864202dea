import { app, crashReporter, Menu, screen, type BrowserWindow } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../src-preload/contract';
import { buildAppMenu } from '../desktop/app-menu-model';
import { keepsRunningInTray, onWindowClose } from '../desktop/close-behavior';
import { DESKTOP_FILES } from '../desktop/desktop-files';
import type { DesktopAction } from '../desktop/menu-model';
import { parseWindowState, restoreBounds, type SavedWindowState } from '../desktop/window-state';
import { toMenu } from './menus';

/**
 * Crash reports stay on this computer: Electron's crashReporter with uploads off, writing its
 * minidumps into the data folder so the one-click wipe removes them with everything else.
 * Must run before app is ready. https://www.electronjs.org/docs/latest/api/crash-reporter
 */
export function startLocalCrashReports(dataDir: string): void {
  const folder = join(dataDir, DESKTOP_FILES.crashReports);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  app.setPath('crashDumps', folder);
  crashReporter.start({ uploadToServer: false, compress: true });
}

export function installAppMenu(perform: (action: DesktopAction) => void): void {
  Menu.setApplicationMenu(toMenu(buildAppMenu({ platform: process.platform, appName: app.name, developerTools: !app.isPackaged }), perform));
}

/** Launch at login (Windows and macOS; Linux desktops have no API Electron can drive). */
export function applyLaunchAtLogin(enabled: boolean): void {
  if (process.platform === 'linux') return;
  // Windows passes --hidden; macOS reports wasOpenedAtLogin. Either way the window stays in the tray.
  app.setLoginItemSettings({ openAtLogin: enabled, ...(process.platform === 'win32' ? { args: ['--hidden'] } : {}) });
}

const WINDOW_STATE_FILE = DESKTOP_FILES.windowState;

/** Saved bounds, checked against today's screens (a missing monitor must not hide the window). */
export function initialWindowState(dataDir: string): ReturnType<typeof restoreBounds> {
  let saved: SavedWindowState | null = null;
  try {
    saved = parseWindowState(JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8')));
  } catch {
    saved = null; // first start, or an unreadable file: open at the default size
  }
  return restoreBounds(saved, screen.getAllDisplays().map((display) => display.workArea));
}

/**
 * Close behaviour and bounds persistence for the main window. Closing hides the window (the tray
 * keeps syncing) when the setting says so; Quit from anywhere sets `quitting` first.
 */
export function manageMainWindow(window: BrowserWindow, dataDir: string, settings: () => Settings): void {
  let quitting = false;
  app.on('before-quit', () => (quitting = true));
  const save = () => {
    if (window.isDestroyed()) return;
    const state: SavedWindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(join(dataDir, WINDOW_STATE_FILE), JSON.stringify(state), { mode: 0o600 });
    } catch {
      // The data folder may be mid-wipe or read-only; losing the window position is harmless.
    }
  };
  window.on('close', (event) => {
    save();
    if (onWindowClose({ keepRunning: keepsRunningInTray(settings().whenWindowCloses, process.platform), quitting }) === 'hide') {
      event.preventDefault();
      window.hide();
    }
  });
  window.on('resized', save);
  window.on('moved', save);
}

export function showWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
