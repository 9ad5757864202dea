/**
 * Meta's two signatures, verified with the app secret.
 *
 * Webhooks: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>`, computed over
 * the exact bytes Meta sent (its bodies escape non-ASCII as \uXXXX, so re-serialised JSON would
 * not match). https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads
 *
 * Callbacks (data deletion, deauthorize): `signed_request=<base64url sig>.<base64url payload>`,
 * where sig = HMAC-SHA256 over the *encoded* payload.
 * https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The hex HMAC the header carries, or null if the header is not a well-formed sha256 signature. */
export function parseSignatureHeader(header: string | null | undefined): Buffer | null {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  return match?.[1] ? Buffer.from(match[1], 'hex') : null;
}

/**
 * True when `header` signs `rawBody` with one of `secrets`. Every secret is tried, in constant
 * time each, so timing does not reveal which matched (which secret signs Instagram-Login hooks,
 * the Meta app's or the Instagram app's, is not settled in Meta's docs).
 */
export function verifyWebhookSignature(rawBody: Uint8Array, header: string | null | undefined, secrets: readonly string[]): boolean {
  const received = parseSignatureHeader(header);
  if (!received) return false;
  let ok = false;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    ok = timingSafeEqual(expected, received) || ok;
  }
  return ok;
}

export interface SignedRequestPayload {
  user_id: string;
  algorithm: string;
  issued_at?: number;
  expires?: number;
  [key: string]: unknown;
}

/** Verifies and decodes a `signed_request`; null when malformed, wrongly signed or not HMAC-SHA256. */
export function parseSignedRequest(signedRequest: string, secrets: readonly string[]): SignedRequestPayload | null {
  const [encodedSig, encodedPayload, extra] = signedRequest.split('.');
  if (!encodedSig || !encodedPayload || extra !== undefined) return null;
  const received = Buffer.from(encodedSig, 'base64url');
  if (received.length !== 32) return null;
  let ok = false;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = createHmac('sha256', secret).update(encodedPayload, 'utf8').digest();
    ok = timingSafeEqual(expected, received) || ok;
  }
  if (!ok) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const record = payload as Record<string, unknown>;
  if (String(record.algorithm).toUpperCase() !== 'HMAC-SHA256') return null;
  const userId = record.user_id;
  if (typeof userId !== 'string' && typeof userId !== 'number') return null;
  return { ...record, user_id: String(userId), algorithm: 'HMAC-SHA256' } as SignedRequestPayload;
}
