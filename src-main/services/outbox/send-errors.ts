/**
 * Meta's answers to a send or a comment action, in plain words and with what the outbox does
 * next: try again later (offline, rate limited, Meta down), wait for a reconnect (token expired),
 * or stop (window closed, person unavailable, rejected). Codes from Meta's Messenger Platform
 * error-codes page (https://developers.facebook.com/documentation/business-messaging/messenger-platform/error-codes)
 * and the Graph API error-handling guide: 10/2018278 (Messenger) and 10/2534022 (Instagram) outside
 * the window, 551/1545041 person unavailable, 613/4/17/32/8000x rate limits, 190 token problems,
 * 10 and 200-299 a permission the account did not grant (pages_messaging,
 * instagram_manage_messages…): only a reconnect that grants it helps.
 */
import type { OutboxKind, OutboxReasonCode } from '../../../src-preload/outbox-types';
import { GraphApiError, isMetaApiError } from '../../meta/errors';

export type RetryPolicy = 'backoff' | 'reconnect' | 'never';

export interface SendFailure {
  code: OutboxReasonCode;
  reason: string;
  retry: RetryPolicy;
  /** Meta's own estimate of when to try again, when it gave one. */
  retryAfterMs?: number;
  /** The longest wait between tries; only for failures that never reached Meta. */
  maxBackoffMs?: number;
}

/**
 * No connection at all costs Meta nothing, so the outbox keeps looking at most once a minute:
 * when the network is back the reply goes within a minute, not after a 15-minute back-off.
 */
export const OFFLINE_MAX_BACKOFF_MS = 60_000;

/** Back-off for retryable failures: 30 s, 1, 2, 4 … minutes, at most 15 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(15 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** A closed window said for what was sent: a DM waits for them to write; a private reply is bound to its comment. */
function windowClosedFailure(kind: OutboxKind | undefined, message: string): SendFailure {
  if (/already/i.test(message)) {
    return { code: 'rejected', reason: 'Meta refused it: this comment already has its private reply (Meta allows one per comment).', retry: 'never' };
  }
  if (kind === 'private_reply') {
    return { code: 'window-closed', reason: 'Meta refused it: a private reply is allowed only within 7 days of the comment.', retry: 'never' };
  }
  return { code: 'window-closed', reason: 'Meta refused it: the reply window has closed. Wait for them to write again.', retry: 'never' };
}

/** Classifies whatever a send (of `kind`, when known) threw. */
export function classifySendError(error: unknown, kind?: OutboxKind): SendFailure {
  if (error instanceof GraphApiError && (error.code === 551 || error.subcode === 1545041)) {
    return { code: 'person-unavailable', reason: 'This person isn’t available right now: they may have turned off messages from businesses or blocked the account. Meta does not say which.', retry: 'never' };
  }
  if (!isMetaApiError(error)) {
    return { code: 'rejected', reason: `Social Desk could not send this: ${error instanceof Error ? error.message : String(error)}`, retry: 'never' };
  }
  const retryAfter = error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {};
  switch (error.kind) {
    case 'outside-window':
      return windowClosedFailure(kind, error.message);
    case 'rate-limited':
      return { code: 'rate-limited', reason: 'Meta is limiting how fast this account may send; it goes out automatically once Meta allows it.', retry: 'backoff', ...retryAfter };
    case 'permission':
      return {
        code: 'permission-missing',
        reason: `Meta refused it: a permission is missing for this account (Meta said “${error.message}”). Reconnect the account and allow managing messages and comments; this is sent once it is reconnected.`,
        retry: 'reconnect',
      };
    case 'auth-expired':
    case 'auth-invalid':
      return { code: 'token-expired', reason: 'The account’s access to Meta expired or was withdrawn. Reconnect the account; this is sent as soon as it is reconnected.', retry: 'reconnect' };
    case 'offline':
      return { code: 'offline', reason: 'No connection to Meta. It is kept here and sent when the connection is back.', retry: 'backoff', maxBackoffMs: OFFLINE_MAX_BACKOFF_MS };
    case 'timeout':
      // A timed-out call may have reached Meta: back off as for Meta's own trouble.
      return { code: 'offline', reason: 'No connection to Meta. It is kept here and sent when the connection is back.', retry: 'backoff' };
    case 'transient':
    case 'malformed':
      return { code: 'meta-unavailable', reason: 'Meta had a temporary problem; it is tried again shortly.', retry: 'backoff' };
    case 'not-found':
      return { code: 'not-found', reason: 'Meta no longer has this conversation or comment (deleted, or no longer accessible).', retry: 'never' };
    default:
      return { code: 'rejected', reason: `Meta refused it: ${error.message}`, retry: 'never' };
  }
}
