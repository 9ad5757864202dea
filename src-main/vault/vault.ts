import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonStore, JsonStoreFactory } from '../settings/json-store';
import { writeVaultRecordAtomically, type RewrapStep } from './rewrap';
import {
  DEFAULT_SCRYPT,
  KeyUnavailableError,
  osProtection,
  unwrapWithOs,
  unwrapWithPassphrase,
  VaultRecordSchema,
  wrapWithOs,
  wrapWithPassphrase,
  type OsCrypto,
  type OsProtection,
  type VaultRecord,
} from './key-wrapping';

export const VAULT_FILE = 'vault';
export const MIN_PASSPHRASE_LENGTH = 8;

export interface VaultOptions {
  dataDir: string;
  openStore: JsonStoreFactory;
  osCrypto: OsCrypto | null;
  platform: NodeJS.Platform;
  now: () => number;
  /** scrypt cost; tests lower it, the app keeps the default. */
  scryptCost?: { N: number; r: number; p: number };
}

/**
 * Holds the database key, wrapped, in `vault.json` (an electron-store/conf file). The data key
 * is 32 random bytes made once; it is wrapped by the OS keychain where the OS really protects it,
 * otherwise by a passphrase. It is never written in plaintext.
 */
export class Vault {
  private storeInstance: JsonStore | null = null;

  constructor(private readonly options: VaultOptions) {}

  private get store(): JsonStore {
    this.storeInstance ??= this.options.openStore(this.options.dataDir, VAULT_FILE);
    return this.storeInstance;
  }

  osProtection(): OsProtection {
    return osProtection(this.options.osCrypto, this.options.platform);
  }

  /** The stored record, `null` when there is none; a damaged record is reported as unavailable. */
  record(): VaultRecord | null {
    // Don't open (and so create) the store just to look: a wiped folder must stay empty.
    if (!this.storeInstance && !existsSync(join(this.options.dataDir, `${VAULT_FILE}.json`))) return null;
    const raw = this.store.get('record');
    if (raw === undefined) return null;
    const parsed = VaultRecordSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? ` (${issue.path.join('.')}: ${issue.message})` : '';
      throw new KeyUnavailableError(`The file that holds the protected key is damaged or was altered${where}.`);
    }
    return parsed.data;
  }

  /** Makes a new data key and stores it wrapped; refuses to overwrite an existing one. */
  create(mode: 'os-keychain' | 'passphrase', passphrase?: string): Buffer {
    if (this.store.get('record') !== undefined) throw new Error('A key already exists; wipe first to start over.');
    const key = randomBytes(32);
    const record = this.wrap(key, mode, passphrase);
    this.store.set('record', record);
    return key;
  }

  private wrap(key: Buffer, mode: 'os-keychain' | 'passphrase', passphrase?: string): VaultRecord {
    const now = this.options.now();
    if (mode === 'os-keychain') {
      const protection = this.osProtection();
      if (!protection.available || !this.options.osCrypto) {
        throw new KeyUnavailableError("This computer's keychain cannot protect the key; choose a passphrase instead.");
      }
      return wrapWithOs(key, this.options.osCrypto, protection.backendName, now);
    }
    if (!passphrase || passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new RangeError(`The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
    }
    return wrapWithPassphrase(key, passphrase, now, this.options.scryptCost ?? DEFAULT_SCRYPT);
  }

  /** Unwraps the data key; throws KeyUnavailableError or WrongPassphraseError. */
  open(passphrase?: string): Buffer {
    const record = this.record();
    if (!record) throw new KeyUnavailableError('There is no key for the local data.');
    if (record.backend === 'os-keychain') return unwrapWithOs(record, this.options.osCrypto, this.osProtection());
    if (passphrase === undefined) throw new KeyUnavailableError('A passphrase is needed to open the local data.');
    return unwrapWithPassphrase(record, passphrase);
  }

  /**
   * Re-wraps the data key under a new protection (a new passphrase, or the keychain instead of a
   * passphrase and back). The current protection must open it first: `current` is the passphrase
   * in passphrase mode, ignored with the keychain. The data key itself never changes.
   */
  rewrap(
    change: { current?: string; mode: 'os-keychain' | 'passphrase'; passphrase?: string },
    onStep: (step: RewrapStep) => void = () => {},
  ): void {
    const key = this.open(change.current);
    try {
      onStep('unwrapped');
      const record = this.wrap(key, change.mode, change.passphrase);
      onStep('wrapped');
      writeVaultRecordAtomically(this.store.path, this.store.store, record, onStep);
    } finally {
      key.fill(0);
    }
  }

  /** Forgets the in-memory store handle (after a wipe deleted the file). */
  release(): void {
    this.storeInstance = null;
  }
}
