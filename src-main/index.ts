/**
 * Composition root of the Electron main process: wires vault → store → services → IPC and
 * nothing else. Everything it wires is Electron-free and tested under plain Node; only the
 * files in ./electron touch Electron APIs.
 */
import { app, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppCore } from './core/app-core';
import { AppError } from './core/app-error';
import { loadDemo } from './demo/load-demo';
import { openElectronStore } from './electron/electron-store';
import { registerIpc, sendEvent } from './electron/ipc-main';
import { electronNativeBinding } from './electron/native-binding';
import { startInboxNotifications } from './electron/notifications';
import { clearSessions, hardenApp } from './electron/security';
import { createMainWindow, rendererUrl } from './electron/window';
import { isAppUrl } from './core/navigation';
import { createDispatch } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { LOGIN_PARTITION } from './electron/partitions';
import { connectWithFacebook, connectWithInstagram } from './electron/connect-accounts';
import { saveReportPdf } from './electron/report-pdf';
import { pickFolder } from './electron/pick-folder';
import { resolveGraphConfig } from './meta/config';
import { AppServices } from './services/app-services';
import { DesktopController } from './desktop/desktop-controller';
import { readSettings } from './settings/settings';
import {
  applyLaunchAtLogin,
  initialWindowState,
  installAppMenu,
  manageMainWindow,
  showWindow,
  startLocalCrashReports,
} from './electron/desktop-glue';
import { createTray } from './electron/tray';
import { startUpdater } from './electron/updater';
import { BrowserLogins, isLoginDialogUrl } from './desktop/browser-logins';
import { DeepLinkLogins } from './desktop/deep-link-logins';
import { DESKTOP_FILES } from './desktop/desktop-files';
import { receiveDeepLinks } from './electron/deep-link-glue';

const mainDir = fileURLToPath(new URL('.', import.meta.url));
const dataDir = process.env.SOCIAL_DESK_DATA_DIR ?? join(app.getPath('userData'), 'data');
app.setAppLogsPath(join(dataDir, DESKTOP_FILES.logs));
startLocalCrashReports(dataDir);

const primaryInstance = app.requestSingleInstanceLock();
if (!primaryInstance) app.quit();
// Login answers by `social-desk://` link; listening starts now because macOS sends a cold
// start's link before ready. The window comes to the front once it exists.
const deepLinks = new DeepLinkLogins((message) => console.error(message));
let bringToFront = () => {};
const linkInbox = primaryInstance
  ? receiveDeepLinks((url) => {
      deepLinks.deliver(url);
      bringToFront();
    })
  : null;
// Started by the OS at login: open in the tray only.
const startedHidden = process.argv.includes('--hidden') || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);

void app.whenReady().then(() => {
  // A second instance has handed its arguments to the first and is quitting: it opens nothing.
  if (!primaryInstance) return;
  const appUrl = rendererUrl(mainDir);
  hardenApp((url) => isAppUrl(url, appUrl), session.fromPartition(LOGIN_PARTITION));
  const core = new AppCore({
    dataDir,
    removeDataDirOnWipe: true,
    appVersion: app.getVersion(),
    platform: process.platform,
    osCrypto: safeStorage,
    openStore: openElectronStore,
    nativeBinding: electronNativeBinding(app.getAppPath()),
    wipeExtras: async () => {
      // Settings go with the wipe, so the OS must stop starting the app at login too.
      applyLaunchAtLogin(false);
      return clearSessions([LOGIN_PARTITION]);
    },
    log: (message, error) => console.error(message, error),
  });
  // Last resort: background work goes through core.tasks, but nothing stray may take the app down.
  process.on('unhandledRejection', (error) => core.tasks.fail('unexpected background error', error));
  const graphConfig = resolveGraphConfig(process.env);
  const services = new AppServices(core, { graphConfig, autoStart: true });
  core.start();
  const window = createMainWindow(mainDir, { ...initialWindowState(dataDir), hidden: startedHidden });
  bringToFront = () => showWindow(window);
  const settings = () => readSettings(core.settings());
  manageMainWindow(window, dataDir, settings);
  let updater: { install: () => void } | null = null;
  const showFolder = async (path: string) => {
    const failure = await shell.openPath(path);
    if (failure) throw new AppError('NOT_FOUND', `The data folder could not be shown: ${failure} (${path}).`);
  };
  const desktop = new DesktopController(core, services, {
    showWindow: () => showWindow(window),
    quit: () => app.quit(),
    installUpdate: () => updater?.install(),
    showDataFolder: () => core.tasks.run('show data folder', () => showFolder(dataDir)),
    showPrivacy: () => {
      showWindow(window);
      core.events.emit('app:show-view', { view: 'privacy' });
    },
  });
  installAppMenu((action) => desktop.perform(action));
  createTray(desktop);
  applyLaunchAtLogin(settings().launchAtLogin);
  void startUpdater(
    (version) => desktop.setUpdateReady(version),
    (message, error) => console.error(message, error ?? ''),
  ).then((started) => (updater = started));
  const dispatch = createDispatch(
    createHandlers({
      core,
      services,
      loadDemo: () => loadDemo(core),
      quit: () => app.quit(),
      openExternal: (url) => shell.openExternal(url),
      showFolder,
      connectFacebook: () => connectWithFacebook(window, core, services, deepLinks),
      connectInstagram: () => connectWithInstagram(window, core, services, deepLinks),
      // Only Meta's login dialogs, exactly as configured, go to the system browser from here.
      browserLogins: new BrowserLogins({ deepLinks, openExternal: (url) => shell.openExternal(url), isLoginDialog: (url) => isLoginDialogUrl(url, graphConfig.oauth) }),
      savePdf: (html, name) => saveReportPdf(window, html, name),
      pickFolder: (title) => pickFolder(window, title),
      onSettingsChanged: (changed) => applyLaunchAtLogin(changed.launchAtLogin),
    }),
    { onInternalError: (channel, error) => console.error(`[ipc] ${channel} failed`, error) },
  );
  registerIpc(dispatch, (event) => event.senderFrame === window.webContents.mainFrame && isAppUrl(event.senderFrame.url, appUrl));
  core.events.onAny((event, payload) => sendEvent(window.webContents, event, payload as never));
  startInboxNotifications(core, window);
  app.on('before-quit', () => core.close());
  app.on('second-instance', (_event, argv) => {
    showWindow(window);
    linkInbox?.onSecondInstance(argv);
  });
  // macOS: clicking the Dock icon of a running app brings its window back.
  app.on('activate', () => showWindow(window));
});

// Only reached when the window really closed (the close setting says quit, or Quit was chosen).
app.on('window-all-closed', () => app.quit());
