import { describe, expect, it } from 'vitest';
import { buildAppMenu } from '../../../src-main/desktop/app-menu-model';
import type { MenuItemModel } from '../../../src-main/desktop/menu-model';

type Submenu = Extract<MenuItemModel, { kind: 'submenu' }>;
const submenus = (items: MenuItemModel[]) => items.filter((item): item is Submenu => item.kind === 'submenu');
const roles = (menu: Submenu | undefined) => (menu?.items ?? []).flatMap((item) => (item.kind === 'role' ? [item.role] : []));
const byLabel = (items: MenuItemModel[], label: RegExp) => submenus(items).find((menu) => label.test(menu.label));

describe('application menu model', () => {
  it('on macOS starts with the app menu, then Edit, View, Window, Help', () => {
    const menu = buildAppMenu({ platform: 'darwin', appName: 'Social Desk', developerTools: false });
    expect(submenus(menu).map((m) => m.label)).toEqual(['Social Desk', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(byLabel(menu, /^Social Desk$/))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(byLabel(menu, /Window/))).toEqual(['minimize', 'zoom', 'front']);
  });

  it('on Windows and Linux has File → Quit with Ctrl+Q and keyboard mnemonics', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const menu = buildAppMenu({ platform, appName: 'Social Desk', developerTools: false });
      expect(submenus(menu).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
      expect(byLabel(menu, /File/)?.items).toEqual([{ kind: 'role', role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' }]);
    }
  });

  it('Edit has copy and paste (their shortcuts come with the roles)', () => {
    const edit = byLabel(buildAppMenu({ platform: 'win32', appName: 'Social Desk', developerTools: false }), /Edit/);
    expect(roles(edit)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('View zooms; developer tools only in development runs', () => {
    const shipped = byLabel(buildAppMenu({ platform: 'linux', appName: 'Social Desk', developerTools: false }), /View/);
    expect(roles(shipped)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const dev = byLabel(buildAppMenu({ platform: 'linux', appName: 'Social Desk', developerTools: true }), /View/);
    expect(roles(dev)).toContain('toggleDevTools');
  });

  it('Help opens the privacy page and the data folder', () => {
    const help = byLabel(buildAppMenu({ platform: 'darwin', appName: 'Social Desk', developerTools: false }), /Help/);
    expect(help?.role).toBe('help');
    expect(help?.items.map((item) => (item.kind === 'action' ? item.action : item.kind))).toEqual(['show-privacy', 'show-data-folder']);
  });
});
