/**
 * Plain data describing a menu, so tray and application menus are built and tested under Node;
 * src-main/electron/menus.ts turns them into Electron Menu objects. `role` items are Electron's
 * standard roles (their labels and shortcuts come from the OS); `action` items call back into
 * the app.
 */
export type DesktopAction =
  | 'open-window'
  | 'sync-now'
  | 'pause-sync'
  | 'resume-sync'
  | 'install-update'
  | 'quit'
  | 'show-data-folder'
  | 'show-privacy';

export type MenuItemModel =
  | { kind: 'separator' }
  | { kind: 'role'; role: string; label?: string; accelerator?: string }
  | { kind: 'action'; action: DesktopAction; label: string; enabled: boolean; accelerator?: string; checked?: boolean }
  | { kind: 'label'; label: string }
  | { kind: 'submenu'; label: string; role?: string; items: MenuItemModel[] };

export const separator: MenuItemModel = { kind: 'separator' };
export const role = (name: string, extra: { label?: string; accelerator?: string } = {}): MenuItemModel => ({ kind: 'role', role: name, ...extra });
