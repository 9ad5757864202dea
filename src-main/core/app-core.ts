import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppPhase, AppState, SetAsideReport, StoreProblem, StoreStatus, WipeReport } from '../../src-preload/contract';
import { wipeDataDir } from '../privacy/wipe';
import type { JsonStore, JsonStoreFactory } from '../settings/json-store';
import { DamagedDatabaseError, DATABASE_FILE, DEFAULT_BUSY_TIMEOUT_MS } from '../store/database';
import { schemaVersion } from '../store/migrations';
import type { Repositories } from '../store/repositories';
import { setAsideDatabase } from '../store/set-aside';
import { KeyUnavailableError, type OsCrypto } from '../vault/key-wrapping';
import { Vault, VAULT_FILE } from '../vault/vault';
import type { RewrapStep } from '../vault/rewrap';
import { AppError } from './app-error';
import { AppEvents } from './events';
import { openStoreFile, tidyDataDir } from './open-store';
import { AUDIT_HEAD_FILE, forgetAuditHead, openAuditAnchor } from '../privacy/audit-anchor';
import { ensurePrivateDir } from './private-files';
import { openSettingsFile, readStoreStatus } from './store-status';
import { describeStoreProblem, wipeIncompleteProblem } from './store-problem';
import { TaskSupervisor } from './supervisor';

export const SETTINGS_FILE = 'settings';

/** Problems that go away by themselves or by a fix outside the app: worth retrying with the same key. */
const RETRYABLE = new Set<StoreProblem['kind']>(['busy', 'disk-full', 'read-only']);

export interface AppCoreOptions {
  dataDir: string;
  /** Remove the data directory itself on wipe (true when the app owns it, false for a CLI --data-dir). */
  removeDataDirOnWipe: boolean;
  appVersion: string;
  platform: NodeJS.Platform;
  osCrypto: OsCrypto | null;
  openStore: JsonStoreFactory;
  nativeBinding?: string;
  now?: () => number;
  scryptCost?: { N: number; r: number; p: number };
  /** Wipe steps outside the data directory (Electron: session partitions); returns what was cleared. */
  wipeExtras?: () => Promise<string[]>;
  /** How long opening waits for another process's lock (default 5 s); tests lower it. */
  busyTimeoutMs?: number;
  /** Where failures that could not be recorded anywhere else go (Electron log, stderr). */
  log?: (message: string, error: unknown) => void;
}

/** Something running in the background that a wipe or quit must stop first. */
export interface BackgroundWork {
  stop(): Promise<void>;
}

/**
 * The app's state machine and owner of the open database: first run → (locked) → ready; key
 * recovery only when the key itself can no longer be opened; a store problem (busy, disk full,
 * read-only, damaged, newer version) when the key is fine but the store is not. Electron-free,
 * so the CLI, tests and the web bridge drive exactly what the desktop app runs.
 */
export class AppCore {
  readonly events = new AppEvents();
  readonly vault: Vault;
  readonly now: () => number;
  /** Every fire-and-forget task runs through here; it outlives wipes and reopenings. */
  readonly tasks: TaskSupervisor;
  private phase: AppPhase = 'first-run';
  private recoveryReason: string | null = null;
  private storeProblem: StoreProblem | null = null;
  /** A passphrase-unwrapped key kept only while the store is busy, full or read-only (see openOrKeepForRetry). */
  private retryKey: Buffer | null = null;
  private repositories: Repositories | null = null;
  private settingsStore: JsonStore | null = null;
  private readonly work = new Set<BackgroundWork>();
  private readyListeners: Array<(repos: Repositories) => void> = [];
  private closedListeners: Array<() => void> = [];

  constructor(private readonly options: AppCoreOptions) {
    this.now = options.now ?? Date.now;
    this.tasks = new TaskSupervisor({
      now: this.now,
      // Into the audit log when the store is open (it may itself be the thing failing: then only the log has it).
      record: (failure) => this.repositories?.audit.record(failure.at, 'background.failed', failure.task, JSON.stringify({ code: failure.code, message: failure.message })),
      ...(options.log ? { log: options.log } : {}),
    });
    this.vault = new Vault({
      dataDir: options.dataDir,
      openStore: options.openStore,
      osCrypto: options.osCrypto,
      platform: options.platform,
      now: this.now,
      ...(options.scryptCost ? { scryptCost: options.scryptCost } : {}),
    });
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get databaseFile(): string {
    return join(this.options.dataDir, DATABASE_FILE);
  }

  /**
   * Decides the first screen; opens the database straight away when the keychain holds the key.
   * Only a key that cannot be unwrapped leads to key recovery; every other failure is named as
   * a store problem, and nothing here writes unless a migration is due.
   */
  start(): AppState {
    this.close();
    this.dropRetryKey();
    this.recoveryReason = null;
    this.storeProblem = null;
    try {
      return this.decide();
    } catch (error) {
      return this.toProblem(error);
    }
  }

  private decide(): AppState {
    tidyDataDir(
      this.options.dataDir,
      [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, `${VAULT_FILE}.json`, `${SETTINGS_FILE}.json`, `${AUDIT_HEAD_FILE}.json`],
      this.options.log,
    );
    const record = this.vault.record();
    // statSync throws for a folder we may not read; existsSync would call that "missing".
    const hasDb = statSync(this.databaseFile, { throwIfNoEntry: false }) !== undefined;
    if (!record) {
      if (hasDb) return this.toRecovery(new KeyUnavailableError('The key for the local data is missing.'));
      this.phase = 'first-run';
      return this.state();
    }
    if (!hasDb) throw new DamagedDatabaseError('The local database file is missing, although its key is here.');
    if (record.backend === 'passphrase') {
      this.phase = 'locked';
      return this.state();
    }
    this.openWith(this.vault.open());
    return this.state();
  }

  /** "Try again": the keychain was unlocked, the other Social Desk quit, space was freed. */
  retryOpen(): AppState {
    if (this.phase === 'ready' || this.phase === 'locked') return this.state();
    if (this.storeProblem?.kind === 'wipe-incomplete') throw new AppError('CONFLICT', 'The erase has not finished; run it again.');
    if (this.retryKey) this.openOrKeepForRetry(Buffer.from(this.retryKey));
    else this.start();
    return this.changed();
  }

  /** A damaged database is moved aside with its key (nothing is erased), and setup starts again. */
  setAsideAndStartFresh(): SetAsideReport {
    if (this.phase !== 'store-problem' || this.storeProblem?.kind !== 'damaged') {
      throw new AppError('CONFLICT', 'Only a damaged database is set aside; this one is not reported damaged.');
    }
    this.close();
    this.vault.release();
    const { keptAt, moved } = setAsideDatabase(this.options.dataDir, this.now());
    this.start();
    return { keptAt, moved, state: this.changed() };
  }

  state(): AppState {
    const protection = this.vault.osProtection();
    let backend: AppState['keyProtection']['backend'] = 'none';
    try {
      backend = this.vault.record()?.backend ?? 'none';
    } catch {
      backend = 'none';
    }
    return {
      phase: this.phase,
      keyProtection: { backend, osProtectionAvailable: protection.available, osBackendName: protection.backendName },
      recoveryReason: this.recoveryReason,
      storeProblem: this.storeProblem,
      appVersion: this.options.appVersion,
      schemaVersion: this.repositories ? schemaVersion(this.repositories.db) : null,
    };
  }

  /** First run: make the key, create the database, and go to ready. */
  createVault(mode: 'os-keychain' | 'passphrase', passphrase?: string): AppState {
    if (this.phase !== 'first-run') throw new AppError('CONFLICT', 'The local data is already set up.');
    ensurePrivateDir(this.options.dataDir);
    const key = this.vault.create(mode, passphrase);
    this.openWith(key, true);
    this.repos.audit.record(this.now(), 'vault.created', mode);
    return this.changed();
  }

  unlock(passphrase: string): AppState {
    if (this.phase !== 'locked') throw new AppError('CONFLICT', 'The local data is not locked.');
    const backend = this.vault.record()?.backend;
    if (backend === 'passphrase' && !passphrase) throw new RangeError('Enter your passphrase.');
    // A wrong passphrase throws from here and the screen stays; any other failure is named.
    // With the keychain, the lock screen's Unlock just asks the keychain again.
    this.openOrKeepForRetry(this.vault.open(backend === 'os-keychain' ? undefined : passphrase));
    if (this.repositories) this.repositories.audit.record(this.now(), 'vault.unlocked', backend ?? null);
    return this.changed();
  }

  /**
   * Lock now: stop background work, close the database (SQLite drops the key with the
   * connection) and show the unlock screen. With the keychain, unlocking asks the keychain again.
   */
  async lock(reason: 'manual' | 'idle'): Promise<AppState> {
    if (this.phase !== 'ready') throw new AppError('CONFLICT', 'The local data is not open.');
    this.repos.audit.record(this.now(), 'vault.locked', reason);
    const work = [...this.work];
    this.work.clear();
    await Promise.allSettled(work.map((w) => w.stop()));
    this.close();
    this.phase = 'locked';
    return this.changed();
  }

  /** Changes the passphrase by re-wrapping the data key; the database is not rewritten. */
  changePassphrase(current: string, next: string, onStep?: (step: RewrapStep) => void): void {
    if (this.vault.record()?.backend !== 'passphrase') throw new AppError('CONFLICT', "The data is protected by this computer's keychain, not a passphrase.");
    if (current === next) throw new RangeError('The new passphrase is the same as the current one.');
    this.vault.rewrap({ current, mode: 'passphrase', passphrase: next }, onStep);
    if (this.repositories) this.repositories.audit.record(this.now(), 'vault.passphrase_changed');
  }

  /** Moves the key's protection between the keychain and a passphrase (re-wrap, never rekey). */
  switchProtection(mode: 'os-keychain' | 'passphrase', options: { current?: string; passphrase?: string }): AppState {
    const from = this.vault.record()?.backend;
    if (!from) throw new AppError('NOT_FOUND', 'There is no key to protect yet.');
    if (from === mode) throw new AppError('CONFLICT', `The key is already protected by ${mode === 'passphrase' ? 'a passphrase' : 'the keychain'}.`);
    this.vault.rewrap({ ...(options.current !== undefined ? { current: options.current } : {}), mode, ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}) });
    if (this.repositories) this.repositories.audit.record(this.now(), 'vault.protection_switched', null, { from, to: mode });
    return this.changed();
  }

  /**
   * Opens with a passphrase-unwrapped key. If the store is only busy, full or read-only, a copy of
   * the key stays in memory (as it would with the store open), so "Try again" and the busy
   * screen's own retries do not ask for the passphrase again; any other outcome drops it.
   */
  private openOrKeepForRetry(key: Buffer): void {
    const copy = Buffer.from(key);
    this.dropRetryKey();
    try {
      this.openWith(key);
      copy.fill(0);
    } catch (error) {
      this.toProblem(error);
      if (this.storeProblem && RETRYABLE.has(this.storeProblem.kind)) this.retryKey = copy;
      else copy.fill(0);
    }
  }

  private dropRetryKey(): void {
    this.retryKey?.fill(0);
    this.retryKey = null;
  }

  /** The open repositories; throws LOCKED when the data is not open. */
  get repos(): Repositories {
    if (!this.repositories) throw new AppError('LOCKED', 'The local data is not open.');
    return this.repositories;
  }

  /** Runs `listener` once the database is open (now, if it already is). */
  onReady(listener: (repos: Repositories) => void): void {
    this.readyListeners.push(listener);
    if (this.repositories) listener(this.repositories);
  }

  /** The settings file (a damaged one is set aside and defaults used; see openSettingsFile). */
  settings(): JsonStore {
    this.settingsStore ??= openSettingsFile(this.options.openStore, this.options.dataDir, SETTINGS_FILE, this.now(), () =>
      this.repositories?.audit.record(this.now(), 'settings.reset_damaged_file'),
    );
    return this.settingsStore;
  }

  registerWork(work: BackgroundWork): () => void {
    this.work.add(work);
    return () => this.work.delete(work);
  }

  storeStatus(): StoreStatus {
    return readStoreStatus(this.repos, this.options.dataDir, this.vault.record()?.backend ?? 'none');
  }

  /**
   * One-click wipe: stop background work, close the database, delete the data directory's
   * contents (database, -wal, -shm, wrapped key, settings, logs, export staging), clear whatever
   * lives outside it (Electron sessions), and return to first run. A wipe stopped part-way says
   * what is left and why, keeps the app on a screen that says so, and can run again.
   */
  async wipe(): Promise<WipeReport> {
    const started = this.now();
    await Promise.allSettled([...this.work].map((w) => w.stop()));
    this.work.clear();
    this.close();
    this.settingsStore = null;
    this.vault.release();
    this.dropRetryKey();
    const { removed, left } = await wipeDataDir(this.options.dataDir, this.options.removeDataDirOnWipe);
    if (this.options.wipeExtras) {
      try {
        removed.push(...(await this.options.wipeExtras()));
      } catch (error) {
        left.push({ name: 'browser sessions', cause: error instanceof Error ? error.message : String(error) });
      }
    }
    this.recoveryReason = null;
    this.storeProblem = null;
    this.phase = 'first-run';
    if (left.length > 0) {
      this.phase = 'store-problem';
      this.storeProblem = wipeIncompleteProblem(left, this.options.dataDir);
    }
    this.tasks.clear();
    this.changed();
    return { removed, left, durationMs: this.now() - started };
  }

  /** Runs `listener` whenever the database closes (wipe, lock, reopen), so nobody keeps the closed one. */
  onClosed(listener: () => void): void {
    this.closedListeners.push(listener);
  }

  close(): void {
    const work = [...this.work];
    this.work.clear();
    for (const w of work) this.tasks.run('stop background work', () => w.stop());
    if (!this.repositories) return;
    const db = this.repositories.db;
    this.repositories = null;
    if (db.open) db.close();
    for (const listener of this.closedListeners) listener();
  }

  private openWith(key: Buffer, creating = false): void {
    if (creating) forgetAuditHead(this.options.dataDir);
    this.repositories = openStoreFile({
      dataDir: this.options.dataDir,
      databaseFile: this.databaseFile,
      key,
      creating,
      busyTimeoutMs: this.options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
      now: this.now(),
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    });
    this.repositories.audit.anchorTo(openAuditAnchor(this.options.openStore, this.options.dataDir));
    this.phase = 'ready';
    this.recoveryReason = null;
    this.storeProblem = null;
    for (const listener of this.readyListeners) listener(this.repositories);
  }

  private toRecovery(error: unknown): AppState {
    this.close();
    this.phase = 'key-recovery';
    this.recoveryReason = error instanceof KeyUnavailableError ? error.message : 'The key for the local data could not be opened.';
    return this.state();
  }

  /** Key loss goes to key recovery; everything else is a named store problem, never an invitation to erase. */
  private toProblem(error: unknown): AppState {
    if (error instanceof KeyUnavailableError) return this.toRecovery(error);
    this.close();
    this.phase = 'store-problem';
    this.storeProblem = describeStoreProblem(error, this.options.dataDir);
    return this.state();
  }

  private changed(): AppState {
    const state = this.state();
    this.events.emit('app:state-changed', state);
    return state;
  }
}
