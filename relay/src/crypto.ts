/**
 * The relay's cryptography, all from maintained libraries: libsodium sealed boxes
 * (`crypto_box_seal`: X25519 + XSalsa20-Poly1305 to a recipient's public key, anonymous sender)
 * for everything a device will read, and Node's crypto for hashes, HMAC and random codes.
 * The relay can seal but never open: it holds no device's private key.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import sodium from 'libsodium-wrappers';

let ready: Promise<void> | null = null;

/** libsodium compiles its WebAssembly once per process. */
export function cryptoReady(): Promise<void> {
  ready ??= sodium.ready;
  return ready;
}

/** Length of an X25519 public key in bytes. */
export const PUBLIC_KEY_BYTES = 32;

/** Seals `plaintext` so that only the holder of the matching private key can open it. */
export function seal(plaintext: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  return sodium.crypto_box_seal(plaintext, recipientPublicKey);
}

/** SHA-256 hex of a device token or pairing code: what the relay keeps instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A device token: 32 random bytes, base64url, recognisable by its prefix in a leaked log. */
export function newDeviceToken(): string {
  return `sdr_${randomBytes(32).toString('base64url')}`;
}

/** Letters and digits a person cannot confuse when typing (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time pairing code such as `K7QF-2MXD-9RTA` (≈ 59 bits; pairing is rate limited). */
export function newPairCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Codes are compared in a canonical form so `k7qf 2mxd 9rta` works too. */
export function normalisePairCode(input: string): string {
  const bare = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return [0, 4, 8].map((i) => bare.slice(i, i + 4)).filter(Boolean).join('-');
}

/** A confirmation code for a data-deletion request: unguessable, safe in a URL. */
/**
 * A data-deletion confirmation code like `MD-7K3M-Q9XD-2HRT-B`: 80 random bits in Crockford base32
 * (no I, L, O, U), upper case, so the person can read it out and the desktop's deletion-request
 * log (which matches codes case-insensitively) files it under the same code.
 */
export function newConfirmationCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const chars = [...randomBytes(16)].map((b) => alphabet[b % 32]).join('');
  return `MD-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

/** A device id (not secret). */
export function newDeviceId(): string {
  return `dev_${randomBytes(8).toString('hex')}`;
}
