/**
 * When electron-updater may check for updates. Off unless the package was built with a release
 * feed (electron-builder writes app-update.yml only when `publish` is configured, see
 * electron-builder.yml), and never in development runs. Downloads are verified by
 * electron-updater (SHA-512 from the feed, and the publisher's code signature on Windows and
 * macOS) before anything is installed.
 */
export interface UpdateContext {
  isPackaged: boolean;
  /** app-update.yml exists beside the app (process.resourcesPath). */
  feedConfigured: boolean;
  platform: NodeJS.Platform;
  /** Linux: only AppImage builds can replace themselves (a .deb is updated by apt). */
  runningAsAppImage: boolean;
}

export type UpdatePolicy = { enabled: true } | { enabled: false; reason: string };

export function updatePolicy(context: UpdateContext): UpdatePolicy {
  if (!context.isPackaged) return { enabled: false, reason: 'development run' };
  if (!context.feedConfigured) return { enabled: false, reason: 'this build has no release feed configured' };
  if (context.platform === 'linux' && !context.runningAsAppImage) return { enabled: false, reason: 'installed from a package: update it with the package manager' };
  return { enabled: true };
}

/** How the updater is told to behave: download quietly, never restart on its own. */
export const UPDATER_SETTINGS = {
  autoDownload: true,
  // Installed when the user quits anyway, or at once if they choose "Restart to update".
  autoInstallOnAppQuit: true,
  allowPrerelease: false,
  allowDowngrade: false,
} as const;
