/**
 * SQLite storage: one file beside the relay (`relay.db` in the data folder). The copies of an
 * envelope live in `sealed`, one row per device; acking deletes the device's row, so an envelope
 * disappears when its last copy does. WAL + secure_delete so acked ciphertext does not linger.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { CounterName, DeletionRequest, Device, RelayStorage, SealedEnvelope } from './types';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS pair_codes (code_hash TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, used_at INTEGER) STRICT;
  CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, public_key TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
    paired_at INTEGER NOT NULL, last_seen_at INTEGER, revoked_at INTEGER
  ) STRICT;
  CREATE TABLE IF NOT EXISTS sealed (
    seq INTEGER NOT NULL, device_id TEXT NOT NULL, arrived_at INTEGER NOT NULL, ciphertext BLOB NOT NULL,
    PRIMARY KEY (device_id, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS sealed_by_arrival ON sealed (arrived_at);
  CREATE TABLE IF NOT EXISTS sequence (id INTEGER PRIMARY KEY CHECK (id = 1), last_seq INTEGER NOT NULL) STRICT;
  INSERT OR IGNORE INTO sequence (id, last_seq) VALUES (1, 0);
  CREATE TABLE IF NOT EXISTS seen_signatures (signature TEXT PRIMARY KEY, seen_at INTEGER NOT NULL) STRICT, WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS deletion_requests (code TEXT PRIMARY KEY, received_at INTEGER NOT NULL, completed_at INTEGER) STRICT;
  CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT, WITHOUT ROWID;
`;

interface DeviceRow {
  id: string;
  name: string;
  public_key: string;
  paired_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}

const toDevice = (r: DeviceRow): Device => ({ id: r.id, name: r.name, publicKey: r.public_key, pairedAt: r.paired_at, lastSeenAt: r.last_seen_at, revokedAt: r.revoked_at });

export class SqliteStorage implements RelayStorage {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly events = new EventEmitter();

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'relay.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.events.setMaxListeners(0);
  }

  async createPairCode(codeHash: string, expiresAt: number): Promise<void> {
    this.db.prepare('INSERT INTO pair_codes (code_hash, expires_at) VALUES (?, ?)').run(codeHash, expiresAt);
  }

  async consumePairCode(codeHash: string, now: number): Promise<boolean> {
    return this.db.prepare('UPDATE pair_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?').run(now, codeHash, now).changes === 1;
  }

  async addDevice(device: Device, tokenHash: string): Promise<void> {
    this.db
      .prepare('INSERT INTO devices (id, name, public_key, token_hash, paired_at, last_seen_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(device.id, device.name, device.publicKey, tokenHash, device.pairedAt, device.lastSeenAt, device.revokedAt);
  }

  async deviceByTokenHash(tokenHash: string): Promise<Device | null> {
    const row = this.db.prepare('SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash) as DeviceRow | undefined;
    return row ? toDevice(row) : null;
  }

  async listDevices(): Promise<Device[]> {
    return (this.db.prepare('SELECT * FROM devices ORDER BY paired_at').all() as DeviceRow[]).map(toDevice);
  }

  async revokeDevice(id: string, now: number): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes === 1;
      if (changed) this.db.prepare('DELETE FROM sealed WHERE device_id = ?').run(id);
      return changed;
    })();
  }

  async touchDevice(id: string, now: number): Promise<void> {
    this.db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, id);
  }

  async append(arrivedAt: number, sealedByDevice: ReadonlyMap<string, Uint8Array>): Promise<number> {
    const seq = this.db.transaction(() => {
      const { last_seq } = this.db.prepare('UPDATE sequence SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq').get() as { last_seq: number };
      const insert = this.db.prepare('INSERT INTO sealed (seq, device_id, arrived_at, ciphertext) VALUES (?, ?, ?, ?)');
      for (const [deviceId, ciphertext] of sealedByDevice) insert.run(last_seq, deviceId, arrivedAt, Buffer.from(ciphertext));
      return last_seq;
    })();
    this.events.emit('append');
    return seq;
  }

  async pending(deviceId: string, afterSeq: number, limit: number): Promise<SealedEnvelope[]> {
    const rows = this.db
      .prepare('SELECT seq, arrived_at, ciphertext FROM sealed WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(deviceId, afterSeq, limit) as Array<{ seq: number; arrived_at: number; ciphertext: Buffer }>;
    return rows.map((r) => ({ seq: r.seq, arrivedAt: r.arrived_at, ciphertext: r.ciphertext.toString('base64') }));
  }

  async ack(deviceId: string, seqs: readonly number[]): Promise<number> {
    const remove = this.db.prepare('DELETE FROM sealed WHERE device_id = ? AND seq = ?');
    return this.db.transaction(() => seqs.reduce((n, seq) => n + remove.run(deviceId, seq).changes, 0))();
  }

  async expire(cutoff: number): Promise<number> {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM seen_signatures WHERE seen_at < ?').run(cutoff);
      this.db.prepare('DELETE FROM pair_codes WHERE expires_at < ?').run(cutoff);
      return this.db.prepare('DELETE FROM sealed WHERE arrived_at < ?').run(cutoff).changes;
    })();
  }

  async pendingCount(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM sealed').get() as { n: number }).n;
  }

  async rememberSignature(signatureHex: string, now: number): Promise<boolean> {
    return this.db.prepare('INSERT OR IGNORE INTO seen_signatures (signature, seen_at) VALUES (?, ?)').run(signatureHex.toLowerCase(), now).changes === 1;
  }

  async addDeletionRequest(code: string, now: number): Promise<void> {
    this.db.prepare('INSERT INTO deletion_requests (code, received_at) VALUES (?, ?)').run(code, now);
  }

  async deletionRequest(code: string): Promise<DeletionRequest | null> {
    const row = this.db.prepare('SELECT code, received_at, completed_at FROM deletion_requests WHERE code = ?').get(code) as
      | { code: string; received_at: number; completed_at: number | null }
      | undefined;
    return row ? { code: row.code, receivedAt: row.received_at, completedAt: row.completed_at } : null;
  }

  async completeDeletionRequest(code: string, now: number): Promise<boolean> {
    return this.db.prepare('UPDATE deletion_requests SET completed_at = coalesce(completed_at, ?) WHERE code = ?').run(now, code).changes === 1;
  }

  async increment(counter: CounterName): Promise<void> {
    this.db.prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1').run(counter);
  }

  async counters(): Promise<Record<string, number>> {
    const rows = this.db.prepare('SELECT name, value FROM counters').all() as Array<{ name: string; value: number }>;
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  }

  onAppend(listener: () => void): () => void {
    this.events.on('append', listener);
    return () => this.events.off('append', listener);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
