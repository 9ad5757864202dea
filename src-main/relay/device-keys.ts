/**
 * The device's X25519 key pair (libsodium `crypto_box_keypair`), made in main; the private key is
 * kept only in the encrypted store. Opening uses `crypto_box_seal_open`, the counterpart of the
 * relay's `crypto_box_seal`.
 */
import sodium from 'libsodium-wrappers';

export class RelayDecryptError extends Error {
  override name = 'RelayDecryptError';
}

export async function generateDeviceKeys(): Promise<{ publicKey: Uint8Array; secretKey: Uint8Array }> {
  await sodium.ready;
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return { publicKey, secretKey: privateKey };
}

/** Opens one sealed envelope; throws RelayDecryptError if it was not sealed to this key pair. */
export async function openSealed(ciphertextBase64: string, publicKey: Uint8Array, secretKey: Uint8Array): Promise<string> {
  await sodium.ready;
  try {
    return sodium.to_string(sodium.crypto_box_seal_open(Buffer.from(ciphertextBase64, 'base64'), publicKey, secretKey));
  } catch {
    throw new RelayDecryptError('An envelope from the relay could not be opened with this device\'s key (sealed for another device, or damaged).');
  }
}
