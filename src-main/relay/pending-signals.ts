/**
 * Reactions, seen receipts and edits that arrive before the message they name. Meta gives no
 * ordering between webhooks (each is retried on its own, and Messenger removed the per-event
 * `seq`), and the sync that reads a thread may run after its webhooks, so such a signal is kept
 * (migration 014, in the encrypted store) and applied when the message is stored, by its own
 * webhook or by a sync. Applying goes through the same order-safe writes as a live signal, so a
 * redelivery before or after changes nothing. Unapplied signals leave after PENDING_SIGNAL_WINDOW_MS.
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-deliveries (`seq` removed)
 */
import { DAY_MS } from '../core/time';
import type { MessageEditEvent, ReactionEvent, ReadEvent } from '../meta/webhook-types';
import type { Repositories } from '../store/repositories';
import { applyEdit, applyReaction, applyRead, type SignalOutcome } from './apply-signals';

export type MessageSignal = ReactionEvent | ReadEvent | MessageEditEvent;

/** How long a signal waits for its message: Meta retries a failing webhook for about a day and a half, a sync runs at least daily. */
export const PENDING_SIGNAL_WINDOW_MS = 7 * DAY_MS;

/** The other party of a signal: the person who reacted, read or edited, or the one the business reacted to. */
function personOf(e: MessageSignal): string {
  return e.senderId === e.entryId ? e.recipientId : e.senderId;
}

/** Keeps a signal whose message is not stored yet; returns false when the same event is already waiting. */
export function holdSignal(repos: Repositories, accountId: number, e: MessageSignal, now: number): boolean {
  const mid = e.mid ?? '';
  if (e.type !== 'read' && !mid) return false;
  return repos.messageSignals.holdPending({
    accountId,
    platform: e.platform,
    kind: e.type,
    messageExternalId: mid,
    personExternalId: personOf(e),
    byBusiness: e.senderId === e.entryId,
    happenedAt: e.timestampMs,
    receivedAt: now,
    event: JSON.stringify(e),
  });
}

export interface ArrivedMessage {
  accountId: number;
  platform: 'instagram' | 'messenger';
  /** Meta's `mid`. */
  externalId: string;
  /** The IGSID/PSID of the person the thread is with. */
  personExternalId: string;
  isDeleted?: boolean;
  /** 'graph': read by a sync after the signals happened, so its text is already the edited one. */
  origin: 'webhook' | 'graph';
}

/** Applies the signals that were waiting for a message just stored; returns how many changed it. */
export function settlePendingSignals(repos: Repositories, arrived: ArrivedMessage, now: number): number {
  const signals = repos.messageSignals;
  if (arrived.isDeleted) {
    signals.dropPendingForMessage(arrived.accountId, arrived.externalId);
    return 0;
  }
  const accountFor = () => arrived.accountId;
  let applied = 0;
  for (const pending of signals.pendingFor(arrived.accountId, arrived.platform, arrived.externalId, arrived.personExternalId)) {
    const e = JSON.parse(pending.event) as MessageSignal;
    let outcome: SignalOutcome;
    if (e.type === 'reaction') outcome = applyReaction(repos, accountFor, e);
    else if (e.type === 'message-edit') outcome = applyEdit(repos, accountFor, e, arrived.origin === 'graph');
    else outcome = applyRead(repos, accountFor, e, now);
    if (outcome === 'message-unknown') continue;
    signals.dropPending(pending.id);
    if (outcome === 'stored') applied += 1;
  }
  return applied;
}

/** Drops signals that waited longer than the window for a message that never came. */
export function dropExpiredSignals(repos: Repositories, now: number): number {
  return repos.messageSignals.dropPendingReceivedBefore(now - PENDING_SIGNAL_WINDOW_MS);
}
