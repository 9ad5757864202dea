import type { AccountSummary } from '../../src-preload/contract';
import type { SyncContext } from './context';

const ACCOUNT_FIELDS =
  'id,name,access_token,tasks,fan_count,followers_count,instagram_business_account{id,username,name,profile_picture_url,followers_count,follows_count,media_count}';

interface RawManagedPage {
  id: string;
  name: string;
  access_token?: string;
  fan_count?: number;
  followers_count?: number;
  instagram_business_account?: {
    id: string;
    username?: string;
    name?: string;
    profile_picture_url?: string;
    followers_count?: number;
    follows_count?: number;
    media_count?: number;
  };
}

/**
 * Finds every Page a user or system-user token manages and each Page's linked Instagram
 * professional account (one paged call), and stores them with their Page tokens. Returns the
 * local ids of the accounts found. Reconnecting lands on the same rows: history is kept.
 */
export async function discoverAccounts(ctx: SyncContext, userToken: string, loginKind: AccountSummary['loginKind']): Promise<number[]> {
  const ids: number[] = [];
  for await (const page of ctx.client.paginateItems<RawManagedPage>('me/accounts', {
    token: userToken,
    params: { fields: ACCOUNT_FIELDS, limit: 100 },
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  })) {
    const now = ctx.now();
    const token = page.access_token ?? userToken;
    ctx.repos.db.transaction(() => {
      const pageId = ctx.repos.accounts.upsert(
        { network: 'facebook', externalId: page.id, name: page.name, followersCount: page.followers_count ?? page.fan_count ?? null, loginKind },
        now,
      );
      ctx.repos.accounts.setCredential(pageId, { tokenKind: page.access_token ? 'page' : 'system_user', accessToken: token }, now);
      ctx.repos.accounts.setStatus(pageId, 'active', null, now);
      ids.push(pageId);
      const ig = page.instagram_business_account;
      if (ig) {
        const igId = ctx.repos.accounts.upsert(
          {
            network: 'instagram',
            externalId: ig.id,
            handle: ig.username ?? null,
            name: ig.name ?? ig.username ?? page.name,
            pictureUrl: ig.profile_picture_url ?? null,
            followersCount: ig.followers_count ?? null,
            followsCount: ig.follows_count ?? null,
            mediaCount: ig.media_count ?? null,
            loginKind,
            linkedAccountId: pageId,
          },
          now,
        );
        ctx.repos.accounts.setCredential(igId, { tokenKind: page.access_token ? 'page' : 'system_user', accessToken: token }, now);
        ctx.repos.accounts.setStatus(igId, 'active', null, now);
        ids.push(igId);
      }
      ctx.repos.audit.record(now, 'account.connected', page.name, loginKind);
    })();
  }
  return ids;
}
