import type { AuditCategory, ErrorPayload, Result } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { setExportResult, usePrivacyStore } from './privacy-store';

/** One export outcome line: where it went, that it was cancelled, or what failed. */
async function runExport(what: string, run: () => Promise<Result<{ path: string } | { outDir: string } | null>>): Promise<void> {
  setExportResult(null, null);
  const result = await call(run);
  if (!result.ok) setExportResult(null, result.error);
  else if (result.data === null) setExportResult(`${what}: cancelled, nothing written.`, null);
  else setExportResult(`${what} written to ${'path' in result.data ? result.data.path : result.data.outDir}`, null);
}

export function exportReceipt(code: string): Promise<void> {
  return runExport(`Receipt ${code}`, () => getApi().privacy.exportReceipt({ code }));
}

export function exportAudit(format: 'csv' | 'json'): Promise<void> {
  return runExport('Audit log', () => getApi().privacy.exportAudit({ format }));
}

let cancelAsked = false;

export async function exportEverything(): Promise<void> {
  cancelAsked = false;
  await runExport('Everything', () => getApi().privacy.exportEverything(undefined));
  if (cancelAsked && usePrivacyStore.getState().exportNotice?.endsWith('cancelled, nothing written.')) {
    setExportResult('Export cancelled: what was written so far was removed, and nothing reached the folder you chose.', null);
  }
}

/** Stops the running export; it answers "cancelled" once its staged files are removed. */
export async function cancelExport(): Promise<void> {
  cancelAsked = true;
  await call(() => getApi().privacy.cancelExport(undefined));
}

export const AUDIT_FILTERS: Array<[AuditCategory | null, string]> = [
  [null, 'Everything'],
  ['access', 'Unlocks and keys'],
  ['accounts', 'Accounts'],
  ['sync', 'Syncs'],
  ['exports', 'Exports'],
  ['settings', 'Settings'],
  ['retention', 'Retention'],
  ['forget', 'Forgotten people'],
  ['requests', 'Deletion requests'],
];

export type ErrorState = ErrorPayload | null;
