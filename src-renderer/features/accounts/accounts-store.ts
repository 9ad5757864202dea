import { onStoreChanged } from '../../lib/loadable';
import { resetAccountActionsStore } from './account-actions';
import { loadAccounts, resetAccountsList, useAccountsStore } from './accounts-list';
import { resetConnectStore } from './connect-store';

export { loadAccounts, useAccountsStore };

/** Refetch when accounts change, but only once something has shown them. */
export function initAccounts(): () => void {
  return onStoreChanged(['accounts'], () => {
    if (useAccountsStore.getState().status !== 'idle') void loadAccounts();
  });
}

/** Forget the list, the connect panel, token checks and the last removal report. */
export function resetAccountsStore(): void {
  resetAccountsList();
  resetConnectStore();
  resetAccountActionsStore();
}
