/**
 * Where a web contents may navigate. The app's own window stays on the app's pages. Meta's login
 * window (its own partition, no preload, sandboxed) must follow Meta's pages wherever a login
 * takes them (password, two-factor checks, account choosers move between facebook.com,
 * instagram.com and Meta's account centre), but over https only: nothing in that window can
 * reach the app, and a login answer is caught before it loads (meta-login.ts).
 */
export interface NavigationContext {
  loginWindow: boolean;
  isAppUrl: (url: string) => boolean;
}

export function mayNavigate(url: string, context: NavigationContext): boolean {
  if (!context.loginWindow) return context.isAppUrl(url);
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
