/**
 * The rules Meta's login dialogs apply before they redirect anywhere, and PKCE's check at the
 * code exchange. Where the docs leave room, the harsher reading:
 * - redirect_uri must be https ("Enforce HTTPS", on for every app since 2018; plain http only for
 *   localhost while the app is in development mode, which an emulated app always is):
 *   https://developers.facebook.com/blog/post/2018/06/08/enforce-https-facebook-login/
 * - and must equal, character for character, a URI registered in the app dashboard (strict mode):
 *   https://developers.facebook.com/docs/facebook-login/security/#strict_mode
 *   https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize
 * - PKCE (Facebook Login's OIDC code flow, "still in testing"): code_challenge is S256 or plain,
 *   43–128 characters; the exchange must then carry the matching code_verifier, and with it the
 *   app secret is not needed. https://developers.facebook.com/docs/facebook-login/guides/advanced/oidc-token
 */
import { createHash } from 'node:crypto';
import type { EmulatorState, OAuthCode } from '../core/state';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const PKCE_VALUE = /^[A-Za-z0-9._~-]{43,128}$/;

/** Why the dialog refuses to redirect to `uri` (shown as an error page), or null. */
export function redirectUriProblem(state: EmulatorState, host: 'facebook' | 'instagram', uri: string | undefined): string | null {
  if (!uri) return 'The redirect_uri parameter is required.';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return host === 'instagram' ? 'Invalid redirect_uri' : "URL Blocked: This redirect failed because the redirect URI is not a valid URL.";
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) return "Insecure Login Blocked: You can't get an access token or log in to this app from an insecure page. Try re-loading the page as https://";
  if (!state.redirectUris[host].has(uri)) {
    return host === 'instagram'
      ? 'Invalid redirect_uri'
      : "URL Blocked: This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.";
  }
  return null;
}

export type PkceRequest = { ok: true; challenge?: Pick<OAuthCode, 'codeChallenge' | 'codeChallengeMethod'> } | { ok: false; message: string };

/** The dialog's PKCE parameters, if any. */
export function readPkce(p: Record<string, string>): PkceRequest {
  const challenge = p.code_challenge;
  const method = p.code_challenge_method;
  if (challenge === undefined && method === undefined) return { ok: true };
  if (!challenge || !PKCE_VALUE.test(challenge)) return { ok: false, message: 'Invalid code_challenge: 43 to 128 characters of A-Z, a-z, 0-9 and -._~ are required.' };
  if (method !== 'S256' && method !== 'plain') return { ok: false, message: 'Invalid code_challenge_method: use S256 or plain.' };
  return { ok: true, challenge: { codeChallenge: challenge, codeChallengeMethod: method } };
}

/** Whether `verifier` answers the code's challenge. */
export function verifierMatches(code: OAuthCode, verifier: string | undefined): boolean {
  if (!code.codeChallenge || !verifier || !PKCE_VALUE.test(verifier)) return false;
  const derived = code.codeChallengeMethod === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
  return derived === code.codeChallenge;
}
