/**
 * The answering side on the command line: the inbox with Meta's reply windows, replies, the
 * outbox and comment actions. The same OutboxService as the app; demo accounts reach the live
 * demo emulator, every other account Meta (or `--graph-base-url`).
 */
import { ALL_CONVERSATIONS, type CommentItem } from '../../src-preload/contract';
import { replyWindowAt, type OutboxItem } from '../../src-preload/outbox-types';
import { AppError } from '../core/app-error';
import { resolveGraphConfig } from '../meta/config';
import { GraphClient } from '../meta/graph-client';
import { LiveDemo } from '../services/live-demo';
import { OutboxService } from '../services/outbox/outbox-service';
import { openStore, type Command, type CommandContext } from './commands';
import { UsageError } from './errors';
import { accountOption } from './options';

interface Session {
  outbox: OutboxService;
  liveDemo: LiveDemo;
}

/** Opens the store and the outbox; the live demo emulator (if started) is stopped afterwards. */
async function withOutbox<T>(ctx: CommandContext, run: (s: Session) => Promise<T>): Promise<T> {
  if (ctx.core.state().phase !== 'ready') await openStore(ctx);
  const core = ctx.core;
  const base = ctx.options['graph-base-url'];
  let client: GraphClient | null = null;
  const liveDemo = new LiveDemo(core.repos, core.now);
  const outbox = new OutboxService({
    repos: core.repos,
    now: core.now,
    clientFor: async (accountId) => {
      if (liveDemo.isDemoAccount(accountId)) return liveDemo.client();
      client ??= new GraphClient({ config: resolveGraphConfig(base ? { ...process.env, GRAPH_API_BASE_URL: base } : process.env), now: core.now });
      return client;
    },
  });
  try {
    return await run({ outbox, liveDemo });
  } finally {
    await liveDemo.stop();
  }
}

function print(ctx: CommandContext, value: unknown, text: string): void {
  ctx.out(ctx.options.json ? JSON.stringify(value, null, 2) : text);
}

function idArg(ctx: CommandContext, index: number, what: string): number {
  const raw = ctx.args[index];
  const id = Number(raw);
  if (!raw || !Number.isInteger(id) || id < 1) throw new UsageError(`Give the ${what} id (a whole number), e.g. from "inbox list" or "comments list".`);
  return id;
}

/** " [photo, story mention]": what a message carries besides its text, by kind. */
const attachmentWords = (kinds: readonly string[]): string => (kinds.length ? ` [${kinds.map((k) => k.replace('_', ' ')).join(', ')}]` : '');

const iso = (ms: number | null): string => (ms === null ? '—' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));

function itemLine(i: OutboxItem): string {
  const what = i.kind === 'message' ? `reply to conversation ${i.conversationId}` : `${i.kind.replace('_', ' ')} on comment ${i.commentId ?? '(deleted)'}`;
  const state = i.state === 'queued' && i.reasonCode ? `waiting (${i.reasonCode})` : i.state;
  const next = i.state === 'queued' ? (i.nextAttemptAt === null ? ' — waits for a reconnect' : ` — next try ${iso(i.nextAttemptAt)}`) : '';
  return `#${i.id}  ${state.padEnd(22)} ${what}${i.text ? `: ${JSON.stringify(i.text.slice(0, 60))}` : ''}${next}${i.reason ? `\n      ${i.reason}` : ''}`;
}

/** Exit code of an item after its first attempt: 0 sent, 1 failed, 3 waiting in the outbox. */
function exitFor(item: OutboxItem): number {
  return item.state === 'sent' ? 0 : item.state === 'failed' ? 1 : 3;
}

const inbox: Command = {
  usage: 'list [--unread] [--account ID] [--json] | show ID [--json] | read ID | unread ID',
  summary: 'conversations with their reply windows; one thread',
  async run(ctx) {
    const [sub] = ctx.args;
    await openStore(ctx);
    const repos = ctx.core.repos;
    const now = ctx.core.now();
    if (sub === 'list' || sub === undefined) {
      const limit = Number(ctx.options.limit ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new UsageError('--limit must be a whole number from 1 to 100000.');
      // Unread is the triage read state the app shows (opened or marked read), not "their message is last".
      const filter = { ...ALL_CONVERSATIONS, accountId: accountOption(ctx), unread: ctx.options.unread === true };
      const rows = repos.inbox.queryConversations(filter, 0, limit, now).items.map((c) => {
        const w = replyWindowAt(c.lastIncomingAt, repos.outbox.humanAgentAllowed(c.accountId), now);
        // Exactly the fields the issue (§5) lists, in that order.
        return { id: c.id, account: c.accountName, channel: c.platform, person: c.personName, lastMessageAt: c.lastMessageAt === null ? null : iso(c.lastMessageAt), unread: c.unread, window: w.state, windowClosesAt: w.closesAt === null ? null : iso(w.closesAt) };
      });
      const text = rows.length === 0 ? 'No conversations.' : rows.map((r) => `${String(r.id).padStart(6)}  ${r.unread ? '●' : ' '} ${r.account.padEnd(18)} ${r.channel.padEnd(9)} ${r.person.padEnd(24)} ${r.lastMessageAt ?? '(messages removed by retention)'}  ${r.window}${r.windowClosesAt ? ` until ${r.windowClosesAt}` : ''}`).join('\n');
      print(ctx, rows, text);
      return 0;
    }
    if (sub === 'show') {
      const id = idArg(ctx, 1, 'conversation');
      const conv = repos.replyTargets.conversation(id);
      if (!conv) throw new AppError('NOT_FOUND', `No conversation ${id}.`);
      const w = replyWindowAt(conv.lastIncomingAt, repos.outbox.humanAgentAllowed(conv.accountId), now);
      const messages = repos.inbox.getMessages(id, Number(ctx.options.limit ?? 30), null).reverse();
      const pending = repos.outbox.forConversation(id).filter((i) => i.state !== 'sent');
      const account = repos.accounts.get(conv.accountId)?.name ?? `account ${conv.accountId}`;
      const header = `${conv.personName} · ${account} · ${conv.platform} · window ${w.state}${w.closesAt ? ` until ${iso(w.closesAt)}` : ''}${w.refusal ? `\n${w.refusal}` : ''}`;
      const lines = messages.map((m) => `${iso(m.sentAt)} ${m.direction === 'out' ? 'You' : 'Them'}: ${m.isDeleted ? '(unsent)' : (m.text ?? '') + attachmentWords(m.attachments)}`);
      print(ctx, { conversation: conv, window: w, messages, pending }, [header, ...lines, ...pending.map((p) => `  outbox ${itemLine(p)}`)].join('\n'));
      return 0;
    }
    if (sub === 'read' || sub === 'unread') {
      const id = idArg(ctx, 1, 'conversation');
      if (!repos.triage.markRead(id, sub === 'read', now)) throw new AppError('NOT_FOUND', `No conversation ${id}.`);
      print(ctx, { id, unread: sub === 'unread' }, `Conversation ${id} marked ${sub}.`);
      return 0;
    }
    throw new UsageError('Use "inbox list", "inbox show ID", "inbox read ID" or "inbox unread ID".');
  },
};

const reply: Command = {
  usage: 'CONVERSATION TEXT [--json]',
  summary: 'send a reply (exit 0 sent, 1 refused/failed, 3 waiting)',
  async run(ctx) {
    const id = idArg(ctx, 0, 'conversation');
    const text = ctx.args.slice(1).join(' ');
    if (!text.trim()) throw new UsageError('Give the text to send, e.g. reply 12 "Thanks, on its way!".');
    return withOutbox(ctx, async ({ outbox }) => {
      await outbox.processDue();
      const item = await outbox.send(id, text);
      print(ctx, item, item.state === 'sent' ? `Sent (outbox #${item.id}).` : itemLine(item));
      return exitFor(item);
    });
  },
};

const outboxCommand: Command = {
  usage: '[--retry] [--json]',
  summary: 'replies and comment actions not yet sent, and the newest sent',
  async run(ctx) {
    return withOutbox(ctx, async ({ outbox }) => {
      const items = ctx.options.retry ? await outbox.retry(null) : (await outbox.processDue(), outbox.list(Number(ctx.options.limit ?? 50)));
      print(ctx, items, items.length === 0 ? 'The outbox is empty.' : items.map(itemLine).join('\n'));
      return items.some((i) => i.state === 'failed') ? 1 : 0;
    });
  },
};

const NETWORK: Record<string, string> = { instagram: 'Instagram', facebook: 'Facebook' };

/** Which comment, by whom, saying what, with how many replies: what a deletion takes away. */
function describeComment(ctx: CommandContext, id: number): string {
  const c = ctx.core.repos.replyTargets.comment(id);
  if (!c) throw new AppError('NOT_FOUND', `No comment ${id} is stored; "comments list" shows them.`);
  const replies = ctx.core.repos.comments.replyCount(c.accountId, c.externalId);
  const text = c.text ? `“${c.text.length > 80 ? `${c.text.slice(0, 80)}…` : c.text}”` : '(no text)';
  return `the ${NETWORK[c.network] ?? c.network} comment #${id} by ${c.authorUsername ?? 'an unknown person'}: ${text}${replies > 0 ? `, with its ${replies} repl${replies === 1 ? 'y' : 'ies'}` : ''}`;
}

/** Threads as the Comments screen shows them: top-level comments newest first, replies under each. */
function listThreads(ctx: CommandContext): number {
  const limit = Number(ctx.options.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new UsageError('--limit must be a whole number from 1 to 100000.');
  const postRaw = ctx.options.post;
  const postId = postRaw === undefined ? null : Number(postRaw);
  if (postId !== null && (!Number.isInteger(postId) || postId < 1)) throw new UsageError('--post must be a post id (shown in "comments list").');
  const unansweredOnly = ctx.options.unanswered === true;
  const unansweredFirst = ctx.options['unanswered-first'] === true;
  const page = ctx.core.repos.comments.listThreads({ accountId: accountOption(ctx), postId, unansweredOnly, unansweredFirst, personId: null, offset: 0, limit });
  const item = (c: CommentItem) => ({ id: c.id, externalId: c.externalId, author: c.author, text: c.text, createdAt: iso(c.createdAt), hidden: c.hidden, isOwn: c.fromUs });
  const threads = page.threads.map((t) => ({ ...item(t), account: t.accountName, network: t.network, postId: t.postId, post: t.postCaption, unanswered: t.unanswered, replies: t.replies.map(item) }));
  const line = (c: CommentItem, indent: string) => `${indent}#${c.id}  ${iso(c.createdAt)}  ${c.fromUs ? `${c.author} (you)` : c.author}: ${(c.text ?? '(no text)').slice(0, 100)}${c.hidden ? '  [hidden]' : ''}`;
  const text = page.threads.flatMap((t) => [
    `${line(t, '')}${t.unanswered ? '  [unanswered]' : ''}`,
    `      on ${t.accountName} · ${NETWORK[t.network] ?? t.network}, post ${t.postId} “${t.postCaption.slice(0, 60)}${t.postCaption.length > 60 ? '…' : ''}”`,
    ...t.replies.map((r) => line(r, '    ↳ ')),
  ]);
  const head = `${page.total} comment${page.total === 1 ? '' : 's'}${unansweredOnly ? ' without a reply from you' : ''}, ${unansweredFirst && !unansweredOnly ? 'unanswered first, then ' : ''}newest first${page.total > page.threads.length ? ` (the newest ${page.threads.length}; --limit N for more)` : ''}:`;
  print(ctx, threads, page.total === 0 ? 'No comments.' : [head, ...text].join('\n'));
  return 0;
}

const comments: Command = {
  usage: 'list [--account ID] [--post ID] [--unanswered | --unanswered-first] [--json] | reply ID TEXT | private-reply ID TEXT | hide ID | unhide ID | delete ID --yes',
  summary: 'comments newest first with their replies, and acting on them',
  async run(ctx) {
    const [sub] = ctx.args;
    if (sub === 'list' || sub === undefined) {
      await openStore(ctx);
      return listThreads(ctx);
    }
    const id = idArg(ctx, 1, 'comment');
    const text = ctx.args.slice(2).join(' ');
    let deleting: string | null = null;
    const action = await (async () => {
      switch (sub) {
        case 'reply':
        case 'private-reply':
          if (!text.trim()) throw new UsageError(`Give the text: comments ${sub} ${id} "…".`);
          return { action: sub, text } as const;
        case 'hide':
        case 'unhide':
          return { action: sub } as const;
        case 'delete':
          await openStore(ctx);
          deleting = describeComment(ctx, id);
          if (!ctx.options.yes) throw new UsageError(`This deletes ${deleting} — on Meta for everyone, and from this computer; it cannot be undone. Add --yes to delete it.`);
          return { action: 'delete', confirm: 'DELETE' } as const;
        default:
          throw new UsageError('Use comments list | reply | private-reply | hide | unhide | delete.');
      }
    })();
    return withOutbox(ctx, async ({ outbox }) => {
      const item = await outbox.act(id, action);
      const done = deleting ? `Deleted ${deleting}` : 'Done';
      print(ctx, item, item.state === 'sent' ? `${done} (outbox #${item.id}).` : itemLine(item));
      return exitFor(item);
    });
  },
};

const humanAgent: Command = {
  usage: 'ACCOUNT on|off',
  summary: 'whether Meta approved Human Agent (replies up to 7 days) for an account',
  async run(ctx) {
    const id = idArg(ctx, 0, 'account');
    const value = ctx.args[1];
    if (value !== 'on' && value !== 'off') throw new UsageError('Say "on" or "off".');
    return withOutbox(ctx, async ({ outbox }) => {
      outbox.setHumanAgentAllowed(id, value === 'on');
      ctx.out(`Human Agent replies are ${value} for account ${id}.`);
      return 0;
    });
  },
};

export const ANSWER_COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['inbox', inbox],
  ['reply', reply],
  ['outbox', outboxCommand],
  ['comments', comments],
  ['human-agent', humanAgent],
]);
