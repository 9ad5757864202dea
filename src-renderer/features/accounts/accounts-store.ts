import { create } from 'zustand';
import type { AccountSummary } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, onStoreChanged, requestGate, type Loadable } from '../../lib/loadable';

export const useAccountsStore = create<Loadable<AccountSummary[]>>()(idle);

const gate = requestGate();

export async function loadAccounts(): Promise<void> {
  const isLatest = gate();
  useAccountsStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().accounts.list(undefined));
  if (!isLatest()) return;
  if (result.ok) useAccountsStore.setState({ data: result.data, status: 'ready', error: null });
  else useAccountsStore.setState({ status: 'error', error: result.error });
}

/** Refetch when accounts change, but only once something has shown them. */
export function initAccounts(): () => void {
  return onStoreChanged(['accounts'], () => {
    if (useAccountsStore.getState().status !== 'idle') void loadAccounts();
  });
}

export function resetAccountsStore(): void {
  gate();
  useAccountsStore.setState(idle<AccountSummary[]>(), true);
}
