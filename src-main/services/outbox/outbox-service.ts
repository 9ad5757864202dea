/**
 * The outbox: every reply and comment action is written to the encrypted store before Meta is
 * called, marked "sending" (durably) just before the call, and "sent" with Meta's id in the same
 * transaction that records its local effect. What fails for a passing reason (offline, rate
 * limited, Meta down) is retried with back-off; an expired token waits for a reconnect; a refusal
 * (window closed, person unavailable) stops with its reason. An item found in "sending" by a new
 * run may have reached Meta before a crash: the thread is searched for it before sending again,
 * so a kill between send and record sends once.
 */
import type { CommentAction, OutboxItem, ThreadOutbox } from '../../../src-preload/outbox-types';
import { HUMAN_AGENT_WINDOW_MS, replyWindowAt } from '../../../src-preload/outbox-types';
import { AppError } from '../../core/app-error';
import type { GraphClient } from '../../meta/graph-client';
import type { Repositories } from '../../store/repositories';
import { publicItem, type OutboxRecord } from '../../store/repositories/outbox';
import { callMeta, findSent, type MetaResult } from './meta-calls';
import { recordEffect } from './record-effect';
import { checkCommentText, checkReplyText } from './reply-text';
import { backoffMs, classifySendError } from './send-errors';
import { sendRouteFor, type SendRoute } from './send-route';
import { usageKeysFor } from '../../meta/rate-governor';

/** Longer than this, a throttle wait is spent in the queue rather than inside the call. */
const MAX_INLINE_WAIT_MS = 2_000;

/** How long the client would hold this call back (a rate-limit pause or the usage throttle). */
function rateWaitMs(client: GraphClient, route: SendRoute, kind: OutboxRecord['kind'], now: number): number {
  const businessId = kind === 'message' || kind === 'private_reply' ? route.messages.businessId : route.comments.businessId;
  const keys = usageKeysFor(businessId);
  const paused = client.governor.snapshot().filter((e) => keys.includes(e.key) && e.pausedUntil !== undefined).map((e) => (e.pausedUntil as number) - now);
  return Math.max(0, client.governor.throttleDelayMs(keys), ...paused);
}

export type OutboxChange = 'outbox' | 'messages' | 'comments' | 'accounts';

export interface OutboxServiceOptions {
  repos: Repositories;
  now: () => number;
  /** The Graph client for an account (the live demo's emulator for demo accounts). */
  clientFor: (accountId: number) => Promise<GraphClient>;
  onChange?: (what: OutboxChange[]) => void;
  /** Test seam: runs after Meta accepted an item and before it is recorded (a crash happens here). */
  afterMetaAccepted?: (item: OutboxRecord) => Promise<void> | void;
}

export class OutboxService {
  private readonly inFlight = new Set<number>();
  private recovered = false;
  private timer: NodeJS.Timeout | null = null;
  private processing: Promise<void> | null = null;

  constructor(private readonly options: OutboxServiceOptions) {}

  private get repos(): Repositories {
    return this.options.repos;
  }

  /** The composer's view of a thread: Meta's window now and the thread's outbox items. */
  forThread(conversationId: number): ThreadOutbox {
    const conv = this.repos.replyTargets.conversation(conversationId);
    if (!conv) throw new AppError('NOT_FOUND', 'That conversation is no longer stored.');
    const window = replyWindowAt(conv.lastIncomingAt, this.repos.outbox.humanAgentAllowed(conv.accountId), this.options.now());
    return { accountId: conv.accountId, platform: conv.platform, window, items: this.repos.outbox.forConversation(conversationId).map(publicItem) };
  }

  list(limit: number): OutboxItem[] {
    return this.repos.outbox.list(limit).map(publicItem);
  }

  setHumanAgentAllowed(accountId: number, allowed: boolean): void {
    if (!this.repos.accounts.get(accountId)) throw new AppError('NOT_FOUND', 'That account is not connected.');
    this.repos.outbox.setHumanAgentAllowed(accountId, allowed, this.options.now());
    this.repos.audit.record(this.options.now(), 'messaging.human_agent', String(accountId), allowed ? 'on' : 'off');
    // The account's windows change: the inbox list and thread header re-read them with the composer.
    this.options.onChange?.(['outbox', 'accounts']);
  }

  /** Writes a reply to the outbox (refused up front when Meta's window forbids it) and tries it once. */
  async send(conversationId: number, text: string): Promise<OutboxItem> {
    const conv = this.repos.replyTargets.conversation(conversationId);
    if (!conv) throw new AppError('NOT_FOUND', 'That conversation is no longer stored.');
    const body = checkReplyText(text, conv.platform);
    const window = replyWindowAt(conv.lastIncomingAt, this.repos.outbox.humanAgentAllowed(conv.accountId), this.options.now());
    if (window.refusal) throw new AppError('FORBIDDEN', window.refusal);
    if (!conv.personExternalId) throw new AppError('NOT_FOUND', 'Meta has not told us who is in this conversation yet; sync it and try again.');
    const item = this.repos.outbox.enqueue(
      { accountId: conv.accountId, kind: 'message', conversationId, targetExternalId: conv.personExternalId, text: body, tag: window.state === 'human-agent' ? 'HUMAN_AGENT' : null },
      this.options.now(),
    );
    this.options.onChange?.(['outbox']);
    await this.attempt(item.id);
    return publicItem(this.repos.outbox.get(item.id) ?? item);
  }

  /** A comment action through the same outbox. */
  async act(commentId: number, request: CommentAction): Promise<OutboxItem> {
    const comment = this.repos.replyTargets.comment(commentId);
    if (!comment) throw new AppError('NOT_FOUND', 'That comment is no longer stored.');
    const now = this.options.now();
    let kind: OutboxRecord['kind'];
    let text: string | null = null;
    switch (request.action) {
      case 'reply':
        if (comment.hidden) throw new AppError('FORBIDDEN', 'Meta does not accept replies to a hidden comment. Unhide it first.');
        text = checkCommentText(request.text);
        kind = 'comment_reply';
        break;
      case 'private-reply':
        if (comment.isOwn) throw new AppError('FORBIDDEN', 'This is your own comment.');
        if (now - comment.createdAt > HUMAN_AGENT_WINDOW_MS) throw new AppError('FORBIDDEN', 'Meta allows a private reply only within 7 days of the comment; this one is older.');
        if (this.repos.outbox.hasPrivateReply(commentId)) throw new AppError('CONFLICT', 'This comment already has its private reply: Meta allows one per comment.');
        text = checkReplyText(request.text, comment.network === 'instagram' ? 'instagram' : 'messenger');
        kind = 'private_reply';
        break;
      case 'hide':
      case 'unhide':
        if (comment.isOwn) throw new AppError('FORBIDDEN', 'Your own comments cannot be hidden; delete it instead.');
        kind = request.action === 'hide' ? 'comment_hide' : 'comment_unhide';
        break;
      case 'delete':
        if (request.confirm !== 'DELETE') throw new AppError('INVALID_ARGUMENT', 'Deleting a comment needs confirmation.');
        kind = 'comment_delete';
        break;
    }
    const item = this.repos.outbox.enqueue({ accountId: comment.accountId, kind, commentId, targetExternalId: comment.externalId, text }, now);
    this.options.onChange?.(['outbox']);
    await this.attempt(item.id);
    return publicItem(this.repos.outbox.get(item.id) ?? item);
  }

  /** Tries failed and waiting items (or one) now; returns the outbox afterwards. */
  async retry(id: number | null): Promise<OutboxItem[]> {
    const now = this.options.now();
    this.repos.outbox.requeueFailed(id, now);
    this.repos.outbox.hurry(id, now);
    await this.processDue(true);
    return this.list(200);
  }

  /** Drops an unsent item. */
  discard(id: number): void {
    if (!this.repos.outbox.discard(id)) throw new AppError('NOT_FOUND', 'Only an item that has not been sent can be discarded.');
    this.options.onChange?.(['outbox']);
  }

  /** Resolves items stranded in "sending" (once per run), then sends what is due. */
  processDue(includeWaiting = false): Promise<void> {
    this.processing ??= this.runDue(includeWaiting).finally(() => {
      this.processing = null;
    });
    return this.processing;
  }

  private async runDue(includeWaiting: boolean): Promise<void> {
    if (!this.recovered) {
      this.recovered = true;
      for (const item of this.repos.outbox.stranded()) if (!this.inFlight.has(item.id)) await this.recover(item);
    }
    const due = this.repos.outbox.due(this.options.now(), true);
    for (const item of due) {
      // Items waiting for a reconnect go only once the account is active again (or when asked to).
      const account = this.repos.accounts.get(item.accountId);
      if (item.nextAttemptAt === null && !includeWaiting && account?.status !== 'active') continue;
      await this.attempt(item.id);
    }
  }

  /** A "sending" item from a run that ended mid-call: was it sent? Look before sending again. */
  private async recover(item: OutboxRecord): Promise<void> {
    const now = this.options.now();
    try {
      const client = await this.options.clientFor(item.accountId);
      const route = sendRouteFor(this.repos, item.accountId);
      const account = this.repos.accounts.get(item.accountId);
      const conv = item.conversationId ? this.repos.replyTargets.conversation(item.conversationId) : null;
      const comment = item.commentId ? this.repos.replyTargets.comment(item.commentId) : null;
      const found = await findSent(client, route, item, { ...(conv ? { conversationExternalId: conv.externalId } : {}), comment, businessId: account?.externalId ?? '' });
      if (found) {
        this.record(item, found);
        return;
      }
      this.repos.outbox.markWaiting(item.id, 'offline', 'Interrupted while sending; Meta has no trace of it, so it is sent again.', now, now);
    } catch (error) {
      const failure = classifySendError(error);
      this.repos.outbox.markWaiting(item.id, failure.code, `Interrupted while sending; checking whether it went out is waiting: ${failure.reason}`, now + backoffMs(item.attempts), now);
    }
  }

  /** One attempt at one item. Never throws: the outcome is the item's state. */
  async attempt(id: number): Promise<void> {
    if (this.inFlight.has(id)) return;
    this.inFlight.add(id);
    try {
      await this.attemptClaimed(id);
    } finally {
      this.inFlight.delete(id);
      this.options.onChange?.(['outbox']);
    }
  }

  private async attemptClaimed(id: number): Promise<void> {
    const repos = this.repos;
    const item = repos.outbox.get(id);
    if (!item || (item.state !== 'queued' && item.state !== 'failed')) return;
    const now = this.options.now();
    const account = repos.accounts.get(item.accountId);
    if (!account) return repos.outbox.markFailed(id, 'not-found', 'The account was removed.', now);
    if (account.status === 'needs_reconnect') {
      return repos.outbox.markWaiting(id, 'token-expired', 'The account needs to be reconnected; this is sent as soon as it is.', null, now);
    }
    if (item.kind === 'message') {
      // The window may have closed while the item waited: check again, and choose the tag now.
      const conv = repos.replyTargets.conversation(item.conversationId ?? 0);
      const window = replyWindowAt(conv?.lastIncomingAt ?? null, repos.outbox.humanAgentAllowed(item.accountId), now);
      if (window.refusal) return repos.outbox.markFailed(id, 'window-closed', window.refusal, now);
      item.tag = window.state === 'human-agent' ? 'HUMAN_AGENT' : null;
    }
    let client: GraphClient;
    try {
      client = await this.options.clientFor(item.accountId);
    } catch (error) {
      return this.fail(item, error);
    }
    // A send must not sit inside the client waiting out Meta's throttle: it waits here, visibly.
    const wait = rateWaitMs(client, sendRouteFor(repos, item.accountId), item.kind, now);
    if (wait > MAX_INLINE_WAIT_MS) {
      return repos.outbox.markWaiting(id, 'rate-limited', 'Meta is limiting how fast this account may send; it goes out automatically once Meta allows it.', now + wait, now);
    }
    if (!repos.outbox.markSending(id, now, item.kind === 'message' ? item.tag : undefined)) return;
    const comment = item.commentId ? repos.replyTargets.comment(item.commentId) : null;
    let result: MetaResult;
    try {
      result = await callMeta(client, sendRouteFor(repos, item.accountId), { ...item, sendingSince: now }, comment);
    } catch (error) {
      const failure = classifySendError(error);
      // Deleting what Meta no longer has reaches the state the person wanted.
      if (item.kind === 'comment_delete' && failure.code === 'not-found') return this.record(item, { externalId: null });
      // A private reply retried after an interrupted attempt: Meta's "already replied" means the first one went out.
      if (item.kind === 'private_reply' && item.attempts > 0 && error instanceof Error && /already/i.test(error.message)) return this.record(item, { externalId: null });
      return this.fail(item, error);
    }
    await this.options.afterMetaAccepted?.(item);
    this.record(item, result);
  }

  private fail(item: OutboxRecord, error: unknown): void {
    const now = this.options.now();
    const failure = classifySendError(error, item.kind);
    const attempts = (this.repos.outbox.get(item.id)?.attempts ?? item.attempts) || 1;
    if (failure.retry === 'backoff') {
      const wait = Math.min(backoffMs(attempts), failure.maxBackoffMs ?? Infinity);
      this.repos.outbox.markWaiting(item.id, failure.code, failure.reason, now + Math.max(wait, failure.retryAfterMs ?? 0), now);
    } else if (failure.retry === 'reconnect') {
      this.repos.outbox.markWaiting(item.id, failure.code, failure.reason, null, now);
      this.repos.accounts.setStatus(item.accountId, 'needs_reconnect', failure.reason, now);
    } else {
      this.repos.outbox.markFailed(item.id, failure.code, failure.reason, now);
    }
  }

  /** Records Meta's acceptance and its local effect in one transaction. */
  private record(item: OutboxRecord, result: MetaResult): void {
    const now = this.options.now();
    const changed = this.repos.db.transaction(() => {
      const what = recordEffect(this.repos, item, result, now);
      this.repos.outbox.markSent(item.id, result.externalId, now);
      return what;
    })();
    this.options.onChange?.(changed);
  }

  /** Sends what is due every `intervalMs` (the desktop app; the CLI calls processDue itself). */
  start(intervalMs = 15_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.processDue(), intervalMs);
    this.timer.unref?.();
    void this.processDue();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.processing;
  }
}
