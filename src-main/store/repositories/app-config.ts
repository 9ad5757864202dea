import { prepareCached, type Db } from '../database';

export type AppConfigKey =
  | 'facebook_app_id'
  | 'facebook_app_secret'
  | 'instagram_app_id'
  | 'instagram_app_secret'
  | 'instagram_redirect_uri'
  /** The demo workspace's emulator world (scenario, seed, creation time), so it can be rebuilt live. */
  | 'demo_world'
  /** Public page where a person reads the status of their deletion request (the relay's; Meta's callback contract). */
  | 'deletion_status_base_url';

/** Key/value settings that must not sit in the plain settings file. */
export class AppConfigRepository {
  constructor(private readonly db: Db) {}

  get(key: AppConfigKey): string | null {
    const row = prepareCached(this.db, 'SELECT value FROM app_config WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** Sets a value; an empty string or null clears it. */
  set(key: AppConfigKey, value: string | null, now: number): void {
    if (value === null || value === '') prepareCached(this.db, 'DELETE FROM app_config WHERE key = ?').run(key);
    else
      prepareCached(this.db, 'INSERT INTO app_config (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
        key,
        value,
        now,
      );
  }
}
