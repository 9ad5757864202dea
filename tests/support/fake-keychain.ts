import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { OsCrypto } from '../../src-main/vault/key-wrapping';

/**
 * Stands in for Electron's safeStorage where there is no Electron: encrypts with a secret that
 * plays the OS keychain. A different secret is "another computer" or "a reset keychain".
 */
export function createFakeKeychain(secret: string, backend = 'gnome_libsecret'): OsCrypto {
  const key = createHash('sha256').update(secret).digest();
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
