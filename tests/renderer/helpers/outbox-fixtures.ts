import type { OutboxItem } from '../../../src-preload/contract';

/** An outbox item as main returns it: a reply sent a minute before `now`, unless overridden. */
export function outboxItem(now: number, overrides: Partial<OutboxItem>): OutboxItem {
  return {
    id: 1,
    accountId: 1,
    kind: 'message',
    conversationId: 7,
    commentId: null,
    text: 'Hello',
    tag: null,
    state: 'sent',
    attempts: 1,
    nextAttemptAt: null,
    reasonCode: null,
    reason: null,
    createdAt: now - 60_000,
    sentAt: now - 60_000,
    ...overrides,
  };
}
