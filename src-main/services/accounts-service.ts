import type { AccountSummary, RemovalReport, TokenHealth } from '../../src-preload/contract';
import { AppError } from '../core/app-error';
import type { AppCore } from '../core/app-core';
import { isMetaApiError } from '../meta/errors';
import { checkInstagramLoginToken } from '../meta/instagram-token-health';
import { debugToken, revokePermissions } from '../meta/oauth';
import { checkpoint } from '../store/database';
import { discoverAccounts } from '../sync/discovery';
import type { SyncService } from './sync-service';

/** Scopes the sync needs, by what they unlock, for the health advice. */
const NEEDED_SCOPES = ['instagram_basic', 'instagram_manage_insights', 'pages_show_list', 'pages_read_engagement'];

function toSummary({ externalId: _e, linkedAccountId: _l, ...summary }: AccountSummary & { externalId: string; linkedAccountId: number | null }): AccountSummary {
  return summary;
}

/** Connecting, checking, removing and revoking accounts. Tokens never leave this service. */
export class AccountsService {
  constructor(
    private readonly core: AppCore,
    private readonly sync: SyncService,
  ) {}

  list(): AccountSummary[] {
    return this.core.repos.accounts.list().map(toSummary);
  }

  /**
   * Connects what a user or system-user token manages and starts their first sync. Meta's
   * `/me/accounts` lists the Pages with their own Page tokens and linked Instagram accounts.
   */
  async connectToken(token: string, loginKind?: 'facebook' | 'system_user'): Promise<AccountSummary[]> {
    const { client } = this.sync;
    let kind = loginKind;
    if (!kind) {
      try {
        const info = await debugToken(client, { inputToken: token, appToken: token });
        if (!info.isValid) throw new AppError('AUTH_EXPIRED', 'Meta says that token is no longer valid. Create a new one and paste it again.');
        kind = info.type === 'SYSTEM_USER' ? 'system_user' : 'facebook';
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (isMetaApiError(error) && error.kind !== 'invalid-request' && error.kind !== 'permission') throw error;
        kind = 'system_user';
      }
    }
    const ids = await discoverAccounts({ client, repos: this.core.repos, now: this.core.now, progress: () => {}, written: { count: 0 } }, token, kind);
    if (ids.length === 0) {
      throw new AppError('NOT_FOUND', 'That token does not manage any Facebook Page or Instagram professional account. Check that the assets are assigned to it, with the pages_show_list and business_management permissions.');
    }
    this.core.events.emit('store:changed', { what: ['accounts'] });
    this.core.tasks.run('first sync after connecting', () => this.sync.run(null));
    return this.list().filter((a) => ids.includes(a.id));
  }

  /**
   * Connects the Instagram professional account behind an Instagram Login token (graph.instagram.com;
   * `user_id` is the account's id, `id` only app-scoped) and starts its first sync.
   */
  async connectInstagramToken(token: string, expiresAt: number | null): Promise<AccountSummary[]> {
    const me = await this.sync.client.get<Record<string, unknown>>('me', {
      host: 'instagram',
      token,
      params: { fields: 'user_id,username,name,profile_picture_url,followers_count,follows_count,media_count' },
    });
    const externalId = String(me.user_id ?? '');
    if (!externalId) throw new AppError('INTERNAL', 'Instagram did not say which account this login belongs to.');
    const { accounts, audit } = this.core.repos;
    const now = this.core.now();
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    const id = this.core.repos.db.transaction(() => {
      const accountId = accounts.upsert(
        {
          network: 'instagram',
          externalId,
          handle: str(me.username),
          name: str(me.name) ?? str(me.username) ?? externalId,
          pictureUrl: str(me.profile_picture_url),
          followersCount: num(me.followers_count),
          followsCount: num(me.follows_count),
          mediaCount: num(me.media_count),
          loginKind: 'instagram',
        },
        now,
      );
      accounts.setCredential(accountId, { tokenKind: 'instagram_user', accessToken: token, expiresAt }, now);
      accounts.setStatus(accountId, 'active', null, now);
      audit.record(now, 'account.connected', str(me.username), 'instagram');
      return accountId;
    })();
    this.core.events.emit('store:changed', { what: ['accounts'] });
    this.core.tasks.run('first sync after connecting', () => this.sync.run(id));
    return this.list().filter((a) => a.id === id);
  }

  async checkHealth(accountId: number): Promise<TokenHealth> {
    const credential = this.core.repos.accounts.getCredential(accountId);
    if (!credential) throw new AppError('NOT_FOUND', 'That account has no stored access; reconnect it.');
    const base = { tokenKind: credential.tokenKind, checkedAt: this.core.now() };
    try {
      if (credential.tokenKind === 'instagram_user') {
        // debug_token cannot read Instagram Login tokens: ask their own host, use the recorded expiry.
        const health = await checkInstagramLoginToken(this.sync.client, credential.accessToken);
        return {
          ...base,
          isValid: health.isValid,
          expiresAt: credential.expiresAt,
          dataAccessExpiresAt: credential.dataAccessExpiresAt,
          scopes: credential.scopes,
          grantedAssets: [],
          advice: health.isValid ? null : 'Meta no longer accepts this Instagram login: reconnect the account. Your stored history is kept.',
        };
      }
      const info = await debugToken(this.sync.client, { inputToken: credential.accessToken, appToken: credential.accessToken });
      const missing = NEEDED_SCOPES.filter((s) => info.scopes.length > 0 && !info.scopes.includes(s));
      const advice = !info.isValid
        ? 'Meta no longer accepts this token: reconnect the account. Your stored history is kept.'
        : missing.length > 0
          ? `The token lacks ${missing.join(', ')}: reconnect and grant them.`
          : null;
      return {
        ...base,
        isValid: info.isValid,
        expiresAt: info.expiresAt,
        dataAccessExpiresAt: info.dataAccessExpiresAt,
        scopes: info.scopes,
        grantedAssets: info.granularScopes.flatMap((g) => g.targetIds.map((id) => `${g.scope}: ${id}`)),
        advice,
      };
    } catch (error) {
      if (!isMetaApiError(error)) throw error;
      const dead = error.kind === 'auth-expired' || error.kind === 'auth-invalid';
      return {
        ...base,
        isValid: dead ? false : null,
        expiresAt: credential.expiresAt,
        dataAccessExpiresAt: credential.dataAccessExpiresAt,
        scopes: credential.scopes,
        grantedAssets: [],
        advice: error.userAction,
      };
    }
  }

  /** Deletes the account and everything stored for it, then checkpoints so no text lingers. */
  remove(accountId: number): RemovalReport {
    const { repos } = this.core;
    const account = repos.accounts.get(accountId);
    if (!account) throw new AppError('NOT_FOUND', 'That account is not connected.');
    const removed = repos.accounts.ownedCounts(accountId);
    repos.db.transaction(() => {
      repos.accounts.delete(accountId);
      repos.audit.record(this.core.now(), 'account.removed', account.name, JSON.stringify(removed));
    })();
    checkpoint(repos.db);
    this.core.events.emit('store:changed', { what: ['all'] });
    return { accountName: account.name, removed };
  }

  /** Asks Meta to remove this app's permissions for the token's user; the data stays until removed. */
  async revoke(accountId: number): Promise<void> {
    const credential = this.core.repos.accounts.getCredential(accountId);
    const account = this.core.repos.accounts.get(accountId);
    if (!credential || !account) throw new AppError('NOT_FOUND', 'That account is not connected.');
    const info = await debugToken(this.sync.client, { inputToken: credential.accessToken, appToken: credential.accessToken });
    if (!info.userId) throw new AppError('CONFLICT', 'Meta did not say which user granted this token, so it cannot be revoked from here; remove the app in Meta Business settings.');
    try {
      await revokePermissions(this.sync.client, info.userId, credential.accessToken);
    } catch (error) {
      // Page and system-user tokens cannot take back a person's grant; only their own login can.
      if (isMetaApiError(error) && (error.kind === 'not-found' || error.kind === 'permission' || error.kind === 'invalid-request')) {
        throw new AppError('CONFLICT', "Meta does not let this account's token revoke the app. Remove Social Desk in Meta Business settings → Business integrations (or Facebook settings → Apps and websites).");
      }
      throw error;
    }
    this.core.repos.accounts.setStatus(accountId, 'needs_reconnect', 'Access was revoked at Meta. Reconnect to sync again, or remove the account.', this.core.now());
    this.core.repos.audit.record(this.core.now(), 'account.revoked', account.name);
    this.core.events.emit('store:changed', { what: ['accounts'] });
  }
}
