/** Id formats that look like Meta's so clients never assume a shape Meta does not give. */
import type { Rng } from './prng';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Random base64url-alphabet string. */
export function randomToken(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += B64URL[rng.int(0, 63)];
  return s;
}

/** IG professional account id (17841…, 17 digits). */
export function igUserId(rng: Rng): string {
  return `17841${rng.digits(12)}`;
}

/** IG media / comment ids are 17–18 digit numbers starting 17/18. */
export function igObjectId(rng: Rng): string {
  return rng.chance(0.5) ? `179${rng.digits(14)}` : `18${rng.digits(15)}`;
}

/** Page / business / user style numeric id of the given length. */
export function numericId(rng: Rng, length: number): string {
  return rng.digits(length);
}

/** IG shortcode (11 chars). */
export function shortcode(rng: Rng): string {
  return `C${randomToken(rng, 10)}`;
}

/** Thread id as the Messenger Platform shows IG threads (base64 of an internal key). */
export function igConversationId(rng: Rng, igId: string): string {
  const raw = `ig_d:1:IGMessageThread:${igId}:${rng.digits(38)}`;
  return Buffer.from(raw).toString('base64url');
}

/** Messenger thread id. */
export function messengerConversationId(rng: Rng): string {
  return `t_${rng.digits(16)}`;
}

/** IG DM id in the shape of the fixtures (`aWdfZAG1faXRlbTox…`). */
export function igMessageId(rng: Rng, igId: string): string {
  const raw = `ig_item:1:IGMessage:${igId}:${rng.digits(39)}:${rng.digits(38)}`;
  return Buffer.from(raw).toString('base64url');
}

/** Messenger message id (`m_…`). */
export function messengerMessageId(rng: Rng): string {
  return `m_${randomToken(rng, 86)}`;
}

/** Long-looking access token with Meta's prefixes (EAA… for FB, IGAA… for IG Login). */
export function accessToken(rng: Rng, prefix: 'EAA' | 'IGAA'): string {
  return `${prefix}${randomToken(rng, prefix === 'EAA' ? 180 : 140).replace(/[-_]/g, 'Z')}`;
}
