/**
 * `/debug_token` inspection (meta-api.md §10): token type, validity, expiry (0 = never) and the
 * granular scopes whose `target_ids` show which Pages/IG accounts/WABAs were actually granted.
 */
import { z } from 'zod';
import type { GraphClient } from './graph-client';
import { asBoolean, asNumber, asRecord, asString, asStringList } from './json-access';
import { redactSecrets } from './redact';

/** Normalised `/debug_token` data. Times are epoch ms. */
export interface DebugTokenInfo {
  type: string;
  appId: string;
  application?: string;
  isValid: boolean;
  /** null = never expires (Meta sends 0). */
  expiresAt: number | null;
  dataAccessExpiresAt: number | null;
  issuedAt: number | null;
  scopes: string[];
  granularScopes: { scope: string; targetIds: string[] }[];
  userId?: string;
  error?: { code?: number; subcode?: number; message?: string };
}

/** Normalises the `data` object of `/debug_token` (times → epoch ms, 0 → null). */
export function normaliseDebugToken(data: unknown): DebugTokenInfo {
  const d = asRecord(data) ?? {};
  const epoch = (v: unknown): number | null => {
    const n = asNumber(v);
    return n === undefined || n === 0 ? null : n * 1000;
  };
  const granular = (Array.isArray(d.granular_scopes) ? d.granular_scopes : []).map((g) => {
    const r = asRecord(g) ?? {};
    return { scope: asString(r.scope) ?? '', targetIds: asStringList(r.target_ids) };
  });
  const err = asRecord(d.error);
  const userId = asString(d.user_id);
  const application = asString(d.application);
  return {
    type: asString(d.type) ?? 'UNKNOWN',
    appId: asString(d.app_id) ?? '',
    ...(application !== undefined ? { application } : {}),
    isValid: asBoolean(d.is_valid) ?? false,
    expiresAt: epoch(d.expires_at),
    dataAccessExpiresAt: epoch(d.data_access_expires_at),
    issuedAt: epoch(d.issued_at),
    scopes: asStringList(d.scopes),
    granularScopes: granular.filter((g) => g.scope !== ''),
    ...(userId !== undefined ? { userId } : {}),
    ...(err
      ? { error: { ...optionalNumber('code', err.code), ...optionalNumber('subcode', err.subcode), ...(asString(err.message) ? { message: redactSecrets(asString(err.message) ?? '') } : {}) } }
      : {}),
  };
}

function optionalNumber<K extends string>(key: K, value: unknown): Partial<Record<K, number>> {
  const n = asNumber(value);
  return n === undefined ? {} : ({ [key]: n } as Record<K, number>);
}

/** Inspects a token with `/debug_token` (needs an app token or a developer's user token). */
export async function debugToken(
  client: GraphClient,
  opts: { inputToken: string; appToken: string; signal?: AbortSignal },
): Promise<DebugTokenInfo> {
  const body = await client.get('debug_token', {
    token: opts.appToken,
    params: { input_token: opts.inputToken },
    schema: z.looseObject({ data: z.unknown() }),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return normaliseDebugToken(body.data);
}
