import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { DesktopAction, MenuItemModel } from '../desktop/menu-model';

/** Turns a menu model (src-main/desktop) into Electron's template; nothing is decided here. */
export function toTemplate(items: MenuItemModel[], perform: (action: DesktopAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: item.label, enabled: false };
      case 'role':
        return { role: item.role as MenuItemConstructorOptions['role'], ...(item.label ? { label: item.label } : {}), ...(item.accelerator ? { accelerator: item.accelerator } : {}) };
      case 'action':
        return {
          label: item.label,
          enabled: item.enabled,
          ...(item.accelerator ? { accelerator: item.accelerator } : {}),
          ...(item.checked !== undefined ? { type: 'checkbox' as const, checked: item.checked } : {}),
          click: () => perform(item.action),
        };
      case 'submenu':
        return { label: item.label, ...(item.role ? { role: item.role as MenuItemConstructorOptions['role'] } : {}), submenu: toTemplate(item.items, perform) };
    }
  });
}

export function toMenu(items: MenuItemModel[], perform: (action: DesktopAction) => void): Menu {
  return Menu.buildFromTemplate(toTemplate(items, perform));
}
