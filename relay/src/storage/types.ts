/**
 * What the relay keeps, behind one interface with a SQLite and a Redis Streams implementation.
 * Nothing here is readable customer data: envelopes are sealed per device, device tokens and
 * pairing codes are stored as SHA-256 hashes, deletion requests as a code and a status.
 */

export interface Device {
  id: string;
  name: string;
  /** X25519 public key, base64. */
  publicKey: string;
  pairedAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
}

/** One sealed envelope as a device receives it. */
export interface SealedEnvelope {
  seq: number;
  arrivedAt: number;
  /** `crypto_box_seal` output, base64. */
  ciphertext: string;
}

export interface DeletionRequest {
  code: string;
  receivedAt: number;
  completedAt: number | null;
}

/** Counters an operator reads with `devices list` / `stats`; never anything about content. */
export type CounterName = 'webhooks_accepted' | 'webhooks_bad_signature' | 'webhooks_replayed' | 'callbacks_bad_signature' | 'pairings' | 'pairings_refused';

export interface RelayStorage {
  readonly kind: 'sqlite' | 'redis';

  createPairCode(codeHash: string, expiresAt: number): Promise<void>;
  /** Marks the code used if it exists, is unused and not expired; true on success (one use only). */
  consumePairCode(codeHash: string, now: number): Promise<boolean>;

  addDevice(device: Device, tokenHash: string): Promise<void>;
  /** The active (not revoked) device holding this token hash. */
  deviceByTokenHash(tokenHash: string): Promise<Device | null>;
  listDevices(): Promise<Device[]>;
  /** Revokes a device and drops what was sealed for it; false if unknown or already revoked. */
  revokeDevice(id: string, now: number): Promise<boolean>;
  touchDevice(id: string, now: number): Promise<void>;

  /**
   * Stores one envelope sealed separately for each device (ciphertext by device id) under the
   * next sequence number, and returns that number.
   */
  append(arrivedAt: number, sealedByDevice: ReadonlyMap<string, Uint8Array>): Promise<number>;
  /** The device's envelopes with seq > afterSeq, oldest first. */
  pending(deviceId: string, afterSeq: number, limit: number): Promise<SealedEnvelope[]>;
  /** Drops the device's copies of these envelopes; an envelope is gone once every device acked. */
  ack(deviceId: string, seqs: readonly number[]): Promise<number>;
  /** Drops every copy that arrived before `cutoff` (the retention window); returns how many. */
  expire(cutoff: number): Promise<number>;
  /** Envelope copies still waiting for some device. */
  pendingCount(): Promise<number>;

  /** Records a webhook signature; false if it was already seen (a replay) within retention. */
  rememberSignature(signatureHex: string, now: number): Promise<boolean>;

  addDeletionRequest(code: string, now: number): Promise<void>;
  deletionRequest(code: string): Promise<DeletionRequest | null>;
  completeDeletionRequest(code: string, now: number): Promise<boolean>;

  increment(counter: CounterName): Promise<void>;
  counters(): Promise<Record<string, number>>;

  /** Called after each append (from any relay instance sharing the storage). */
  onAppend(listener: () => void): () => void;
  close(): Promise<void>;
}
