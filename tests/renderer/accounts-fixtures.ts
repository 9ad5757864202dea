import type { AccountSummary, SyncStatus, TokenHealth } from '../../src-preload/contract';
import { appState, ok, type Handlers } from './helpers/fake-api';

export const NOW = Date.now();

export function account(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: 1,
    network: 'instagram',
    handle: 'bluemug.studio',
    name: 'Blue Mug Studio',
    followersCount: 12_400,
    mediaCount: 320,
    status: 'active',
    statusDetail: null,
    loginKind: 'system_user',
    lastSyncedAt: NOW - 5 * 60_000,
    isDemo: false,
    ...overrides,
  };
}

export function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    online: true,
    accounts: [{ accountId: 1, running: false, pausedUntil: null, lastRun: null }],
    budget: [{ key: 'app', percent: 12, pausedUntil: null }],
    backgroundFailure: null,
    ...overrides,
  };
}

export function tokenHealth(overrides: Partial<TokenHealth> = {}): TokenHealth {
  return {
    tokenKind: 'system_user',
    isValid: true,
    expiresAt: null,
    dataAccessExpiresAt: null,
    scopes: ['instagram_basic', 'instagram_manage_insights'],
    grantedAssets: ['Blue Mug Studio (Instagram)', 'Blue Mug (Page)'],
    checkedAt: NOW,
    advice: null,
    ...overrides,
  };
}

/** A ready workspace with these accounts and sync status; every new channel answers something sensible. */
export function workspace(accounts: AccountSummary[], status: SyncStatus = syncStatus()): Handlers {
  return {
    'app:getState': () => ok(appState({ phase: 'ready' })),
    'accounts:list': () => ok(accounts),
    'sync:getStatus': () => ok(status),
    'sync:run': () => ok(null),
    'accounts:checkHealth': () => ok(tokenHealth()),
    'accounts:revoke': () => ok(null),
    'accounts:remove': () =>
      ok({ accountName: 'Blue Mug Studio', removed: { posts: 120, conversations: 35, messages: 1234, comments: 300 } }),
    'accounts:connectToken': () => ok([]),
    'accounts:connectFacebook': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'desktop only' } }),
  };
}
