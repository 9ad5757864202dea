import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a code read aloud or retyped is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A confirmation code like `FG-7K3M-Q9XD-2H`: random (60 bits), unguessable, and free of anything
 * about the person. Meta's data-deletion callback returns such a code with a status URL
 * (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback/).
 */
export function confirmationCode(prefix: 'FG' | 'DR'): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `${prefix}-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 10)}`;
}
