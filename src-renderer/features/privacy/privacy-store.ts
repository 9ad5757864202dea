import { create } from 'zustand';
import type {
  AuditCategory,
  AuditEntry,
  AuditVerification,
  DeletionRequest,
  ErrorPayload,
  Events,
  ForgetReceipt,
  Settings,
  StoreStatus,
} from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, onStoreChanged, requestGate, type Loadable } from '../../lib/loadable';

export interface PrivacyData {
  store: StoreStatus;
  audit: AuditEntry[];
  verification: AuditVerification;
  receipts: ForgetReceipt[];
  requests: DeletionRequest[];
  settings: Settings;
}

export const AUDIT_PAGE = 25;

interface PrivacyStore extends Loadable<PrivacyData> {
  auditCategory: AuditCategory | null;
  /** The newest receipt made in this session, shown until dismissed. */
  lastReceipt: ForgetReceipt | null;
  /** A one-line result of the last export ("Written to …"). */
  exportNotice: string | null;
  exportError: ErrorPayload | null;
  /** The running export-everything: how far it is (null when none runs). */
  exporting: Events['privacy:export-progress'] | null;
}

const initial = (): PrivacyStore => ({ ...idle<PrivacyData>(), auditCategory: null, lastReceipt: null, exportNotice: null, exportError: null, exporting: null });

export const usePrivacyStore = create<PrivacyStore>()(initial);

const gate = requestGate();

/** Everything the Privacy screen shows, in one round of calls; the first failure is shown. */
export async function loadPrivacy(): Promise<void> {
  const isLatest = gate();
  usePrivacyStore.setState({ status: usePrivacyStore.getState().data ? 'ready' : 'loading', error: null });
  const api = getApi();
  const category = usePrivacyStore.getState().auditCategory;
  const [store, audit, verification, receipts, requests, settings] = await Promise.all([
    call(() => api.store.getStatus(undefined)),
    call(() => api.privacy.listAudit({ limit: AUDIT_PAGE, category })),
    call(() => api.privacy.verifyAudit(undefined)),
    call(() => api.privacy.listReceipts(undefined)),
    call(() => api.privacy.listRequests(undefined)),
    call(() => api.settings.get(undefined)),
  ]);
  if (!isLatest()) return;
  for (const r of [store, audit, verification, receipts, requests, settings]) {
    if (!r.ok) {
      usePrivacyStore.setState({ status: 'error', error: r.error });
      return;
    }
  }
  if (store.ok && audit.ok && verification.ok && receipts.ok && requests.ok && settings.ok) {
    usePrivacyStore.setState({
      data: { store: store.data, audit: audit.data, verification: verification.data, receipts: receipts.data, requests: requests.data, settings: settings.data },
      status: 'ready',
      error: null,
    });
  }
}

export function setAuditCategory(category: AuditCategory | null): void {
  usePrivacyStore.setState({ auditCategory: category });
  void loadPrivacy();
}

/** Older audit entries after the ones shown. */
export async function loadMoreAudit(): Promise<void> {
  const { data, auditCategory } = usePrivacyStore.getState();
  const last = data?.audit[data.audit.length - 1];
  if (!data || !last) return;
  const more = await call(() => getApi().privacy.listAudit({ limit: AUDIT_PAGE, category: auditCategory, beforeId: last.id }));
  const current = usePrivacyStore.getState().data;
  if (more.ok && current) usePrivacyStore.setState({ data: { ...current, audit: [...current.audit, ...more.data] } });
}

export function showReceipt(receipt: ForgetReceipt | null): void {
  usePrivacyStore.setState({ lastReceipt: receipt });
}

export function setExportResult(notice: string | null, error: ErrorPayload | null): void {
  usePrivacyStore.setState({ exportNotice: notice, exportError: error, exporting: null });
}

/** Counts, the audit log and the logs change with any write, so any change refetches; export progress arrives as events. */
export function initPrivacy(): () => void {
  const offChanges = onStoreChanged(['accounts', 'posts', 'insights', 'messages'], () => {
    if (usePrivacyStore.getState().status !== 'idle') void loadPrivacy();
  });
  const offProgress = getApi().on('privacy:export-progress', (progress) => usePrivacyStore.setState({ exporting: progress }));
  return () => {
    offChanges();
    offProgress();
  };
}

export function resetPrivacyStore(): void {
  gate();
  usePrivacyStore.setState(initial(), true);
}
