import { app } from 'electron';
import { DEEP_LINK_SCHEME, deepLinkFromArgv } from '../desktop/deep-links';

/**
 * Receives `social-desk://` links on every OS and hands each to `deliver`:
 * - macOS: `open-url`, which also fires before `ready` on a cold start, so this runs at load;
 * - Windows and Linux: a running app gets them in the second instance's argv (`onSecondInstance`);
 *   a cold start has them in its own argv.
 * Installed builds are registered by electron-builder (`protocols`: Info.plist, the NSIS
 * registry keys, the .desktop file's MimeType); `setAsDefaultProtocolClient` repeats that at run
 * time for builds that were moved or not installed. Development runs register nothing, so a test
 * never takes the scheme over from an installed app.
 * https://www.electronjs.org/docs/latest/tutorial/launch-app-from-url-in-another-app
 */
export function receiveDeepLinks(deliver: (url: string) => void): { onSecondInstance: (argv: readonly string[]) => void } {
  if (app.isPackaged && !app.isDefaultProtocolClient(DEEP_LINK_SCHEME)) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deliver(url);
  });
  const coldStart = deepLinkFromArgv(process.argv);
  if (coldStart) deliver(coldStart);
  return {
    onSecondInstance: (argv) => {
      const link = deepLinkFromArgv(argv);
      if (link) deliver(link);
    },
  };
}
