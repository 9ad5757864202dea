import type { WipeReport } from '../../src-preload/contract';
import type { AppCore } from '../core/app-core';
import { AppError, toErrorPayload } from '../core/app-error';
import { auditExportText } from '../privacy/audit-export';
import { AUDIT_CATEGORY_PREFIXES, describeAudit } from '../privacy/audit-words';
import { addRequest, completeRequest, listRequests } from '../privacy/deletion-requests';
import { auditExportEverything, ExportCancelledError, exportEverything, writeOwnerOnlyFile } from '../privacy/export-everything';
import { findPeople, getReceipt, listReceipts, previewForget } from '../privacy/forget';
import { confirmRetention, forget } from '../privacy/privacy-actions';
import { previewRetention } from '../privacy/retention';
import type { AppServices } from '../services/app-services';
import type { Handlers } from './dispatch';

export interface PrivacyHandlerDeps {
  core: AppCore;
  services: AppServices;
  /** Asks the user for a folder (desktop: the system dialog); null when they cancel. */
  pickFolder?: (purpose: string) => Promise<string | null>;
}

type PrivacyChannels =
  | 'privacy:listAudit' | 'privacy:verifyAudit' | 'privacy:exportAudit' | 'privacy:findPeople' | 'privacy:previewForget'
  | 'privacy:forget' | 'privacy:listReceipts' | 'privacy:exportReceipt' | 'privacy:previewRetention' | 'privacy:applyRetention'
  | 'privacy:listRequests' | 'privacy:addRequest' | 'privacy:completeRequest' | 'privacy:exportEverything' | 'privacy:cancelExport' | 'privacy:wipe'
  | 'vault:lock' | 'vault:changePassphrase' | 'vault:switchProtection';

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

/**
 * Revokes Meta access for each connected (non-demo) account before a wipe. Best effort: offline or a
 * refusal is reported per account and never stops the wipe the user confirmed.
 */
async function revokeAll(core: AppCore, services: AppServices): Promise<Pick<WipeReport, 'revoked' | 'notRevoked'>> {
  const revoked: string[] = [];
  const notRevoked: Array<{ account: string; reason: string }> = [];
  if (core.state().phase !== 'ready') return { revoked, notRevoked };
  for (const account of core.repos.accounts.list().filter((a) => !a.isDemo)) {
    try {
      await services.accounts.revoke(account.id);
      revoked.push(account.name);
    } catch (error) {
      notRevoked.push({ account: account.name, reason: toErrorPayload(error).message });
    }
  }
  return { revoked, notRevoked };
}

/** The Privacy screen's and the lock's channels: thin calls into src-main/privacy and the core. */
export function createPrivacyHandlers({ core, services, pickFolder }: PrivacyHandlerDeps): Pick<Handlers, PrivacyChannels> {
  const folder = async (purpose: string): Promise<string | null> => {
    if (!pickFolder) throw new AppError('FORBIDDEN', 'Choosing a folder needs the desktop app; use "npm run cli -- export-all --out DIR" instead.');
    return pickFolder(purpose);
  };
  let runningExport: AbortController | null = null;
  return {
    'privacy:listAudit': ({ limit, category, beforeId }) =>
      core.repos.audit.list(limit, { actionPrefixes: category ? AUDIT_CATEGORY_PREFIXES[category] : [], beforeId: beforeId ?? null }).map(describeAudit),
    'privacy:verifyAudit': () => core.repos.audit.verify(),
    'privacy:exportAudit': async ({ format }) => {
      const dir = await folder('Export the audit log');
      if (!dir) return null;
      const path = writeOwnerOnlyFile(dir, `social-desk-audit-${stamp(core.now())}.${format}`, auditExportText(core.repos.audit, format));
      core.repos.audit.record(core.now(), 'export.audit', format, { where: path, format });
      return { path };
    },
    'privacy:findPeople': ({ query }) => findPeople(core.repos.db, query),
    'privacy:previewForget': ({ target }) => previewForget(core.repos.db, target, core.dataDir),
    'privacy:forget': ({ target }) => forget(core, target),
    'privacy:listReceipts': () => listReceipts(core.repos.db),
    'privacy:exportReceipt': async ({ code }) => {
      const receipt = getReceipt(core.repos.db, code);
      const dir = await folder('Export the forget receipt');
      if (!dir) return null;
      const path = writeOwnerOnlyFile(dir, `social-desk-receipt-${receipt.code}.json`, `${JSON.stringify({ ...receipt, forgottenAt: new Date(receipt.forgottenAt).toISOString() }, null, 2)}\n`);
      core.repos.audit.record(core.now(), 'export.receipt', receipt.code, { where: path });
      return { path };
    },
    'privacy:previewRetention': ({ retention, textOnlyDms }) => previewRetention(core.repos.db, retention, textOnlyDms, core.now()),
    'privacy:applyRetention': ({ retention, textOnlyDms, asOf, expectedTotal }) => confirmRetention(core, retention, textOnlyDms, { asOf, expectedTotal }),
    'privacy:listRequests': () => listRequests(core.repos),
    'privacy:addRequest': ({ requester, source, note }) => {
      const request = addRequest(core.repos, { requester, source, note: note ?? null }, core.now());
      core.events.emit('store:changed', { what: ['all'] });
      return request;
    },
    'privacy:completeRequest': ({ code }) => {
      const request = completeRequest(core.repos, code, core.now(), core.dataDir);
      core.events.emit('store:changed', { what: ['all'] });
      return request;
    },
    'privacy:exportEverything': async () => {
      const dir = await folder('Export everything');
      if (!dir) return null;
      if (runningExport) throw new AppError('BUSY', 'An export is already being written; wait for it or cancel it.');
      const outDir = `${dir.replace(/[\\/]+$/, '')}/social-desk-export-${stamp(core.now())}`;
      const cancel = new AbortController();
      runningExport = cancel;
      // A lock or wipe stops it too: the store it reads is closing.
      const unregister = core.registerWork({ stop: async () => cancel.abort() });
      try {
        const report = await exportEverything(core.repos.db, outDir, core.now(), {
          dataDir: core.dataDir,
          signal: cancel.signal,
          onProgress: (progress) => core.events.emit('privacy:export-progress', progress),
        });
        auditExportEverything(core.repos, report, core.now());
        return report;
      } catch (error) {
        if (error instanceof ExportCancelledError) return null;
        throw error;
      } finally {
        runningExport = null;
        unregister();
      }
    },
    'privacy:cancelExport': () => {
      const running = runningExport !== null;
      runningExport?.abort();
      return { cancelled: running };
    },
    'privacy:wipe': async () => {
      const revocation = await revokeAll(core, services);
      const report = await core.wipe();
      return { ...report, ...revocation };
    },
    'vault:lock': ({ reason }) => core.lock(reason),
    'vault:changePassphrase': ({ current, next }) => {
      core.changePassphrase(current, next);
      return null;
    },
    'vault:switchProtection': ({ mode, current, passphrase }) =>
      core.switchProtection(mode, { ...(current !== undefined ? { current } : {}), ...(passphrase !== undefined ? { passphrase } : {}) }),
  };
}
