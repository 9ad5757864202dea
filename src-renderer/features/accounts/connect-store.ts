import { create } from 'zustand';
import type { AccountSummary, Result } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, type Loadable } from '../../lib/loadable';
import { navigate } from '../shell/nav-store';
import { loadAccounts } from './accounts-list';

export type ConnectMethod = 'token' | 'facebook' | 'instagram' | 'facebook-browser' | 'instagram-browser';

interface ConnectStore extends Loadable<AccountSummary[]> {
  /** Whether the connect panel is shown on the Accounts view. */
  open: boolean;
  /** The method the last attempt used, so its result shows next to it. */
  method: ConnectMethod | null;
  /** Set when the panel was opened to reconnect one account. */
  reconnect: AccountSummary | null;
}

const initial = (): ConnectStore => ({ ...idle<AccountSummary[]>(), open: false, method: null, reconnect: null });

export const useConnectStore = create<ConnectStore>()(initial);

/** Show the connect panel, optionally to reconnect one account (keeps all its history). */
export function openConnectPanel(reconnect: AccountSummary | null = null): void {
  useConnectStore.setState({ ...idle<AccountSummary[]>(), open: true, method: null, reconnect });
}

export function closeConnectPanel(): void {
  useConnectStore.setState(initial(), true);
}

async function connect(method: ConnectMethod, run: () => Promise<Result<AccountSummary[]>>): Promise<boolean> {
  // Keep the panel open (even when it showed only because the list was empty) so the result stays visible.
  useConnectStore.setState({ status: 'loading', error: null, data: null, method, open: true });
  const result = await call(run);
  if (result.ok) {
    useConnectStore.setState({ data: result.data, status: 'ready', error: null, reconnect: null });
    void loadAccounts();
  } else {
    useConnectStore.setState({ status: 'error', error: result.error });
  }
  return result.ok;
}

/** Connect the Pages and Instagram accounts a pasted token can see. The token is not kept here. */
export function connectWithToken(token: string): Promise<boolean> {
  return connect('token', () => getApi().accounts.connectToken({ token }));
}

/** Facebook Login in its own window: desktop app only (the web preview answers FORBIDDEN). */
export function connectWithFacebook(): Promise<boolean> {
  return connect('facebook', () => getApi().accounts.connectFacebook(undefined));
}

/** Instagram Login (no Page needed) in its own window: desktop app only, and needs the Meta app settings. */
export function connectWithInstagram(): Promise<boolean> {
  return connect('instagram', () => getApi().accounts.connectInstagram(undefined));
}

/**
 * Facebook or Instagram Login in the system browser; Meta's answer comes back through the relay's
 * page as a social-desk:// link. Resolves when it came back, or was cancelled here.
 */
export function connectInBrowser(provider: 'facebook' | 'instagram'): Promise<boolean> {
  return connect(`${provider}-browser`, () => getApi().accounts.connectInBrowser({ provider }));
}

/** Stop waiting for the browser (the person gave up there); the waiting login then answers "nothing connected". */
export async function cancelBrowserLogin(): Promise<void> {
  await call(() => getApi().accounts.cancelBrowserLogin(undefined));
}

/** The logins need the brand's Meta app: go to Settings → Meta app (the panel's state stays for coming back). */
export function openMetaAppSettings(): void {
  navigate('settings', 'meta-app');
}

export function resetConnectStore(): void {
  useConnectStore.setState(initial(), true);
}
