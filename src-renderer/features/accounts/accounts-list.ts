import { create } from 'zustand';
import type { AccountSummary } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, requestGate, type Loadable } from '../../lib/loadable';

export const useAccountsStore = create<Loadable<AccountSummary[]>>()(idle);

const gate = requestGate();

export async function loadAccounts(): Promise<void> {
  const isLatest = gate();
  // Keep showing the list while it refreshes (after a connect, a removal or a sync).
  if (!useAccountsStore.getState().data) useAccountsStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().accounts.list(undefined));
  if (!isLatest()) return;
  if (result.ok) useAccountsStore.setState({ data: result.data, status: 'ready', error: null });
  else useAccountsStore.setState({ status: 'error', error: result.error });
}

export function resetAccountsList(): void {
  gate();
  useAccountsStore.setState(idle<AccountSummary[]>(), true);
}
