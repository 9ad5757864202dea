import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppPhase, AppState, StoreStatus, WipeReport } from '../../src-preload/contract';
import { wipeDataDir } from '../privacy/wipe';
import type { JsonStore, JsonStoreFactory } from '../settings/json-store';
import { DATABASE_FILE, openDatabase, type Db } from '../store/database';
import { schemaVersion } from '../store/migrations';
import { countRows, createRepositories, type Repositories } from '../store/repositories';
import { KeyUnavailableError, WrongPassphraseError, type OsCrypto } from '../vault/key-wrapping';
import { Vault } from '../vault/vault';
import type { RewrapStep } from '../vault/rewrap';
import { AppError } from './app-error';
import { AppEvents } from './events';

export const SETTINGS_FILE = 'settings';

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
}

/** Something running in the background that a wipe or quit must stop first. */
export interface BackgroundWork {
  stop(): Promise<void>;
}

/**
 * The app's state machine and owner of the open database: first run → (locked) → ready, or
 * key recovery when the key can no longer be opened. Electron-free, so the CLI, tests and the
 * web bridge drive exactly what the desktop app runs.
 */
export class AppCore {
  readonly events = new AppEvents();
  readonly vault: Vault;
  readonly now: () => number;
  private phase: AppPhase = 'first-run';
  private recoveryReason: string | null = null;
  private repositories: Repositories | null = null;
  private settingsStore: JsonStore | null = null;
  private readonly work = new Set<BackgroundWork>();
  private readyListeners: Array<(repos: Repositories) => void> = [];

  constructor(private readonly options: AppCoreOptions) {
    this.now = options.now ?? Date.now;
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

  /** Decides the first screen; opens the database straight away when the keychain holds the key. */
  start(): AppState {
    const hasDb = existsSync(this.databaseFile);
    let record;
    try {
      record = this.vault.record();
    } catch (error) {
      return this.toRecovery(error);
    }
    if (!record) {
      if (hasDb) return this.toRecovery(new KeyUnavailableError('The key for the local data is missing.'));
      this.phase = 'first-run';
    } else if (!hasDb) {
      return this.toRecovery(new KeyUnavailableError('The local database file is missing, although its key is here.'));
    } else if (record.backend === 'os-keychain') {
      try {
        this.openWith(this.vault.open());
      } catch (error) {
        return this.toRecovery(error);
      }
    } else {
      this.phase = 'locked';
    }
    return this.state();
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
      appVersion: this.options.appVersion,
      schemaVersion: this.repositories ? schemaVersion(this.repositories.db) : null,
    };
  }

  /** First run: make the key, create the database, and go to ready. */
  createVault(mode: 'os-keychain' | 'passphrase', passphrase?: string): AppState {
    if (this.phase !== 'first-run') throw new AppError('CONFLICT', 'The local data is already set up.');
    mkdirSync(this.options.dataDir, { recursive: true });
    const key = this.vault.create(mode, passphrase);
    this.openWith(key);
    this.repos.audit.record(this.now(), 'vault.created', mode);
    return this.changed();
  }

  unlock(passphrase: string): AppState {
    if (this.phase !== 'locked') throw new AppError('CONFLICT', 'The local data is not locked.');
    const backend = this.vault.record()?.backend;
    if (backend === 'passphrase' && !passphrase) throw new RangeError('Enter your passphrase.');
    try {
      // With the keychain, the lock screen's Unlock just asks the keychain again.
      this.openWith(this.vault.open(backend === 'os-keychain' ? undefined : passphrase));
    } catch (error) {
      if (error instanceof WrongPassphraseError) throw error;
      this.toRecovery(error);
      return this.changed();
    }
    this.repos.audit.record(this.now(), 'vault.unlocked', backend ?? null);
    return this.changed();
  }

  /**
   * Lock now: stop background work, close the database (SQLite drops the key with the
   * connection) and show the unlock screen. With the keychain, unlocking asks the keychain again.
   */
  async lock(reason: 'manual' | 'idle'): Promise<AppState> {
    if (this.phase !== 'ready') throw new AppError('CONFLICT', 'The local data is not open.');
    this.repos.audit.record(this.now(), 'vault.locked', reason);
    await this.stopWork();
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

  /**
   * The settings file. One that cannot be parsed (a crash mid-write on an old file system, a hand
   * edit) is set aside as `settings.json.damaged-<time>` and defaults are used: settings hold
   * nothing that cannot be chosen again, and the app must still open.
   */
  settings(): JsonStore {
    if (this.settingsStore) return this.settingsStore;
    try {
      this.settingsStore = this.options.openStore(this.options.dataDir, SETTINGS_FILE);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      const file = join(this.options.dataDir, `${SETTINGS_FILE}.json`);
      renameSync(file, `${file}.damaged-${this.now()}`);
      this.settingsStore = this.options.openStore(this.options.dataDir, SETTINGS_FILE);
      if (this.repositories) this.repositories.audit.record(this.now(), 'settings.reset_damaged_file');
    }
    return this.settingsStore;
  }

  registerWork(work: BackgroundWork): () => void {
    this.work.add(work);
    return () => this.work.delete(work);
  }

  storeStatus(): StoreStatus {
    const repos = this.repos;
    const bytes = [DATABASE_FILE, `${DATABASE_FILE}-wal`].reduce((sum, name) => {
      const path = join(this.options.dataDir, name);
      return sum + (existsSync(path) ? statSync(path).size : 0);
    }, 0);
    return {
      schemaVersion: schemaVersion(repos.db),
      keyBackend: this.vault.record()?.backend ?? 'none',
      dataDir: this.options.dataDir,
      databaseBytes: bytes,
      counts: countRows(repos.db),
      lastSyncedAt: repos.accounts.lastSyncedAt(),
    };
  }

  /**
   * One-click wipe: stop background work, close the database, delete the data directory's
   * contents (database, -wal, -shm, wrapped key, settings, logs, exports), clear whatever
   * lives outside it (Electron sessions), and return to first run.
   */
  async wipe(): Promise<WipeReport> {
    const started = this.now();
    await this.stopWork();
    this.close();
    this.settingsStore = null;
    this.vault.release();
    const removed = await wipeDataDir(this.options.dataDir, this.options.removeDataDirOnWipe);
    if (this.options.wipeExtras) removed.push(...(await this.options.wipeExtras()));
    this.phase = 'first-run';
    this.recoveryReason = null;
    this.changed();
    return { removed, durationMs: this.now() - started };
  }

  private async stopWork(): Promise<void> {
    await Promise.allSettled([...this.work].map((w) => w.stop()));
    this.work.clear();
  }

  close(): void {
    if (!this.repositories) return;
    const db = this.repositories.db;
    this.repositories = null;
    if (db.open) db.close();
  }

  private openWith(key: Buffer): void {
    const db: Db = openDatabase({
      file: this.databaseFile,
      key,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    });
    key.fill(0);
    this.repositories = createRepositories(db);
    this.repositories.syncRuns.closeAbandoned(this.now());
    this.phase = 'ready';
    this.recoveryReason = null;
    for (const listener of this.readyListeners) listener(this.repositories);
  }

  private toRecovery(error: unknown): AppState {
    this.close();
    this.phase = 'key-recovery';
    this.recoveryReason =
      error instanceof Error && (error instanceof KeyUnavailableError || error.name === 'DatabaseKeyError' || error.name === 'NewerSchemaError')
        ? error.message
        : 'The local data could not be opened.';
    return this.state();
  }

  private changed(): AppState {
    const state = this.state();
    this.events.emit('app:state-changed', state);
    return state;
  }
}
