import { app } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UPDATER_SETTINGS, updatePolicy } from '../desktop/update-policy';

/**
 * electron-updater from the GitHub Releases feed baked into the package, only when
 * updatePolicy allows. A downloaded update is announced (the tray offers "Restart to update");
 * the app never restarts by itself, and an update the user does not install now is applied
 * when they next quit.
 */
export async function startUpdater(onReady: (version: string) => void, log: (message: string, error?: unknown) => void): Promise<{ install: () => void } | null> {
  const policy = updatePolicy({
    isPackaged: app.isPackaged,
    feedConfigured: app.isPackaged && existsSync(join(process.resourcesPath, 'app-update.yml')),
    platform: process.platform,
    runningAsAppImage: Boolean(process.env.APPIMAGE),
  });
  if (!policy.enabled) {
    log(`[updates] off: ${policy.reason}`);
    return null;
  }
  // Loaded only when used: electron-updater reads app paths as soon as it is imported.
  const { autoUpdater } = await import('electron-updater');
  Object.assign(autoUpdater, UPDATER_SETTINGS);
  autoUpdater.on('update-downloaded', (info) => onReady(info.version));
  autoUpdater.on('error', (error) => log('[updates] check failed', error));
  await autoUpdater.checkForUpdates().catch((error: unknown) => log('[updates] check failed', error));
  return { install: () => autoUpdater.quitAndInstall(false, true) };
}
