/**
 * Health of an Instagram Login token (graph.instagram.com). `debug_token` lives on
 * graph.facebook.com and cannot read these tokens, so validity comes from `GET /me` on their own
 * host and the expiry from what the app recorded when it exchanged or refreshed the token
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login,
 * "Get a long-lived access token" / "Refresh a long-lived token": `expires_in` is returned there).
 */
import type { GraphClient } from './graph-client';
import { isMetaApiError } from './errors';
import { asRecord, asString } from './json-access';

export interface InstagramTokenHealth {
  /** False when Meta rejects the token; true when `/me` answers. */
  isValid: boolean;
  /** The professional account the token acts for (`user_id`), when Meta said. */
  accountId: string | null;
  /** The plain-words reason when Meta rejected it. */
  reason: string | null;
}

/** Asks graph.instagram.com who the token belongs to; a 190-family error means it is dead. */
export async function checkInstagramLoginToken(client: GraphClient, token: string, signal?: AbortSignal): Promise<InstagramTokenHealth> {
  try {
    const me = asRecord(await client.get('me', { host: 'instagram', token, params: { fields: 'user_id,username' }, ...(signal ? { signal } : {}) }));
    return { isValid: true, accountId: asString(me?.user_id) ?? null, reason: null };
  } catch (error) {
    if (isMetaApiError(error) && (error.kind === 'auth-expired' || error.kind === 'auth-invalid')) {
      return { isValid: false, accountId: null, reason: error.userAction };
    }
    throw error;
  }
}
