/**
 * The desktop end of the relay: pairs this device, listens to the event stream with reconnect and
 * back-off, opens each envelope, stores its events in one transaction with the new sequence number,
 * and only then acknowledges. Delivery is at least once; storage is idempotent (seq and Meta ids),
 * so each event takes effect once.
 *
 * Polling stays the source of truth: after a reconnect, a gap in sequence numbers, or an event the
 * store cannot complete alone, an incremental sync runs, and the messages it adds are counted as
 * "recovered by sync" so webhooks Meta dropped become visible.
 */
import { hostname } from 'node:os';
import type { RelayStatusView } from '../../src-preload/contract';
import { parseWebhookBody, type WebhookEvent } from '../meta/webhooks';
import type { Repositories } from '../store/repositories';
import { applyWebhookEvents } from './apply-webhook';
import { checkpoint } from '../store/database';
import { EnvelopeContentError, parseEnvelopeContent, type EnvelopeContent } from './envelope-content';
import { generateDeviceKeys, openSealed, RelayDecryptError } from './device-keys';
import { RelayLinkStore } from './link-store';
import { MetaCallbacks, type GrantingUserLookup } from './meta-callbacks';
import { readEnvelopes, type RelayTransport } from './event-transport';
import { ackEnvelopes, normaliseRelayUrl, pairDevice, RelayRequestError, reportDeletionDone, type WireEnvelope } from './relay-http';

export type RelayConnection = RelayStatusView['connection'];

/** The status the UI and the CLI show (the contract's type). */
export type RelayStatus = RelayStatusView;

export interface StoredEnvelope {
  seq: number;
  arrivedAt: number;
  committedAt: number;
  messagesStored: number;
  /** Reactions, edits and seen receipts that changed a stored thread. */
  signalsStored: number;
  /** New or changed comments (the Inbox badge and the notifier count new ones). */
  commentsStored: number;
}

export interface RelayServiceDeps {
  repos: Repositories;
  now: () => number;
  /** An incremental sync of every connected account. */
  syncNow: () => Promise<void>;
  /** Called after each envelope is committed (UI refresh, benchmarks). */
  onStored?: (e: StoredEnvelope) => void;
  onStatus?: (s: RelayStatus) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Who granted an account's Facebook token (debug_token), for Meta's deletion and deauthorize callbacks. */
  grantingUser?: GrantingUserLookup;
  /** The text-only DMs setting, read for each event. */
  textOnly?: () => boolean;
  backoff?: { initialMs: number; maxMs: number };
  /** How long SSE may take to say `ready` before long polling takes over (event-transport.ts). */
  sseReadyTimeoutMs?: number;
}

export interface ListenSummary {
  envelopes: number;
  messagesStored: number;
  reconnects: number;
  messagesRecoveredBySync: number;
}

const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

export class RelayService {
  readonly links: RelayLinkStore;
  private connection: RelayConnection = 'offline';
  private lastError: string | null = null;
  private unacked: number[] = [];
  /** SSE until it proves unusable on this path; then long polling for the rest of this listen. */
  private transport: { mode: RelayTransport } = { mode: 'sse' };

  readonly callbacks: MetaCallbacks;

  constructor(private readonly deps: RelayServiceDeps) {
    this.links = new RelayLinkStore(deps.repos.db);
    this.callbacks = new MetaCallbacks({
      repos: deps.repos,
      links: this.links,
      now: deps.now,
      ...(deps.grantingUser ? { grantingUser: deps.grantingUser } : {}),
      reportDone: async (code) => {
        const link = this.links.get();
        if (!link) throw new RelayRequestError('unauthorized', 'This device is not paired with a relay.');
        await reportDeletionDone(link.relayUrl, link.deviceToken, code);
      },
    });
  }

  /** Makes a key pair, pairs with the relay using its one-time code, keeps the private key in the store. */
  async pair(url: string, code: string, name = `Social Desk on ${hostname()}`): Promise<RelayStatus> {
    const relayUrl = normaliseRelayUrl(url);
    const keys = await generateDeviceKeys();
    const { deviceId, token } = await pairDevice(relayUrl, { code, name, publicKey: Buffer.from(keys.publicKey).toString('base64') });
    this.links.save({ relayUrl, deviceId, deviceToken: token, publicKey: keys.publicKey, secretKey: keys.secretKey, pairedAt: this.deps.now() });
    keys.secretKey.fill(0);
    this.lastError = null;
    return this.status();
  }

  unpair(): void {
    this.links.clear();
    this.connection = 'offline';
  }

  status(): RelayStatus {
    const link = this.links.get();
    return {
      connection: link ? this.connection : 'not-paired',
      relayUrl: link?.relayUrl ?? null,
      deviceId: link?.deviceId ?? null,
      pairedAt: link?.pairedAt ?? null,
      eventsReceived: link?.eventsReceived ?? 0,
      lastEventAt: link?.lastEventAt ?? null,
      lastLagMs: link?.lastEventAt != null && link.lastEventArrivedAt != null ? Math.max(0, link.lastEventAt - link.lastEventArrivedAt) : null,
      gapsDetected: link?.gapsDetected ?? 0,
      messagesRecoveredBySync: link?.messagesRecoveredBySync ?? 0,
      lastError: this.lastError,
      transport: link && this.connection === 'connected' ? this.transport.mode : null,
    };
  }

  private setConnection(c: RelayConnection, error: string | null = this.lastError): void {
    this.connection = c;
    this.lastError = error;
    this.deps.onStatus?.(this.status());
  }

  /** Runs an incremental sync and counts the messages it added that no webhook had brought. */
  async recoverBySync(): Promise<number> {
    const before = this.links.countMessages();
    try {
      await this.deps.syncNow();
    } catch (error) {
      this.lastError = `The catch-up sync failed: ${(error as Error).message}`;
    }
    const recovered = Math.max(0, this.links.countMessages() - before);
    if (recovered > 0) this.links.addRecovered(recovered);
    return recovered;
  }

  /** Opens, stores (one transaction with the seq) and acknowledges one envelope. */
  async handleEnvelope(envelope: WireEnvelope): Promise<StoredEnvelope | null> {
    const link = this.links.get();
    if (!link) throw new RelayRequestError('unauthorized', 'This device is not paired with a relay.');
    if (envelope.seq <= link.lastSeq) {
      // Stored before, but the acknowledgement was lost: acknowledge again, store nothing.
      await this.ack(link.relayUrl, link.deviceToken, envelope.seq);
      return null;
    }
    let content: EnvelopeContent | null = null;
    try {
      content = parseEnvelopeContent(await openSealed(envelope.ciphertext, link.publicKey, link.secretKey));
    } catch (error) {
      if (!(error instanceof RelayDecryptError || error instanceof EnvelopeContentError)) throw error;
      this.lastError = (error as Error).message;
    }
    let events: WebhookEvent[] = [];
    if (content?.kind === 'webhook') {
      try {
        events = parseWebhookBody(content.body);
      } catch (error) {
        // The relay checked Meta's signature, so this is Meta's body; if it cannot be read, skip it
        // (it would fail the same way on every redelivery) and let the sync fill in.
        if (!(error instanceof SyntaxError)) throw error;
        this.lastError = `A webhook from Meta could not be read (${error.message}); it was skipped and a sync will fill in.`;
        content = null;
      }
    }
    const gap = link.lastSeq > 0 && envelope.seq > link.lastSeq + 1;
    const { repos, now } = this.deps;
    let messagesStored = 0;
    let signalsStored = 0;
    let commentsStored = 0;
    let needsSync = gap || content === null;
    let textsReplaced = 0;
    repos.db.transaction(() => {
      if (content?.kind === 'webhook') {
        const result = applyWebhookEvents(repos, events, now(), { textOnly: this.deps.textOnly?.() ?? false });
        messagesStored = result.messagesStored;
        signalsStored = result.signalsStored;
        commentsStored = result.commentsStored;
        textsReplaced = result.textsReplaced;
        needsSync ||= result.needsSync;
      } else if (content) {
        this.callbacks.store(content);
      }
      this.links.advance(envelope.seq, now(), envelope.arrivedAt, gap);
    })();
    // The person edited those words away: keep only the newest text, in the -wal as in the file.
    if (textsReplaced > 0) checkpoint(repos.db);
    const stored = { seq: envelope.seq, arrivedAt: envelope.arrivedAt, committedAt: now(), messagesStored, signalsStored, commentsStored };
    this.deps.onStored?.(stored);
    await this.ack(link.relayUrl, link.deviceToken, envelope.seq);
    if (needsSync) await this.recoverBySync();
    return stored;
  }

  private async ack(relayUrl: string, token: string, seq: number): Promise<void> {
    this.unacked.push(seq);
    try {
      await ackEnvelopes(relayUrl, token, this.unacked);
      this.unacked = [];
    } catch (error) {
      // Kept for the next ack; the relay redelivers meanwhile and handleEnvelope skips by seq.
      if (error instanceof RelayRequestError && error.failure === 'unauthorized') throw error;
    }
  }

  /**
   * Notes who granted each Facebook-login token and tells the relay about deletion requests staff
   * carried out (its status page then says done). Failures wait for the next connection.
   */
  async followUpMetaCallbacks(options: { noteGrants: boolean } = { noteGrants: true }): Promise<string[]> {
    if (!this.links.get()) return [];
    try {
      if (options.noteGrants) await this.callbacks.noteGrants();
      return await this.callbacks.reportCarriedOut();
    } catch (error) {
      this.lastError = `Telling the relay a deletion was done failed (${(error as Error).message}); it is retried on the next connection.`;
      return [];
    }
  }

  /**
   * Listens until `signal` aborts or, with `untilIdleMs`, until that long passes without an
   * envelope. Reconnects with exponential back-off (with jitter); a revoked device stops it.
   */
  async listen(options: { signal?: AbortSignal; untilIdleMs?: number } = {}): Promise<ListenSummary> {
    const outer = options.signal ?? new AbortController().signal;
    const sleep = this.deps.sleep ?? abortableSleep;
    const { initialMs, maxMs } = this.deps.backoff ?? { initialMs: 500, maxMs: 30_000 };
    const summary: ListenSummary = { envelopes: 0, messagesStored: 0, reconnects: 0, messagesRecoveredBySync: 0 };
    const recoveredAtStart = this.status().messagesRecoveredBySync;
    let attempt = 0;
    let connectedBefore = false;
    this.transport = { mode: 'sse' };
    const stop = new AbortController();
    outer.addEventListener('abort', () => stop.abort(), { once: true });
    let idleTimer: NodeJS.Timeout | undefined;
    const armIdle = () => {
      if (options.untilIdleMs === undefined) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => stop.abort(), options.untilIdleMs);
    };
    armIdle();
    try {
      while (!stop.signal.aborted) {
        const link = this.links.get();
        if (!link) throw new RelayRequestError('unauthorized', 'This device is not paired with a relay: run `relay pair` first.');
        this.setConnection('connecting');
        try {
          await readEnvelopes(link.relayUrl, link.deviceToken, this.transport, {
            ...(this.deps.sseReadyTimeoutMs !== undefined ? { readyTimeoutMs: this.deps.sseReadyTimeoutMs } : {}),
            // The relay keeps only what this device has not acknowledged, so ask from the start:
            // anything stored but not acknowledged (a crash in between) comes back and is skipped.
            after: 0,
            signal: stop.signal,
            onOpen: async () => {
              attempt = 0;
              this.links.connected(this.deps.now());
              this.setConnection('connected', null);
              // Whatever Meta sent while we were away and the relay did not hold (it was down,
              // or Meta gave up) only a sync can bring: run one on every reconnect.
              if (connectedBefore) await this.recoverBySync();
              connectedBefore = true;
              await this.followUpMetaCallbacks();
            },
            onEnvelope: async (envelope) => {
              const stored = await this.handleEnvelope(envelope);
              summary.envelopes += 1;
              summary.messagesStored += stored?.messagesStored ?? 0;
              armIdle();
            },
          });
        } catch (error) {
          if (stop.signal.aborted) break;
          if (error instanceof RelayRequestError && error.failure === 'unauthorized') {
            this.setConnection('offline', error.message);
            throw error;
          }
          this.setConnection('offline', error instanceof Error ? error.message : String(error));
        }
        if (stop.signal.aborted) break;
        summary.reconnects += 1;
        const delay = Math.min(maxMs, initialMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
        attempt += 1;
        await sleep(delay, stop.signal);
      }
    } finally {
      clearTimeout(idleTimer);
      if (this.connection !== 'not-paired') this.setConnection('offline');
    }
    summary.messagesRecoveredBySync = this.status().messagesRecoveredBySync - recoveredAtStart;
    return summary;
  }
}
