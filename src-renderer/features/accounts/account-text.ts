import type { AccountSummary, ErrorCode, ErrorPayload, TokenHealth } from '../../../src-preload/contract';
import { errorText, type ErrorText } from '../../lib/error-text';
import { formatDate, formatDuration } from '../../lib/format';
import type { ConnectMethod } from './connect-store';

export const STATUS_TEXT: Record<AccountSummary['status'], string> = {
  active: 'Connected',
  needs_reconnect: 'Needs reconnecting',
  paused: 'Paused',
};

export const NETWORK_TEXT: Record<AccountSummary['network'], string> = {
  instagram: 'Instagram',
  facebook: 'Facebook Page',
  whatsapp: 'WhatsApp',
};

/** Short mark shown in the round network badge. */
export const NETWORK_MARK: Record<AccountSummary['network'], string> = {
  instagram: 'IG',
  facebook: 'FB',
  whatsapp: 'WA',
};

/** Which connect method fits an account that needs reconnecting. */
export const RECONNECT_METHOD: Record<AccountSummary['loginKind'], ConnectMethod> = {
  system_user: 'token',
  facebook: 'facebook',
  instagram: 'instagram',
  demo: 'token',
};

const TOKEN_KIND_TEXT: Record<TokenHealth['tokenKind'], string> = {
  system_user: 'System user token',
  page: 'Page token',
  user: 'Personal Facebook login',
  instagram_user: 'Instagram login',
};

const DAY_MS = 86_400_000;

/** "Expires in 12 days", "Expires in 5 h", "Expired on Mar 4, 2025". */
export function expiryText(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  if (left <= 0) return `Expired on ${formatDate(expiresAt)}`;
  if (left < DAY_MS) return `Expires in ${formatDuration(left)}`;
  const days = Math.floor(left / DAY_MS);
  return `Expires in ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** "System user token — never expires", "Page token — expires in 12 days". */
export function tokenKindText(health: TokenHealth, now: number): string {
  const kind = TOKEN_KIND_TEXT[health.tokenKind];
  if (health.expiresAt === null) return `${kind} — never expires`;
  const expiry = expiryText(health.expiresAt, now);
  return `${kind} — ${expiry.charAt(0).toLowerCase()}${expiry.slice(1)}`;
}

export function validityText(health: TokenHealth): string {
  if (health.isValid === null) return "Couldn't ask Meta right now (offline?). This is what was known before.";
  return health.isValid ? 'Meta accepts this token.' : 'Meta no longer accepts this token.';
}

/**
 * Granted assets arrive one per scope (`instagram_basic: 1784…`); group them per asset so each Page or
 * account shows once, with the permissions it was granted. Anything else is shown as it came.
 */
export function groupGrantedAssets(assets: string[]): Array<{ asset: string; scopes: string[] }> {
  const groups = new Map<string, string[]>();
  for (const entry of assets) {
    const match = /^([a-z_]+):\s*(.+)$/.exec(entry);
    const asset = match ? (match[2] as string) : entry;
    const scopes = groups.get(asset) ?? [];
    if (match) scopes.push(match[1] as string);
    groups.set(asset, scopes);
  }
  return [...groups].map(([asset, scopes]) => ({ asset, scopes }));
}

/** "Connected: 2 Instagram accounts, 2 Pages — first sync started". */
export function connectedText(accounts: AccountSummary[], method: ConnectMethod | null = 'token'): string {
  if (accounts.length === 0) {
    // A login window closed before the end also answers "no accounts".
    if (method === 'facebook-browser' || method === 'instagram-browser') {
      return 'Nothing was connected. If the login was cancelled, or the browser never handed it back to Social Desk, try again and choose “Open Social Desk” when the browser asks.';
    }
    return method === 'facebook' || method === 'instagram'
      ? 'Nothing was connected. If the login window was closed early, try again; otherwise allow access to your accounts when Meta asks.'
      : 'That worked, but the token can’t see any Instagram account or Page yet.';
  }
  const count = (network: AccountSummary['network']) => accounts.filter((account) => account.network === network).length;
  const parts: string[] = [];
  const add = (n: number, one: string, many: string) => n > 0 && parts.push(`${n} ${n === 1 ? one : many}`);
  add(count('instagram'), 'Instagram account', 'Instagram accounts');
  add(count('facebook'), 'Page', 'Pages');
  add(count('whatsapp'), 'WhatsApp account', 'WhatsApp accounts');
  return `Connected: ${parts.join(', ')} — first sync started`;
}

/** What was being done when an error came back; each can word some errors more precisely. */
export type AccountAction = ConnectMethod | 'health' | 'revoke';

/** The browser login's own failures: no relay or app id yet, the desktop app only, Meta said no. */
function browserLoginText(network: 'Facebook' | 'Instagram'): Partial<Record<ErrorCode, ErrorText>> {
  return {
    CONFLICT: {
      title: `Logging in with ${network} in your browser can’t start yet.`,
      next: `It needs your brand’s relay (Settings → Relay) and the ${network === 'Facebook' ? 'Facebook' : 'Instagram'} app id (Settings → Meta app). Until then, use “Log in with ${network}”, which opens the login inside Social Desk.`,
    },
    FORBIDDEN: {
      title: `Logging in with ${network} in your browser works only in the Social Desk desktop app.`,
      next: 'This window is the web preview. Open the desktop app, or paste a system-user token instead.',
    },
    AUTH_EXPIRED: {
      title: `${network} didn’t finish the login.`,
      next: `Try again, and allow every permission ${network} asks about.`,
    },
    OFFLINE: {
      title: 'Your relay or Meta couldn’t be reached to finish the login.',
      next: 'Check the internet connection and the relay (Settings → Relay), then try again.',
    },
  };
}

/** Connecting, checking and revoking say more than the generic texts: what is wrong, and where it works. */
const ACTION_TEXT: Partial<Record<AccountAction, Partial<Record<ErrorCode, ErrorText>>>> = {
  token: {
    AUTH_EXPIRED: {
      title: 'That token is expired or was revoked.',
      next: 'Generate a new one in Business settings → System users, then paste it here again.',
    },
    INVALID_ARGUMENT: {
      title: 'That doesn’t look like a Meta access token.',
      next: 'Copy the whole token from Business settings (it usually starts with “EAA”) and paste it again.',
    },
    NOT_FOUND: {
      title: 'That token can’t see any Facebook Page or Instagram professional account.',
      next: 'In Business settings, assign your Page and Instagram account to the system user, then generate the token again with the permissions listed below.',
    },
    FORBIDDEN: {
      title: 'That token is missing permissions Social Desk needs.',
      next: 'Generate it again with every permission listed below, and assign your Page and Instagram account to the system user.',
    },
    OFFLINE: {
      title: 'You’re offline, so Meta couldn’t check the token.',
      next: 'Connect to the internet and paste it again. Nothing was saved.',
    },
  },
  facebook: {
    CONFLICT: {
      title: 'Log in with Facebook needs your brand’s Meta app first.',
      next: 'Add the Facebook app id in Settings → Meta app, then try again. Or paste a system-user token instead.',
    },
    FORBIDDEN: {
      title: 'Log in with Facebook works only in the Social Desk desktop app.',
      next: 'This window is the web preview. Open the desktop app, or paste a system-user token instead.',
    },
    AUTH_EXPIRED: {
      title: 'Facebook didn’t finish the login.',
      next: 'Try again, and allow every permission Facebook asks about.',
    },
    OFFLINE: {
      title: 'You’re offline, so Facebook can’t open the login.',
      next: 'Connect to the internet and try again.',
    },
  },
  instagram: {
    CONFLICT: {
      title: 'Log in with Instagram needs your brand’s Meta app first.',
      next: 'Add the Instagram app id, app secret and redirect URI in Settings → Meta app, then try again.',
    },
    FORBIDDEN: {
      title: 'Log in with Instagram works only in the Social Desk desktop app.',
      next: 'This window is the web preview. Open the desktop app, or paste a system-user token instead.',
    },
    AUTH_EXPIRED: {
      title: 'Instagram didn’t finish the login.',
      next: 'Try again, and allow every permission Instagram asks about.',
    },
    OFFLINE: {
      title: 'You’re offline, so Instagram can’t open the login.',
      next: 'Connect to the internet and try again.',
    },
  },
  'facebook-browser': browserLoginText('Facebook'),
  'instagram-browser': browserLoginText('Instagram'),
  health: {
    NOT_FOUND: {
      title: 'Social Desk has no access saved for this account.',
      next: 'Reconnect it from this page. Everything already saved stays.',
    },
    OFFLINE: {
      title: 'You’re offline, so Meta couldn’t be asked about this token.',
      next: 'Check again when you’re back online.',
    },
  },
  revoke: {
    CONFLICT: {
      title: 'Meta didn’t say which login gave this access, so it can’t be revoked from here.',
      next: 'Remove Social Desk in Meta Business settings (Integrations → Connected apps), then remove the account here if you like.',
    },
    AUTH_EXPIRED: {
      title: 'Meta already stopped accepting this account’s access.',
      next: 'There is nothing left to revoke. Remove the account here if you no longer need its data.',
    },
  },
};

/**
 * CONFLICT from a login also covers a login that was cancelled or refused in the login window
 * ("… was cancelled", "… did not complete: …"); only the rest means the Meta app settings are missing.
 */
function loginEndedEarly(error: ErrorPayload): boolean {
  return /cancel|did not complete/i.test(error.message);
}

const LOGIN_ENDED_TEXT: ErrorText = {
  title: 'The login was closed before it finished.',
  next: 'Nothing changed. Try again when you’re ready, and allow every permission Meta asks about.',
};

/** Whether this error should offer the way to Settings → Meta app. */
export function needsMetaAppSettings(action: AccountAction, error: ErrorPayload): boolean {
  return (action === 'facebook' || action === 'instagram') && error.code === 'CONFLICT' && !loginEndedEarly(error);
}

export function actionErrorText(action: AccountAction, error: ErrorPayload): ErrorText {
  if ((action === 'facebook' || action === 'instagram') && error.code === 'CONFLICT' && loginEndedEarly(error)) {
    return LOGIN_ENDED_TEXT;
  }
  return ACTION_TEXT[action]?.[error.code] ?? errorText(error.code);
}
