/**
 * The small part of `conf` / `electron-store` we use, so main-process code runs under plain
 * Node with `conf` and inside Electron with `electron-store` (same file format, same API).
 */
export interface JsonStore {
  readonly path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  readonly store: Record<string, unknown>;
}

/** Opens (or creates on first write) `<dir>/<name>.json`. */
export type JsonStoreFactory = (dir: string, name: string) => JsonStore;
