import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the renderer is loaded from: the dev server in development, the built file otherwise. */
export function rendererUrl(mainDir: string): string {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return devServer ?? pathToFileURL(join(mainDir, '../renderer/index.html')).toString();
}

export interface WindowPlacement {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
  /** Started at login: stay in the tray until the user opens the window. */
  hidden?: boolean;
}

export function createMainWindow(mainDir: string, placement: WindowPlacement = { bounds: { width: 1280, height: 820 }, maximized: false }): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Social Desk',
    backgroundColor: '#111318',
    webPreferences: {
      preload: join(mainDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    if (placement.hidden) return;
    if (placement.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(rendererUrl(mainDir));
  return window;
}
