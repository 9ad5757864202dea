import { create } from 'zustand';
import type { AuditEntry, StoreStatus } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, onStoreChanged, requestGate, type Loadable } from '../../lib/loadable';

export interface PrivacyData {
  store: StoreStatus;
  audit: AuditEntry[];
}

export const AUDIT_LIMIT = 20;

export const usePrivacyStore = create<Loadable<PrivacyData>>()(idle);

const gate = requestGate();

export async function loadPrivacy(): Promise<void> {
  const isLatest = gate();
  usePrivacyStore.setState({ status: 'loading', error: null });
  const api = getApi();
  const [store, audit] = await Promise.all([
    call(() => api.store.getStatus(undefined)),
    call(() => api.privacy.listAudit({ limit: AUDIT_LIMIT })),
  ]);
  if (!isLatest()) return;
  if (!store.ok) usePrivacyStore.setState({ status: 'error', error: store.error });
  else if (!audit.ok) usePrivacyStore.setState({ status: 'error', error: audit.error });
  else usePrivacyStore.setState({ data: { store: store.data, audit: audit.data }, status: 'ready', error: null });
}

/** Counts and the audit log change with any write, so any change refetches. */
export function initPrivacy(): () => void {
  return onStoreChanged(['accounts', 'posts', 'insights', 'messages'], () => {
    if (usePrivacyStore.getState().status !== 'idle') void loadPrivacy();
  });
}

export function resetPrivacyStore(): void {
  gate();
  usePrivacyStore.setState(idle<PrivacyData>(), true);
}
