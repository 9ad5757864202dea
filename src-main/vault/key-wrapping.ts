import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';

/** The slice of Electron's `safeStorage` the vault needs; tests and the CLI pass their own. */
export interface OsCrypto {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store backs it (`basic_text` means none). */
  getSelectedStorageBackend?(): string;
}

/** Linux backends that do not actually protect anything: a key there is as good as plaintext. */
const UNPROTECTED_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export interface OsProtection {
  available: boolean;
  backendName: string | null;
}

/** Whether this computer's keychain can protect the key, and its name. */
export function osProtection(osCrypto: OsCrypto | null, platform: NodeJS.Platform): OsProtection {
  if (!osCrypto || !osCrypto.isEncryptionAvailable()) return { available: false, backendName: null };
  if (platform === 'darwin') return { available: true, backendName: 'keychain' };
  if (platform === 'win32') return { available: true, backendName: 'dpapi' };
  const backend = osCrypto.getSelectedStorageBackend?.() ?? 'unknown';
  return { available: !UNPROTECTED_LINUX_BACKENDS.has(backend), backendName: backend };
}

/** Interactive-login strength: ~0.3 s and 128 MiB on a laptop, once per unlock. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

const isPowerOfTwo = (n: number) => (n & (n - 1)) === 0;

/**
 * The cost read back from `vault.json` is bounded by what the app itself writes: a tampered file
 * asking for N = 2^30 or p = 10^6 would otherwise hang unlock or exhaust memory.
 */
export const ScryptParamsSchema = z.object({
  N: z.number().int().min(1024).max(DEFAULT_SCRYPT.N).refine(isPowerOfTwo, 'N must be a power of two'),
  r: z.number().int().min(1).max(DEFAULT_SCRYPT.r),
  p: z.number().int().min(1).max(DEFAULT_SCRYPT.p),
  salt: z.string().max(64),
});
export type ScryptParams = z.infer<typeof ScryptParamsSchema>;

export const VaultRecordSchema = z.discriminatedUnion('backend', [
  z.object({
    version: z.literal(1),
    backend: z.literal('os-keychain'),
    osBackendName: z.string().nullable(),
    wrappedKey: z.string(),
    createdAt: z.number(),
  }),
  z.object({
    version: z.literal(1),
    backend: z.literal('passphrase'),
    kdf: ScryptParamsSchema,
    iv: z.string(),
    tag: z.string(),
    wrappedKey: z.string(),
    createdAt: z.number(),
  }),
]);
export type VaultRecord = z.infer<typeof VaultRecordSchema>;

/** The passphrase is wrong (the authenticated decryption failed). */
export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
  constructor() {
    super('That passphrase does not open the local data.');
  }
}

/** The key exists but this computer can no longer unwrap it. */
export class KeyUnavailableError extends Error {
  override name = 'KeyUnavailableError';
}

function deriveKek(passphrase: string, params: ScryptParams): Buffer {
  return scryptSync(passphrase.normalize('NFKC'), Buffer.from(params.salt, 'base64'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  });
}

/** Wraps the data key with a passphrase: scrypt → AES-256-GCM. */
export function wrapWithPassphrase(
  key: Buffer,
  passphrase: string,
  now: number,
  cost: { N: number; r: number; p: number } = DEFAULT_SCRYPT,
): VaultRecord {
  const kdf = { ...cost, salt: randomBytes(16).toString('base64') };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKek(passphrase, kdf), iv);
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    version: 1,
    backend: 'passphrase',
    kdf,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    createdAt: now,
  };
}

export function unwrapWithPassphrase(record: Extract<VaultRecord, { backend: 'passphrase' }>, passphrase: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', deriveKek(passphrase, record.kdf), Buffer.from(record.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(record.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(record.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    throw new WrongPassphraseError();
  }
}

/** Wraps the data key with the OS keychain (Electron safeStorage). */
export function wrapWithOs(key: Buffer, osCrypto: OsCrypto, backendName: string | null, now: number): VaultRecord {
  return {
    version: 1,
    backend: 'os-keychain',
    osBackendName: backendName,
    wrappedKey: osCrypto.encryptString(key.toString('base64')).toString('base64'),
    createdAt: now,
  };
}

export function unwrapWithOs(record: Extract<VaultRecord, { backend: 'os-keychain' }>, osCrypto: OsCrypto | null, current: OsProtection): Buffer {
  if (!osCrypto || !current.available) {
    throw new KeyUnavailableError("This computer's keychain is not available, so the key that protects your local data cannot be opened.");
  }
  const moved =
    record.osBackendName !== null && current.backendName !== null && record.osBackendName !== current.backendName
      ? ` The keychain changed from "${record.osBackendName}" to "${current.backendName}".`
      : '';
  let key: Buffer;
  try {
    key = Buffer.from(osCrypto.decryptString(Buffer.from(record.wrappedKey, 'base64')), 'base64');
  } catch {
    throw new KeyUnavailableError(
      `This computer's keychain can no longer unlock the key that protects your local data. This happens when the data folder was copied from another computer or user account, or the keychain was reset.${moved}`,
    );
  }
  if (key.length !== 32) throw new KeyUnavailableError('The stored key is damaged.');
  return key;
}
