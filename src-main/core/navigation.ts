/**
 * Which URLs count as the app itself: the window may navigate only there. For a packaged or
 * previewed app that is the one renderer file; for a dev server, its origin.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const own = new URL(appUrl);
    return own.protocol === 'file:' ? target.protocol === 'file:' && target.pathname === own.pathname : target.origin === own.origin;
  } catch {
    return false;
  }
}
