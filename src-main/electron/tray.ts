import { app, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { DesktopController } from '../desktop/desktop-controller';
import { toMenu } from './menus';

/** resources/tray in a checkout; copied beside app.asar by electron-builder's extraResources. */
function trayIconPath(): string {
  const folder = app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'resources', 'tray');
  // "Template" images are drawn by macOS in the menu bar's colour (light or dark).
  return join(folder, process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png');
}

/** The tray / menu bar icon; its menu is redrawn from the controller's model on every change. */
export function createTray(controller: DesktopController): Tray {
  const tray = new Tray(nativeImage.createFromPath(trayIconPath()));
  const redraw = () => {
    if (tray.isDestroyed()) return;
    const menu = toMenu(controller.menu(), (action) => controller.perform(action));
    tray.setContextMenu(menu);
    // Electron cannot list a tray's menu; the Playwright `_electron` specs click its real items here.
    (globalThis as { __socialDeskTrayMenu?: unknown }).__socialDeskTrayMenu = menu;
    tray.setToolTip(controller.tooltip());
  };
  redraw();
  const stop = controller.onChange(redraw);
  // Windows and Linux: a click on the icon opens the window (macOS shows the menu instead).
  if (process.platform !== 'darwin') tray.on('click', () => controller.perform('open-window'));
  app.once('will-quit', () => {
    stop();
    tray.destroy();
  });
  return tray;
}
