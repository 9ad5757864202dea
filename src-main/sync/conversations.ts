import { GraphApiError } from '../meta/errors';
import { parseConversation, type Conversation, type Message } from '../meta/resource-parsers';
import type { SyncContext } from './context';
import { nextAsRequest } from './graph-helpers';
import { settlePendingSignals } from '../relay/pending-signals';

/**
 * Meta returns details for only the 20 newest messages of an Instagram thread
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/conversations-api);
 * asking for more is pointless there. Messenger documents no such limit
 * (https://developers.facebook.com/docs/graph-api/reference/conversation): its threads are paged
 * to their full history.
 */
export const NEWEST_MESSAGES = 20;
const MESSAGE_FIELDS = 'id,created_time,from,to,message,attachments,reply_to,is_owner,shares';
/** Instagram's story replies and mentions (`story`); Messenger messages have no stories. */
const messageFields = (platform: ConversationSource['platform']) => (platform === 'instagram' ? `${MESSAGE_FIELDS},story` : MESSAGE_FIELDS);
const OLDER_MESSAGES_PAGE = 100;

export interface ConversationSource {
  /** Local account the threads belong to (the Instagram account, or the Page for Messenger). */
  accountId: number;
  platform: 'instagram' | 'messenger';
  /** The business's own id in these threads (IG user id or Page id): tells in from out. */
  businessId: string;
  /** Edge owner and token: the Page (Facebook Login) or `me` on graph.instagram.com. */
  ownerId: string;
  token: string;
  host: 'facebook' | 'instagram';
  full: boolean;
  /** Messages sent before this are not kept (the retention setting); null keeps everything. */
  keepSince: number | null;
}

const jobName = (source: ConversationSource) => `conversations-${source.platform}`;

/** A thread as read, with every message fetched for it. */
interface ReadThread {
  thread: Conversation;
  updatedAt: number;
  messages: Message[];
  /** Meta has older messages it will not give (Instagram beyond the newest 20). */
  historyLimited: boolean;
}

/**
 * Reads threads newest first with their newest messages nested (one call per 100 threads),
 * stopping on a routine run once threads are older than the last run saw. A Messenger thread's
 * older messages are paged until the ones already stored or the retention limit; an Instagram
 * thread keeps its 20 newest and is marked as having history Meta withholds. Messages are keyed on
 * their Meta id, so a repeat never duplicates; one missing from inside the returned range was
 * unsent, and its text is erased.
 */
export async function syncConversations(ctx: SyncContext, source: ConversationSource): Promise<number> {
  const highWater = Number(ctx.repos.syncRuns.getHighWater(source.accountId, jobName(source)) ?? 0);
  let newest = highWater;
  let threads = 0;
  const idKind = source.platform === 'instagram' ? 'igsid' : 'psid';
  const known = ctx.repos.inbox.conversationIds(source.accountId);
  for await (const page of ctx.client.paginate<unknown>(`${source.ownerId}/conversations`, {
    host: source.host,
    token: source.token,
    params: {
      platform: source.platform,
      fields: `id,updated_time,participants,messages.limit(${NEWEST_MESSAGES}){${messageFields(source.platform)}}`,
      limit: 100,
    },
    businessId: source.ownerId === 'me' ? source.businessId : source.ownerId,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  })) {
    const read: ReadThread[] = [];
    let reachedKnown = false;
    for (const raw of page.data) {
      const thread = parseConversation(raw);
      const updatedAt = thread.updatedTimeMs ?? ctx.now();
      if (!source.full && highWater > 0 && updatedAt <= highWater) {
        reachedKnown = true;
        break;
      }
      read.push(await readThread(ctx, source, thread, updatedAt, known.get(thread.id) ?? null));
    }
    // One transaction per page of threads: atomic, and each hot page is encrypted once per page
    // rather than once per thread.
    ctx.repos.db.transaction(() => {
      for (const r of read) {
        newest = Math.max(newest, r.updatedAt);
        storeThread(ctx, source, idKind, r);
        threads += 1;
      }
    })();
    if (reachedKnown) break;
    ctx.progress(source.platform === 'instagram' ? 'Instagram messages' : 'Messenger', threads, 0);
  }
  if (newest > highWater) ctx.repos.syncRuns.setHighWater(source.accountId, jobName(source), String(newest), ctx.now());
  return threads;
}

/** Completes a thread's messages: older Messenger pages down to what is stored or kept. */
async function readThread(ctx: SyncContext, source: ConversationSource, thread: Conversation, updatedAt: number, conversationId: number | null): Promise<ReadThread> {
  const keep = (m: Message) => source.keepSince === null || (m.createdTimeMs ?? updatedAt) >= source.keepSince;
  const messages = thread.messages.filter(keep);
  if (!thread.messagesNext) return { thread, updatedAt, messages, historyLimited: false };
  if (source.platform === 'instagram') return { thread, updatedAt, messages, historyLimited: true };
  const storedNewest = conversationId === null ? null : ctx.repos.inbox.newestMessageAt(conversationId);
  const reached = (list: readonly Message[]) =>
    list.some((m) => !keep(m) || (storedNewest !== null && (m.createdTimeMs ?? updatedAt) < storedNewest));
  if (reached(thread.messages)) return { thread, updatedAt, messages, historyLimited: false };
  const next = nextAsRequest(thread.messagesNext, ctx.client.config, source.host);
  // The nested edge's link carries its limit of 20; older pages can be Meta's full 100.
  next.params.limit = String(OLDER_MESSAGES_PAGE);
  try {
    for await (const page of ctx.client.paginate<unknown>(next.path, {
      host: next.host,
      token: source.token,
      params: next.params,
      businessId: source.ownerId,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    })) {
      const older = parseConversation({ id: thread.id, messages: { data: page.data } }).messages;
      messages.push(...older.filter(keep));
      if (reached(older)) break;
    }
  } catch (error) {
    // Code 10/200s or a vanished object concern this thread only: keep what was read, go on.
    if (!(error instanceof GraphApiError && (error.kind === 'permission' || error.kind === 'not-found'))) throw error;
    return { thread, updatedAt, messages, historyLimited: true };
  }
  return { thread, updatedAt, messages, historyLimited: false };
}

function storeThread(ctx: SyncContext, source: ConversationSource, idKind: 'igsid' | 'psid', r: ReadThread): void {
  const { inbox } = ctx.repos;
  const { thread, updatedAt, messages } = r;
  const other = thread.participants.find((p) => p.id !== source.businessId);
  const personId = other
    ? inbox.upsertPerson(source.accountId, { idKind, externalId: other.id, username: other.username ?? null, name: other.name ?? null }, updatedAt)
    : null;
  const conversationId = inbox.upsertConversation(source.accountId, {
    externalId: thread.id,
    platform: source.platform,
    personId,
    updatedAt,
    historyLimited: r.historyLimited,
  });
  const returned = new Set<string>();
  let oldest = Infinity;
  for (const m of messages) {
    const sentAt = m.createdTimeMs ?? updatedAt;
    oldest = Math.min(oldest, sentAt);
    returned.add(m.id);
    const fromBusiness = m.fromId !== undefined ? m.fromId === source.businessId : m.isOwner === true;
    const isNew = inbox.upsertMessage(
      conversationId,
      {
        externalId: m.id,
        direction: fromBusiness ? 'out' : 'in',
        sentAt,
        text: m.text ?? null,
        attachments: m.attachments,
        replyToExternalId: m.replyToId ?? null,
        isOwner: m.isOwner ?? null,
      },
      ctx.now(),
    );
    if (!isNew) continue;
    ctx.written.count += 1;
    // A reaction, seen receipt or edit whose webhook came before this message waited for it.
    if (other) settlePendingSignals(ctx.repos, { accountId: source.accountId, platform: source.platform, externalId: m.id, personExternalId: other.id, origin: 'graph' }, ctx.now());
  }
  // What Meta returned is complete for its time range: a stored message inside it that Meta no
  // longer returns was unsent by its author.
  if (messages.length > 0) {
    for (const stored of inbox.messageIdsSince(conversationId, oldest)) {
      if (!returned.has(stored)) inbox.upsertMessage(conversationId, { externalId: stored, direction: 'in', sentAt: oldest, text: null, isDeleted: true }, ctx.now());
    }
  }
  inbox.refreshConversationTimes(conversationId);
}
