/**
 * Who granted an account's Facebook token: debug_token's `user_id` (for a Page token, the person
 * whose login produced it). https://developers.facebook.com/docs/graph-api/reference/debug_token
 * Instagram-Login and system-user tokens are not a Facebook person's login, so they have none here.
 */
import { debugToken } from '../meta/oauth';
import type { GraphClient } from '../meta/graph-client';
import type { Repositories } from '../store/repositories';
import type { GrantingUserLookup } from './meta-callbacks';

export function grantingUserVia(client: GraphClient, repos: Repositories): GrantingUserLookup {
  return async (accountId) => {
    const credential = repos.accounts.getCredential(accountId);
    if (!credential || (credential.tokenKind !== 'user' && credential.tokenKind !== 'page')) return null;
    const info = await debugToken(client, { inputToken: credential.accessToken, appToken: credential.accessToken });
    return info.isValid && info.userId ? info.userId : null;
  };
}
