import type { MenuItemModel } from './menu-model';
import { role, separator } from './menu-model';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Developer tools in the View menu: only for unpackaged (development) runs. */
  developerTools: boolean;
}

/**
 * The standard application menu: Edit (so copy and paste work, with their shortcuts), View
 * (zoom), Window, Help (the data folder and the privacy page). On macOS the first menu is the
 * app's own (About, Hide, Quit), as the platform's Human Interface Guidelines expect; elsewhere
 * Quit sits in File. Roles carry the OS's own labels and keyboard shortcuts.
 */
export function buildAppMenu({ platform, appName, developerTools }: AppMenuOptions): MenuItemModel[] {
  const mac = platform === 'darwin';
  const menus: MenuItemModel[] = [];
  if (mac) {
    menus.push({
      kind: 'submenu',
      label: appName,
      items: [role('about'), separator, role('services'), separator, role('hide'), role('hideOthers'), role('unhide'), separator, role('quit')],
    });
  } else {
    menus.push({ kind: 'submenu', label: '&File', items: [role('quit', { label: 'Quit', accelerator: 'Ctrl+Q' })] });
  }
  menus.push({
    kind: 'submenu',
    label: mac ? 'Edit' : '&Edit',
    items: [role('undo'), role('redo'), separator, role('cut'), role('copy'), role('paste'), ...(mac ? [role('pasteAndMatchStyle')] : []), role('delete'), separator, role('selectAll')],
  });
  menus.push({
    kind: 'submenu',
    label: mac ? 'View' : '&View',
    items: [
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      separator,
      role('togglefullscreen'),
      ...(developerTools ? [separator, role('reload'), role('toggleDevTools')] : []),
    ],
  });
  menus.push({
    kind: 'submenu',
    label: mac ? 'Window' : '&Window',
    role: 'windowMenu',
    items: mac ? [role('minimize'), role('zoom'), separator, role('front')] : [role('minimize'), role('close')],
  });
  menus.push({
    kind: 'submenu',
    label: mac ? 'Help' : '&Help',
    role: 'help',
    items: [
      { kind: 'action', action: 'show-privacy', label: 'Privacy and your data', enabled: true },
      { kind: 'action', action: 'show-data-folder', label: 'Show data folder', enabled: true },
    ],
  });
  return menus;
}
