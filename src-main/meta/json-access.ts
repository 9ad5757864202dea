/**
 * Tolerant accessors for loosely-typed JSON (webhooks, error bodies). Meta's payloads vary by product
 * and age (numeric ids in old samples, optional keys), so parsers read fields defensively instead of
 * rejecting a whole payload because one field has an unexpected type.
 */

/** A plain JSON object. */
export type JsonRecord = Record<string, unknown>;

/** Returns the value as an object, or undefined for anything else (arrays included). */
export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

/** Returns the value as an array, or an empty array. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Returns a string; numbers become strings because ids sometimes arrive as JSON numbers. */
export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** Returns a finite number; numeric strings are converted. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** Returns a boolean; "true"/"false" strings are accepted. */
export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/**
 * Converts a Meta timestamp to epoch milliseconds. Messaging webhooks use ms, feed/WhatsApp use
 * seconds (often as strings), Graph fields use ISO-8601 with `+0000`; values above 1e12 are ms.
 */
export function toEpochMs(value: unknown): number | undefined {
  const n = asNumber(value);
  if (n !== undefined) return n >= 1e12 ? Math.round(n) : Math.round(n * 1000);
  if (typeof value === 'string') {
    // `2019-04-05T07:56:32+0000` lacks the colon Date.parse wants in some engines.
    const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** Splits a comma string or passes through a string array (permissions/scopes come in both shapes). */
export function asStringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asString).filter((s): s is string => s !== undefined && s !== '');
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return [];
}

// Keys ending in "id" whose value is a bare integer too long for a double (IG ids reach 17 digits).
const LARGE_ID_PATTERN = /"([A-Za-z_]*id)"(\s*:\s*)(-?\d{16,})(?=\s*[,}\]])/g;

/**
 * Quotes long numeric ids before `JSON.parse`, which would otherwise round them (e.g. an IG
 * `user_id` sent as a number). Only keys ending in `id` are touched; other numbers stay numbers.
 */
export function quoteLargeIds(jsonText: string): string {
  return jsonText.replace(LARGE_ID_PATTERN, '"$1"$2"$3"');
}

/** The object without its undefined fields: Meta omits what it does not know, and so do we. */
export function definedFields<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
