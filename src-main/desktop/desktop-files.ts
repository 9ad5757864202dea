/**
 * What the desktop shell itself keeps in the data folder, beside the encrypted store. All of it
 * lives there (never in Electron's own userData) so that Privacy → Erase everything, which empties
 * the data folder, takes it too.
 */
export const DESKTOP_FILES = {
  /** Electron crashReporter's local minidumps (uploads off). */
  crashReports: 'crashes',
  /** app.setAppLogsPath. */
  logs: 'logs',
  /** Window size and position, restored at the next start. */
  windowState: 'window-state.json',
} as const;
