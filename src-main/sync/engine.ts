import { isMetaApiError, RateLimitPausedError, type MetaApiError } from '../meta/errors';
import type { GraphClient } from '../meta/graph-client';
import { refreshInstagramToken, shouldRefreshInstagramToken } from '../meta/oauth';
import type { Repositories } from '../store/repositories';
import type { AccountRecord } from '../store/repositories/accounts';
import { syncInstagramInsights, syncPageInsights } from './account-insights';
import { syncDemographics } from './demographics';
import type { SyncContext, SyncTarget } from './context';
import { syncConversations } from './conversations';
import { DAY_MS } from '../core/time';
import { refreshDuePosts, syncInstagramMedia } from './instagram-media';
import { syncPagePosts } from './page-posts';
import { syncThumbnails } from './thumbnails';

export type AccountRunStatus = 'ok' | 'partial' | 'failed' | 'cancelled';

export interface AccountRunResult {
  accountId: number;
  status: AccountRunStatus;
  httpRequests: number;
  operations: number;
  itemsWritten: number;
  /** Set when Meta paused this account's requests (rate limit). */
  pausedUntil: number | null;
  /** Set when the whole run must stop (offline): the scheduler retries later. */
  offline: boolean;
  errors: Array<{ job: string; kind: string; message: string }>;
  finishedAt: number;
}

export interface SyncEngineOptions {
  repos: Repositories;
  client: GraphClient;
  now: () => number;
  onProgress?: (accountId: number, job: string, done: number, total: number) => void;
  /** The retention setting: messages older than this many days are not fetched (null keeps all). */
  messageRetentionDays?: () => number | null;
}

/** Errors that end an account's run: the token is gone (code 190 and its subcodes, 102). */
const RECONNECT_KINDS = new Set(['auth-expired', 'auth-invalid']);

/**
 * Code 10 and 200-299 concern one object or one permission
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling): a post whose insights the
 * app may not read, an account too small for demographics. They fail that job only. Only a refusal
 * of the account itself (its profile) or a message saying a permission was not granted or was
 * revoked means the person must log in again.
 */
function isAccountPermissionLost(job: string, error: MetaApiError): boolean {
  if (error.kind !== 'permission') return false;
  return job === 'profile' || /(requires?|missing)\b.*\bpermission|permission\S* (has|have) been (revoked|removed)|has not (granted|authorized)/i.test(error.message);
}

/** Errors that end the whole run: nothing can be reached. */
const STOP_KINDS = new Set(['offline', 'aborted']);

/**
 * Runs the jobs of one account in order, records the run, and turns Meta's failures into
 * account state: "needs reconnect" for dead tokens, a pause for rate limits, a stop when offline.
 * Every job upserts on Meta ids and moves its high-water mark only after it finished, so a run
 * killed anywhere resumes without loss or duplicates.
 */
export class SyncEngine {
  constructor(private readonly options: SyncEngineOptions) {}

  /** The jobs for one account, by network. */
  private jobs(ctx: SyncContext, account: AccountRecord, target: SyncTarget): Array<[string, () => Promise<unknown>]> {
    const days = this.options.messageRetentionDays?.() ?? null;
    const keepSince = days === null ? null : this.options.now() - days * DAY_MS;
    if (account.network === 'instagram') {
      const login = target.host === 'instagram' ? 'instagram' : 'facebook';
      let seen = new Set<string>();
      const jobs: Array<[string, () => Promise<unknown>]> = [
        ['profile', () => this.refreshProfile(ctx, target, 'username,name,followers_count,follows_count,media_count')],
        ['media', async () => (seen = await syncInstagramMedia(ctx, target, login))],
        ['older posts', () => refreshDuePosts(ctx, target, seen, login)],
        ['thumbnails', () => syncThumbnails(ctx, target, 'instagram')],
        ['insights', () => syncInstagramInsights(ctx, target)],
        ['demographics', () => syncDemographics(ctx, target)],
      ];
      // Instagram Login reads DMs at graph.instagram.com/me; Facebook Login through the linked Page.
      const dm = target.host === 'instagram' ? { externalId: 'me', token: target.token } : (target.page ?? null);
      if (dm) {
        jobs.push(['messages', () =>
          syncConversations(ctx, { accountId: account.id, platform: 'instagram', businessId: account.externalId, ownerId: dm.externalId, token: dm.token, host: target.host, full: target.full, keepSince }),
        ]);
      }
      return jobs;
    }
    return [
      ['profile', () => this.refreshProfile(ctx, target, 'name,fan_count,followers_count')],
      ['posts', () => syncPagePosts(ctx, target)],
      ['thumbnails', () => syncThumbnails(ctx, target, 'facebook')],
      ['insights', () => syncPageInsights(ctx, target)],
      ['messages', () =>
        syncConversations(ctx, { accountId: account.id, platform: 'messenger', businessId: account.externalId, ownerId: account.externalId, token: target.token, host: 'facebook', full: target.full, keepSince }),
      ],
    ];
  }

  private async refreshProfile(ctx: SyncContext, target: SyncTarget, fields: string): Promise<void> {
    const body = await ctx.client.get<Record<string, unknown>>(target.host === 'instagram' ? 'me' : target.externalId, {
      host: target.host,
      token: target.token,
      params: { fields },
      businessId: target.externalId,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    const account = ctx.repos.accounts.get(target.accountId);
    if (!account) return;
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    ctx.repos.accounts.upsert(
      {
        network: account.network,
        externalId: account.externalId,
        name: typeof body.name === 'string' ? body.name : account.name,
        handle: typeof body.username === 'string' ? body.username : account.handle,
        followersCount: num(body.followers_count) ?? num(body.fan_count),
        followsCount: num(body.follows_count),
        mediaCount: num(body.media_count),
        loginKind: account.loginKind,
      },
      ctx.now(),
    );
  }

  private target(account: AccountRecord): SyncTarget | null {
    const { accounts } = this.options.repos;
    const credential = accounts.getCredential(account.id);
    if (!credential) return null;
    const linked = account.linkedAccountId ? accounts.get(account.linkedAccountId) : null;
    const linkedCredential = linked ? accounts.getCredential(linked.id) : null;
    return {
      accountId: account.id,
      externalId: account.externalId,
      token: credential.accessToken,
      host: credential.tokenKind === 'instagram_user' ? 'instagram' : 'facebook',
      ...(linked && linkedCredential ? { page: { externalId: linked.externalId, token: linkedCredential.accessToken } } : {}),
      full: account.lastSyncedAt === null,
    };
  }

  /** Syncs one account; never throws for Meta failures (they become the result and account state). */
  async syncAccount(accountId: number, kind: 'full' | 'routine' | 'manual', signal?: AbortSignal): Promise<AccountRunResult> {
    const { repos, client, now } = this.options;
    const account = repos.accounts.get(accountId);
    const result: AccountRunResult = { accountId, status: 'ok', httpRequests: 0, operations: 0, itemsWritten: 0, pausedUntil: null, offline: false, errors: [], finishedAt: now() };
    const target = account ? this.target(account) : null;
    if (!account || !target) {
      result.status = 'failed';
      result.errors.push({ job: 'start', kind: 'not-found', message: 'The account or its credentials are missing.' });
      return result;
    }
    await this.refreshInstagramToken(account.id, target).catch((error: unknown) => {
      if (!isMetaApiError(error)) throw error;
      result.errors.push({ job: 'token refresh', kind: error.kind, message: error.message.slice(0, 300) });
    });
    const before = client.stats();
    const runId = repos.syncRuns.start(accountId, kind, now());
    const written = { count: 0 };
    const ctx: SyncContext = {
      client,
      repos,
      now,
      ...(signal ? { signal } : {}),
      written,
      progress: (job, done, total) => this.options.onProgress?.(accountId, job, done, total),
    };
    for (const [job, run] of this.jobs(ctx, account, target)) {
      try {
        await run();
      } catch (error) {
        if (!isMetaApiError(error)) {
          // Not Meta's doing (a full disk, a bug): record the run as failed if the store still can, then surface it.
          try {
            repos.syncRuns.finish(runId, 'failed', now(), { httpRequests: 0, operations: 0, itemsWritten: written.count, errorCode: 'local', errorMessage: String((error as Error).message).slice(0, 300) });
          } catch {
            // The store itself refused (e.g. still full): the next start closes the run as interrupted.
          }
          throw error;
        }
        result.errors.push({ job, kind: error.kind, message: error.message.slice(0, 300) });
        if (this.handleFailure(account, job, error, result)) break;
      }
    }
    const after = client.stats();
    result.httpRequests = after.httpRequests - before.httpRequests;
    result.operations = after.operations - before.operations;
    result.itemsWritten = written.count;
    const finishedAt = now();
    result.finishedAt = finishedAt;
    if (result.status === 'ok') {
      repos.accounts.markSynced(accountId, finishedAt);
      if (account.status !== 'active') repos.accounts.setStatus(accountId, 'active', null, finishedAt);
    }
    const firstError = result.errors[0];
    repos.syncRuns.finish(runId, result.status, finishedAt, {
      httpRequests: result.httpRequests,
      operations: result.operations,
      itemsWritten: result.itemsWritten,
      errorCode: firstError?.kind ?? null,
      errorMessage: firstError?.message ?? null,
      ...(result.errors.length > 0 ? { detail: result.errors } : {}),
    });
    return result;
  }

  /** Instagram Login tokens live 60 days and die if not refreshed: refresh once they are a day old. */
  private async refreshInstagramToken(accountId: number, target: SyncTarget): Promise<void> {
    const { repos, client, now } = this.options;
    const credential = repos.accounts.getCredential(accountId);
    if (!credential || credential.tokenKind !== 'instagram_user' || credential.expiresAt === null) return;
    if (!shouldRefreshInstagramToken(credential.updatedAt, credential.expiresAt, now())) return;
    const fresh = await refreshInstagramToken(client, { token: credential.accessToken });
    const expiresAt = fresh.expiresIn === null ? null : now() + fresh.expiresIn * 1000;
    repos.accounts.setCredential(accountId, { ...credential, accessToken: fresh.accessToken, expiresAt }, now());
    target.token = fresh.accessToken;
  }

  /** Applies a job failure to the result and account; true when the account's run must stop. */
  private handleFailure(account: AccountRecord, job: string, error: MetaApiError, result: AccountRunResult): boolean {
    const now = this.options.now();
    if (RECONNECT_KINDS.has(error.kind) || isAccountPermissionLost(job, error)) {
      this.options.repos.accounts.setStatus(account.id, 'needs_reconnect', error.userAction, now);
      this.options.repos.audit.record(now, 'account.needs_reconnect', account.name, error.kind);
      result.status = 'failed';
      return true;
    }
    if (error.kind === 'rate-limited') {
      result.status = 'partial';
      result.pausedUntil = error instanceof RateLimitPausedError ? error.pausedUntil : now + (error.retryAfterMs ?? 60_000);
      return true;
    }
    if (STOP_KINDS.has(error.kind) || error.kind === 'timeout') {
      result.status = error.kind === 'aborted' ? 'cancelled' : 'partial';
      result.offline = error.kind !== 'aborted';
      return true;
    }
    // Deleted objects, one malformed answer, a transient failure that outlived its retries:
    // note it, keep going with the next job; the next run picks it up again.
    result.status = 'partial';
    return false;
  }
}
