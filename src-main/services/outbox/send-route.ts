/**
 * How to reach Meta for an account's messages and comments. Instagram Login sends on
 * graph.instagram.com `/me/messages`; Facebook Login sends through the Page,
 * `POST /{page-id}/messages` with `messaging_type` (Instagram via its linked Page, Messenger
 * on the Page itself). Comment actions use the account's own token on its host.
 * https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api/
 */
import { AppError } from '../../core/app-error';
import type { GraphHost } from '../../meta/graph-paging';
import type { Repositories } from '../../store/repositories';

export interface SendRoute {
  /** Where DMs go, and with which token. */
  messages: { host: GraphHost; path: string; token: string; needsMessagingType: boolean; businessId: string };
  /** Where comment actions go. */
  comments: { host: GraphHost; token: string; businessId: string };
}

export function sendRouteFor(repos: Repositories, accountId: number): SendRoute {
  const account = repos.accounts.get(accountId);
  const credential = account ? repos.accounts.getCredential(accountId) : null;
  if (!account || !credential) throw new AppError('NOT_FOUND', 'The account or its credentials are missing; reconnect it.');
  const comments = { host: credential.tokenKind === 'instagram_user' ? ('instagram' as const) : ('facebook' as const), token: credential.accessToken, businessId: account.externalId };
  if (credential.tokenKind === 'instagram_user') {
    return { comments, messages: { host: 'instagram', path: 'me/messages', token: credential.accessToken, needsMessagingType: false, businessId: account.externalId } };
  }
  if (account.network === 'facebook') {
    return { comments, messages: { host: 'facebook', path: `${account.externalId}/messages`, token: credential.accessToken, needsMessagingType: true, businessId: account.externalId } };
  }
  const page = account.linkedAccountId ? repos.accounts.get(account.linkedAccountId) : null;
  const pageCredential = page ? repos.accounts.getCredential(page.id) : null;
  if (!page || !pageCredential) {
    throw new AppError('FORBIDDEN', 'Instagram messages through Facebook Login go through the linked Facebook Page, which is not connected. Connect the Page, or use Instagram Login.');
  }
  return { comments, messages: { host: 'facebook', path: `${page.externalId}/messages`, token: pageCredential.accessToken, needsMessagingType: true, businessId: page.externalId } };
}
