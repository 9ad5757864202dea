import { mkdirSync } from 'node:fs';
import { RedisStorage } from './redis';
import { SqliteStorage } from './sqlite';
import type { RelayStorage } from './types';

/**
 * Opens the configured storage: `redis://…` (or `rediss://`) selects Redis Streams, anything else
 * (or nothing) the SQLite file in the data folder.
 */
export function openStorage(options: { storageUrl?: string | undefined; dataDir: string; retentionMs: number }, onError?: (error: Error) => void): RelayStorage {
  if (options.storageUrl && /^rediss?:\/\//.test(options.storageUrl)) return new RedisStorage(options.storageUrl, options.retentionMs, onError);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  return new SqliteStorage(options.dataDir);
}
