/** Named operations on the relay pairing (`relay_link`) and Meta's callback requests. */
import { prepareCached, type Db } from '../store/database';

export interface RelayLink {
  relayUrl: string;
  deviceId: string;
  deviceToken: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  pairedAt: number;
  lastSeq: number;
  eventsReceived: number;
  lastEventAt: number | null;
  /** When the relay received the newest event this device stored (lag = lastEventAt − this). */
  lastEventArrivedAt: number | null;
  lastConnectedAt: number | null;
  gapsDetected: number;
  messagesRecoveredBySync: number;
}

interface LinkRow {
  relay_url: string;
  device_id: string;
  device_token: string;
  public_key: Buffer;
  secret_key: Buffer;
  paired_at: number;
  last_seq: number;
  events_received: number;
  last_event_at: number | null;
  last_event_arrived_at: number | null;
  last_connected_at: number | null;
  gaps_detected: number;
  messages_recovered_by_sync: number;
}

export interface MetaRequestInput {
  kind: 'data-deletion' | 'deauthorize';
  appUserId: string;
  confirmationCode?: string;
  statusUrl?: string;
}

export class RelayLinkStore {
  constructor(private readonly db: Db) {}

  get(): RelayLink | null {
    const r = prepareCached(this.db, 'SELECT * FROM relay_link WHERE id = 1').get() as LinkRow | undefined;
    if (!r) return null;
    return {
      relayUrl: r.relay_url,
      deviceId: r.device_id,
      deviceToken: r.device_token,
      publicKey: new Uint8Array(r.public_key),
      secretKey: new Uint8Array(r.secret_key),
      pairedAt: r.paired_at,
      lastSeq: r.last_seq,
      eventsReceived: r.events_received,
      lastEventAt: r.last_event_at,
      lastEventArrivedAt: r.last_event_arrived_at,
      lastConnectedAt: r.last_connected_at,
      gapsDetected: r.gaps_detected,
      messagesRecoveredBySync: r.messages_recovered_by_sync,
    };
  }

  /** Replaces any previous pairing (a new pairing starts counting afresh). */
  save(link: Pick<RelayLink, 'relayUrl' | 'deviceId' | 'deviceToken' | 'publicKey' | 'secretKey' | 'pairedAt'>): void {
    prepareCached(this.db, 'DELETE FROM relay_link').run();
    prepareCached(this.db, 'INSERT INTO relay_link (id, relay_url, device_id, device_token, public_key, secret_key, paired_at) VALUES (1, ?, ?, ?, ?, ?, ?)').run(
      link.relayUrl,
      link.deviceId,
      link.deviceToken,
      Buffer.from(link.publicKey),
      Buffer.from(link.secretKey),
      link.pairedAt,
    );
  }

  clear(): void {
    prepareCached(this.db, 'DELETE FROM relay_link').run();
  }

  /** Records that the envelope `seq` was stored; call inside the transaction that stored it. */
  advance(seq: number, now: number, arrivedAt: number, gap: boolean): void {
    prepareCached(this.db, 
      `UPDATE relay_link SET last_seq = max(last_seq, ?), events_received = events_received + 1, last_event_at = ?,
         last_event_arrived_at = ?, gaps_detected = gaps_detected + ? WHERE id = 1`,
    ).run(seq, now, arrivedAt, gap ? 1 : 0);
  }

  connected(now: number): void {
    prepareCached(this.db, 'UPDATE relay_link SET last_connected_at = ? WHERE id = 1').run(now);
  }

  addRecovered(messages: number): void {
    prepareCached(this.db, 'UPDATE relay_link SET messages_recovered_by_sync = messages_recovered_by_sync + ? WHERE id = 1').run(messages);
  }

  addMetaRequest(r: MetaRequestInput, now: number): void {
    prepareCached(this.db, 
      'INSERT OR IGNORE INTO relay_meta_requests (kind, app_user_id, confirmation_code, status_url, received_at) VALUES (?, ?, ?, ?, ?)',
    ).run(r.kind, r.appUserId, r.confirmationCode ?? null, r.statusUrl ?? null, now);
  }

  pendingDeletionCodes(): string[] {
    const rows = prepareCached(this.db, "SELECT confirmation_code FROM relay_meta_requests WHERE kind = 'data-deletion' AND completed_at IS NULL").all() as Array<{ confirmation_code: string }>;
    return rows.map((r) => r.confirmation_code);
  }

  /** Marks a deletion reported done and forgets whose it was (the code and times remain). */
  completeDeletion(code: string, now: number): boolean {
    return prepareCached(this.db, "UPDATE relay_meta_requests SET completed_at = ?, app_user_id = '' WHERE confirmation_code = ? AND completed_at IS NULL").run(now, code).changes === 1;
  }

  countMessages(): number {
    return (prepareCached(this.db, 'SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  }
}
