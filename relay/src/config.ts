/**
 * Relay configuration, from the environment (12-factor) with command-line overrides for port and
 * data folder. Secrets come only from the environment, never from arguments (which `ps` shows).
 */
import { resolve } from 'node:path';

export interface RelayConfig {
  /** Meta app secret(s) that sign webhooks and callbacks (Meta app; Instagram app if separate). */
  appSecrets: string[];
  metaAppId: string | null;
  instagramAppId: string | null;
  instagramAppSecret: string | null;
  verifyToken: string | null;
  host: string;
  port: number;
  dataDir: string;
  /** `redis://…` for Redis Streams; unset for SQLite in `dataDir`. */
  storageUrl: string | undefined;
  /** Public https URL the relay is reached at (for the deletion status link). */
  publicUrl: string | null;
  retentionMs: number;
  maxBodyBytes: number;
  requestTimeoutMs: number;
  pairCodeTtlMs: number;
  /** Meta's hosts, overridable so tests and the emulator stand in. */
  graphBaseUrl: string;
  instagramGraphBaseUrl: string;
  instagramTokenUrl: string;
  graphVersion: string;
}

const DAY_MS = 86_400_000;

function positiveNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number (got "${value}")`);
  return n;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function loadConfig(env: NodeJS.ProcessEnv, overrides: { port?: number; dataDir?: string; host?: string } = {}): RelayConfig {
  const graphOverride = env.GRAPH_API_BASE_URL?.trim();
  const graphBaseUrl = trimSlash(graphOverride || 'https://graph.facebook.com');
  const appSecret = env.META_APP_SECRET?.trim() ?? '';
  const instagramAppSecret = env.INSTAGRAM_APP_SECRET?.trim() || null;
  return {
    appSecrets: [appSecret, instagramAppSecret ?? ''].filter(Boolean),
    metaAppId: env.META_APP_ID?.trim() || null,
    instagramAppId: env.INSTAGRAM_APP_ID?.trim() || env.META_APP_ID?.trim() || null,
    instagramAppSecret: instagramAppSecret ?? (appSecret || null),
    verifyToken: env.META_VERIFY_TOKEN?.trim() || null,
    host: overrides.host ?? env.RELAY_HOST?.trim() ?? '127.0.0.1',
    port: overrides.port ?? positiveNumber(env.PORT ?? env.RELAY_PORT, 8790, 'PORT'),
    dataDir: resolve(overrides.dataDir ?? env.RELAY_DATA_DIR ?? 'relay-data'),
    storageUrl: env.RELAY_STORAGE_URL?.trim() || undefined,
    publicUrl: env.RELAY_PUBLIC_URL?.trim() ? trimSlash(env.RELAY_PUBLIC_URL.trim()) : null,
    retentionMs: positiveNumber(env.RELAY_RETENTION_DAYS, 14, 'RELAY_RETENTION_DAYS') * DAY_MS,
    maxBodyBytes: positiveNumber(env.RELAY_MAX_BODY_BYTES, 1024 * 1024, 'RELAY_MAX_BODY_BYTES'),
    requestTimeoutMs: positiveNumber(env.RELAY_REQUEST_TIMEOUT_MS, 15_000, 'RELAY_REQUEST_TIMEOUT_MS'),
    pairCodeTtlMs: positiveNumber(env.RELAY_PAIR_CODE_MINUTES, 15, 'RELAY_PAIR_CODE_MINUTES') * 60_000,
    graphBaseUrl,
    // Same convention as the desktop app: the emulator serves the Instagram host under /ig.
    instagramGraphBaseUrl: trimSlash(env.GRAPH_API_INSTAGRAM_BASE_URL?.trim() || (graphOverride ? `${graphBaseUrl}/ig` : 'https://graph.instagram.com')),
    instagramTokenUrl: graphOverride ? `${graphBaseUrl}/ig/oauth/access_token` : 'https://api.instagram.com/oauth/access_token',
    graphVersion: env.GRAPH_API_VERSION?.trim() || 'v25.0',
  };
}
