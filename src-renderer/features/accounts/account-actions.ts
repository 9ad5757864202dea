import { create } from 'zustand';
import type { ErrorPayload, RemovalReport, Result, TokenHealth } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import type { Loadable } from '../../lib/loadable';
import { loadAccounts } from './accounts-list';

interface AccountActionsStore {
  /** `/debug_token` answers, per account id. */
  health: Record<number, Loadable<TokenHealth>>;
  /** The last removal, shown once above the list (the row itself is gone). */
  removal: RemovalReport | null;
  /** Accounts whose access was revoked at Meta in this session. */
  revoked: number[];
}

const initial = (): AccountActionsStore => ({ health: {}, removal: null, revoked: [] });

export const useAccountActionsStore = create<AccountActionsStore>()(initial);

function setHealth(accountId: number, value: Loadable<TokenHealth>): void {
  useAccountActionsStore.setState((state) => ({ health: { ...state.health, [accountId]: value } }));
}

/** Ask Meta about the account's token; the panel shows loading, the answer or the error. */
export async function checkTokenHealth(accountId: number): Promise<void> {
  const previous = useAccountActionsStore.getState().health[accountId]?.data ?? null;
  setHealth(accountId, { data: previous, status: 'loading', error: null });
  const result = await call(() => getApi().accounts.checkHealth({ accountId }));
  if (result.ok) setHealth(accountId, { data: result.data, status: 'ready', error: null });
  else setHealth(accountId, { data: previous, status: 'error', error: result.error });
}

export function closeTokenHealth(accountId: number): void {
  useAccountActionsStore.setState((state) => {
    const health = { ...state.health };
    delete health[accountId];
    return { health };
  });
}

/** Delete the account and everything stored for it on this computer (never anything at Meta). */
export async function removeAccount(accountId: number): Promise<Result<RemovalReport>> {
  const result = await call(() => getApi().accounts.remove({ accountId, confirm: 'REMOVE' }));
  if (result.ok) {
    useAccountActionsStore.setState({ removal: result.data });
    closeTokenHealth(accountId);
    void loadAccounts();
  }
  return result;
}

/** Ask Meta to take back the app's permissions. Local data stays until the account is removed. */
export async function revokeAccess(accountId: number): Promise<ErrorPayload | null> {
  const result = await call(() => getApi().accounts.revoke({ accountId }));
  if (!result.ok) return result.error;
  useAccountActionsStore.setState((state) => ({ revoked: [...state.revoked, accountId] }));
  void loadAccounts();
  return null;
}

export function dismissRemoval(): void {
  useAccountActionsStore.setState({ removal: null });
}

export function resetAccountActionsStore(): void {
  useAccountActionsStore.setState(initial(), true);
}
