import type { ForgetReceipt, ForgetTarget, RetentionConfirmation, RetentionPolicy, RetentionRun, Settings } from '../../src-preload/contract';
import type { AppCore, BackgroundWork } from '../core/app-core';
import { DAY_MS } from '../core/time';
import { readSettings, writeSettings, type SettingChange } from '../settings/settings';
import { checkpoint } from '../store/database';
import type { AccountRunResult } from '../sync/engine';
import { forgetPerson } from './forget';
import { applyRetention } from './retention';

/** Records each changed setting, old → new (settings never hold secrets). */
function auditChanges(core: AppCore, changes: SettingChange[]): void {
  if (core.state().phase !== 'ready') return;
  for (const change of changes) core.repos.audit.record(core.now(), 'settings.changed', change.field, change);
}

/** `settings:update`: writes the patch and audits what really changed. */
export function changeSettings(core: AppCore, patch: Partial<Settings>): Settings {
  const { settings, changes } = writeSettings(core.settings(), patch);
  auditChanges(core, changes);
  return settings;
}

/**
 * A confirmed retention change: apply exactly the preview the user confirmed, then save and audit the
 * change. A stale or outdated preview is refused before anything is saved or removed.
 */
export function confirmRetention(core: AppCore, retention: RetentionPolicy, textOnlyDms: boolean, confirmed: RetentionConfirmation): RetentionRun {
  const run = applyRetention(core.repos, retention, textOnlyDms, core.now(), 'confirmed', confirmed);
  const { changes } = writeSettings(core.settings(), { retention, textOnlyDms });
  auditChanges(core, changes);
  core.events.emit('store:changed', { what: ['all'] });
  return run;
}

/** Applies the saved (already confirmed) policy; `trigger` says why it ran (start, daily, sync). */
export function runSavedRetention(core: AppCore, trigger: string): RetentionRun {
  const settings = readSettings(core.settings());
  const run = applyRetention(core.repos, settings.retention, settings.textOnlyDms, core.now(), trigger);
  if (run.total > 0) core.events.emit('store:changed', { what: ['all'] });
  return run;
}

/**
 * After every sync run: audit it with its counts, apply the confirmed retention policy and text-only
 * mode to what it brought in, and truncate the WAL, so the text of messages unsent at Meta (erased
 * by the sync) leaves the -wal too, not only the main file.
 */
export function afterSyncRun(core: AppCore, result: AccountRunResult): void {
  // A run that ends after a lock or wipe closed the store has nothing left to record or clean.
  if (core.state().phase !== 'ready') return;
  core.repos.audit.record(core.now(), 'sync.completed', core.repos.accounts.get(result.accountId)?.name ?? null, {
    status: result.status,
    itemsWritten: result.itemsWritten,
    requests: result.httpRequests,
    errors: result.errors.length,
  });
  runSavedRetention(core, 'after sync');
  checkpoint(core.repos.db);
}

export function forget(core: AppCore, target: ForgetTarget): ForgetReceipt {
  const receipt = forgetPerson(core.repos, target, core.now(), { dataDir: core.dataDir });
  core.events.emit('store:changed', { what: ['all'] });
  return receipt;
}

/**
 * Runs the saved retention policy when the store opens and then once a day, as background work
 * a wipe or lock stops. A failure is recorded in the audit log, never thrown into the void.
 */
export function startRetentionSchedule(core: AppCore, setTimer = setInterval, clearTimer = clearInterval): BackgroundWork {
  const run = (trigger: string) => {
    try {
      runSavedRetention(core, trigger);
    } catch (error) {
      if (core.state().phase === 'ready') core.repos.audit.record(core.now(), 'retention.failed', trigger, { error: (error as Error).message });
    }
  };
  run('start');
  const timer = setTimer(() => run('daily'), DAY_MS);
  (timer as { unref?: () => void }).unref?.();
  const work: BackgroundWork = {
    stop: async () => {
      clearTimer(timer);
      unregister();
    },
  };
  const unregister = core.registerWork(work);
  return work;
}
