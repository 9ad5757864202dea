/**
 * Whether closing the main window keeps Social Desk running (and syncing) in the tray / menu
 * bar. On by default on Windows and macOS, where a tray is always there; off by default on
 * Linux, where many desktops (GNOME) show no tray icons, so a hidden window could not be found.
 */
export function keepRunningInTrayByDefault(platform: NodeJS.Platform): boolean {
  return platform === 'win32' || platform === 'darwin';
}

/** The user's setting, or the platform default when they never chose. */
export function keepsRunningInTray(setting: 'default' | 'keep-syncing' | 'quit', platform: NodeJS.Platform): boolean {
  return setting === 'default' ? keepRunningInTrayByDefault(platform) : setting === 'keep-syncing';
}

/**
 * What closing the window does: hide it (keep syncing in the tray), or let it close and quit.
 * A close during Quit (from the tray, the menu, or the OS shutting down) always goes through.
 */
export function onWindowClose(options: { keepRunning: boolean; quitting: boolean }): 'hide' | 'close' {
  return options.keepRunning && !options.quitting ? 'hide' : 'close';
}
