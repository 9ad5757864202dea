import type { SyncContext } from './context';
import { parseMetaTime } from './graph-helpers';

/** Meta returns details for only the 20 newest messages of a thread; asking for more is pointless. */
export const NEWEST_MESSAGES = 20;
const MESSAGE_FIELDS = 'id,created_time,from,to,message,attachments';

interface RawParticipant {
  id: string;
  username?: string;
  name?: string;
}

interface RawMessage {
  id: string;
  created_time?: string;
  from?: RawParticipant;
  message?: string;
  attachments?: { data?: unknown[] };
  is_unsupported?: boolean;
}

interface RawConversation {
  id: string;
  updated_time?: string;
  participants?: { data?: RawParticipant[] };
  messages?: { data?: RawMessage[] };
}

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
}

const jobName = (source: ConversationSource) => `conversations-${source.platform}`;

/**
 * Reads threads newest first with their 20 newest messages nested (one call per 100 threads),
 * stopping on a routine run once threads are older than the last run saw. Messages are keyed on
 * their Meta id, so a repeat never duplicates; one missing from inside the returned range was
 * unsent, and its text is erased.
 */
export async function syncConversations(ctx: SyncContext, source: ConversationSource): Promise<number> {
  const highWater = Number(ctx.repos.syncRuns.getHighWater(source.accountId, jobName(source)) ?? 0);
  let newest = highWater;
  let threads = 0;
  const idKind = source.platform === 'instagram' ? 'igsid' : 'psid';
  pages: for await (const page of ctx.client.paginate<RawConversation>(`${source.ownerId}/conversations`, {
    host: source.host,
    token: source.token,
    params: {
      platform: source.platform,
      fields: `id,updated_time,participants,messages.limit(${NEWEST_MESSAGES}){${MESSAGE_FIELDS}}`,
      limit: 100,
    },
    businessId: source.ownerId === 'me' ? source.businessId : source.ownerId,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  })) {
    // One transaction per page of threads: atomic, and each hot page is encrypted once per page
    // rather than once per thread.
    let reachedKnown = false;
    ctx.repos.db.transaction(() => {
      for (const thread of page.data) {
        const updatedAt = parseMetaTime(thread.updated_time) ?? ctx.now();
        if (!source.full && highWater > 0 && updatedAt <= highWater) {
          reachedKnown = true;
          return;
        }
        newest = Math.max(newest, updatedAt);
        storeThread(ctx, source, idKind, thread, updatedAt);
        threads += 1;
      }
    })();
    if (reachedKnown) break pages;
    ctx.progress(source.platform === 'instagram' ? 'Instagram messages' : 'Messenger', threads, 0);
  }
  if (newest > highWater) ctx.repos.syncRuns.setHighWater(source.accountId, jobName(source), String(newest), ctx.now());
  return threads;
}

function storeThread(ctx: SyncContext, source: ConversationSource, idKind: 'igsid' | 'psid', thread: RawConversation, updatedAt: number): void {
  const { inbox } = ctx.repos;
  const other = thread.participants?.data?.find((p) => p.id !== source.businessId);
  const personId = other
    ? inbox.upsertPerson(source.accountId, { idKind, externalId: other.id, username: other.username ?? null, name: other.name ?? null }, updatedAt)
    : null;
  const conversationId = inbox.upsertConversation(source.accountId, { externalId: thread.id, platform: source.platform, personId, updatedAt });
  const messages = thread.messages?.data ?? [];
  const returned = new Set<string>();
  let oldest = Infinity;
  for (const m of messages) {
    const sentAt = parseMetaTime(m.created_time) ?? updatedAt;
    oldest = Math.min(oldest, sentAt);
    returned.add(m.id);
    const attachments = m.attachments?.data ?? [];
    const isNew = inbox.upsertMessage(
      conversationId,
      {
        externalId: m.id,
        direction: m.from?.id === source.businessId ? 'out' : 'in',
        sentAt,
        text: m.message ?? null,
        attachments,
      },
      ctx.now(),
    );
    if (isNew) ctx.written.count += 1;
  }
  // The 20 newest are complete: a stored message inside their time range that Meta no longer
  // returns was unsent by its author.
  if (messages.length > 0) {
    for (const stored of inbox.messageIdsSince(conversationId, oldest)) {
      if (!returned.has(stored)) inbox.upsertMessage(conversationId, { externalId: stored, direction: 'in', sentAt: oldest, text: null, isDeleted: true }, ctx.now());
    }
  }
  inbox.refreshConversationTimes(conversationId);
}
