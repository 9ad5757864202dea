/**
 * Secret scrubbing for anything that may end up in an error message, a log line or a thrown error.
 * Tokens travel in query strings (`access_token=`), form bodies and `Authorization` headers, so
 * every string that leaves this module's callers goes through `redactSecrets` first.
 */

/** Query/form parameters whose values are credentials and must never be shown. */
export const SECRET_PARAMS: readonly string[] = [
  'access_token',
  'input_token',
  'fb_exchange_token',
  'client_secret',
  'appsecret_proof',
  'code',
  'code_verifier',
  'refresh_token',
  'signed_request',
];

const REDACTED = '[REDACTED]';

// Matches `name=value` in URLs, form bodies and JSON-ish text; stops at the usual delimiters.
const PARAM_PATTERN = new RegExp(`\\b(${SECRET_PARAMS.join('|')})(=|%3D|":\\s*")([^&\\s"'#<>]+)`, 'gi');
const BEARER_PATTERN = /\b(Bearer|OAuth)\s+[A-Za-z0-9._~+/=-]{8,}/g;
// Meta user/page tokens start with EAA, Instagram tokens with IG(QV|AA); both are long base64url runs.
const TOKEN_SHAPE_PATTERN = /\b(EAA[A-Za-z0-9]{20,}|IG(?:QV|AA)[A-Za-z0-9_-]{20,})\b/g;

/** Replaces credential values (known params, bearer headers, token-shaped strings, explicit secrets) with a marker. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // Very short "secrets" would shred ordinary words, and they are not real tokens anyway.
    if (secret && secret.length >= 6) {
      out = out.split(secret).join(REDACTED);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out = out.split(encoded).join(REDACTED);
    }
  }
  return out
    .replace(PARAM_PATTERN, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(BEARER_PATTERN, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(TOKEN_SHAPE_PATTERN, REDACTED);
}

/** Returns a URL string without credentials, safe to log or put into an error message. */
export function redactUrl(url: string | URL, secrets: readonly (string | undefined)[] = []): string {
  return redactSecrets(typeof url === 'string' ? url : url.toString(), secrets);
}

/** Shortens a response body to a log-safe excerpt (redacted, single line, bounded length). */
export function safeExcerpt(body: string, secrets: readonly (string | undefined)[] = [], max = 160): string {
  const flat = redactSecrets(body, secrets).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Values of credential parameters (client_secret, code, …) in a param map, so they can be scrubbed by value. */
export function secretParamValues(params: Record<string, unknown> | undefined): string[] {
  if (!params) return [];
  return Object.entries(params)
    .filter((entry): entry is [string, string] => SECRET_PARAMS.includes(entry[0]) && typeof entry[1] === 'string')
    .map(([, value]) => value);
}
