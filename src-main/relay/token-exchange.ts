/**
 * The token exchanges that need the Meta app secret, done by the brand's relay (which holds it)
 * for this paired device, so the desktop app needs no secret at all.
 */
import { AppError } from '../core/app-error';
import type { RelayLinkStore } from './link-store';
import { exchangeThroughRelay, RelayRequestError } from './relay-http';

export interface ExchangedToken {
  accessToken: string;
  /** Seconds; null when Meta does not say. */
  expiresIn: number | null;
}

/** What the login flows ask of whoever holds the app secret. */
export interface TokenExchange {
  /** Short-lived Facebook user token → ~60-day one. */
  facebookLongLived(shortLivedToken: string): Promise<ExchangedToken>;
  /** Instagram Login code → 60-day Instagram token. */
  instagramCode(code: string, redirectUri: string): Promise<ExchangedToken>;
}

function readToken(body: Record<string, unknown>): ExchangedToken {
  const accessToken = typeof body.access_token === 'string' ? body.access_token : null;
  if (!accessToken) throw new AppError('INTERNAL', 'The relay answered the token exchange without a token.');
  const expiresIn = Number(body.expires_in);
  return { accessToken, expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : null };
}

async function viaRelay(run: () => Promise<Record<string, unknown>>): Promise<ExchangedToken> {
  try {
    return readToken(await run());
  } catch (error) {
    if (error instanceof RelayRequestError) throw new AppError(error.failure === 'unreachable' ? 'OFFLINE' : 'CONFLICT', error.message);
    throw error;
  }
}

/** The relay's exchange when this computer is paired with one, else null. */
export function relayTokenExchange(links: RelayLinkStore): TokenExchange | null {
  const link = links.get();
  if (!link) return null;
  return {
    facebookLongLived: (shortLivedToken) => viaRelay(() => exchangeThroughRelay(link.relayUrl, link.deviceToken, 'facebook', { accessToken: shortLivedToken })),
    instagramCode: (code, redirectUri) => viaRelay(() => exchangeThroughRelay(link.relayUrl, link.deviceToken, 'instagram', { code, redirectUri })),
  };
}
