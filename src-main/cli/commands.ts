import { resolve } from 'node:path';
import type { AppCore } from '../core/app-core';
import { AppError } from '../core/app-error';
import { storeProblemError } from '../core/store-problem';
import { exportAll, type ExportFormat } from '../privacy/export';
import { PRIVACY_COMMANDS } from './privacy-commands';
import { UsageError } from './errors';
import { accountOption, channelOption, dayRangeOptions } from './options';

export interface CommandContext {
  core: AppCore;
  args: string[];
  options: {
    format?: string;
    out?: string;
    limit?: string;
    yes?: boolean;
    json?: boolean;
    'graph-base-url'?: string;
    account?: string;
    channel?: string;
    from?: string;
    to?: string;
    url?: string;
    code?: string;
    'until-idle'?: string;
    unread?: boolean;
    unanswered?: boolean;
    'unanswered-first'?: boolean;
    post?: string;
    retry?: boolean;
    person?: string;
    source?: string;
    note?: string;
    category?: string;
    keep?: string;
  };
  passphrase: () => Promise<string>;
  /** A new passphrase, asked for twice on a terminal. */
  newPassphrase: () => Promise<string>;
  out: (text: string) => void;
}

export interface Command {
  usage: string;
  summary: string;
  run(ctx: CommandContext): Promise<number>;
}

/** Opens the existing store with the passphrase; explains what to do when it can't. */
export async function openStore(ctx: CommandContext): Promise<void> {
  let state = ctx.core.start();
  if (state.phase === 'locked') state = ctx.core.unlock(await ctx.passphrase());
  if (state.phase === 'first-run') throw new AppError('NOT_FOUND', `Nothing is stored in ${ctx.core.dataDir} yet; run "init" first.`);
  if (state.phase === 'key-recovery') throw new AppError('KEY_UNAVAILABLE', state.recoveryReason ?? 'The key cannot be opened.');
  if (state.phase === 'store-problem' && state.storeProblem) throw storeProblemError(state.storeProblem);
}

/** Prints the words, or the value as JSON with --json. */
export function print(ctx: CommandContext, value: unknown, text: string): void {
  ctx.out(ctx.options.json ? JSON.stringify(value, null, 2) : text);
}

const init: Command = {
  usage: '',
  summary: 'create the encrypted store (passphrase-protected)',
  async run(ctx) {
    const state = ctx.core.start();
    if (state.phase !== 'first-run') throw new AppError('CONFLICT', `A store already exists in ${ctx.core.dataDir}.`);
    const created = ctx.core.createVault('passphrase', await ctx.passphrase());
    print(ctx, created, `Created an encrypted store in ${ctx.core.dataDir} (schema ${created.schemaVersion}).`);
    return 0;
  },
};

const status: Command = {
  usage: '',
  summary: 'what is stored, counts, key backend, schema version',
  async run(ctx) {
    await openStore(ctx);
    const s = ctx.core.storeStatus();
    const lines = [
      `Data folder:    ${s.dataDir}`,
      `Key protection: ${s.keyBackend}`,
      `Schema version: ${s.schemaVersion}`,
      `Database size:  ${(s.databaseBytes / 1024 / 1024).toFixed(1)} MiB`,
      `Last synced:    ${s.lastSyncedAt ? new Date(s.lastSyncedAt).toISOString() : 'never'}`,
      ...Object.entries(s.counts).map(([k, v]) => `${k.padEnd(16)}${v}`),
    ];
    print(ctx, s, lines.join('\n'));
    return 0;
  },
};

const search: Command = {
  usage: 'TEXT [--account ID] [--channel instagram|messenger] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--json]',
  summary: 'full-text search over messages, newest first, with the number of hits',
  async run(ctx) {
    const query = ctx.args.join(' ').trim();
    if (!query) throw new UsageError('Give the text to search for, e.g. "search refund".');
    const limit = Number(ctx.options.limit ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit must be a whole number from 1 to 500.');
    const platform = channelOption(ctx);
    const days = dayRangeOptions(ctx);
    await openStore(ctx);
    const page = ctx.core.repos.inbox.searchMessages({ query, accountId: accountOption(ctx), platform, ...days, offset: 0, limit }, ctx.core.now());
    const total = page.total ?? page.hits.length;
    const head = `${total} message${total === 1 ? ' matches' : 's match'}, newest first${total > page.hits.length ? ` (the newest ${page.hits.length}; --limit N for more)` : ''}:`;
    const lines = page.hits.map((h) => `${new Date(h.sentAt).toISOString()}  #${h.conversationId} ${h.accountName} · ${h.platform}  ${h.direction === 'out' ? `You → ${h.personName}` : h.personName}: ${h.snippet}`);
    print(ctx, page.hits, page.hits.length === 0 ? 'No messages match.' : [head, ...lines].join('\n'));
    return 0;
  },
};

const exportCommand: Command = {
  usage: '--format csv|json --out DIR',
  summary: 'export messages, conversations, posts and daily insights',
  async run(ctx) {
    const format = ctx.options.format as ExportFormat | undefined;
    if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json.');
    if (!ctx.options.out) throw new UsageError('--out DIR is required.');
    await openStore(ctx);
    const outDir = resolve(ctx.options.out);
    const counts = await exportAll(ctx.core.repos.db, outDir, format, { dataDir: ctx.core.dataDir });
    ctx.core.repos.audit.record(ctx.core.now(), 'export.written', format, { where: outDir, format, counts });
    print(ctx, { outDir, counts }, `Exported to ${outDir}:\n${Object.entries(counts).map(([k, v]) => `  ${k}.${format}: ${v} rows`).join('\n')}`);
    return 0;
  },
};

const wipe: Command = {
  usage: '--yes',
  summary: 'erase everything stored in the data folder',
  async run(ctx) {
    if (!ctx.options.yes) throw new UsageError('This erases everything in the data folder; add --yes to confirm.');
    ctx.core.start();
    const report = await ctx.core.wipe();
    const lines = [report.removed.length === 0 ? 'Nothing erased.' : `Erased: ${report.removed.join(', ')}`];
    if (report.left.length > 0) lines.push(`NOT erased (run "wipe --yes" again once fixed):`, ...report.left.map((l) => `  ${l.name}: ${l.cause}`));
    print(ctx, report, lines.join('\n'));
    return report.left.length > 0 ? 1 : 0;
  },
};

/** A Map, not an object: a command named `__proto__`, `constructor` or `toString` must find nothing. */
export const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['init', init],
  ['status', status],
  ['demo', lazy('', 'fill the store with the demo workspace (synced from the emulator)', 'demo')],
  ['sync', lazy('[--graph-base-url URL]', 'connect the assets of SOCIAL_DESK_ACCESS_TOKEN and sync them', 'sync')],
  ['accounts', lazy('', 'connected accounts and the health of their tokens', 'accounts')],
  ['search', search],
  ['export', exportCommand],
  ['report', { usage: '--format pdf|csv --account ID|all --from YYYY-MM-DD --to YYYY-MM-DD --out FILE', summary: 'leadership report (aggregates only) as PDF, or its figures as CSV', run: async (ctx) => (await import('./report-command')).reportCommand.run(ctx) }],
  ['wipe', wipe],
  [
    'relay',
    {
      usage: 'pair --url URL --code CODE | listen [--until-idle S] | status',
      summary: 'pair with the Social Desk Relay and receive webhooks through it',
      run: async (ctx) => (await import('./relay-commands')).relay.run(ctx),
    },
  ],
  ['inbox', answering('inbox')],
  ['reply', answering('reply')],
  ['outbox', answering('outbox')],
  ['comments', answering('comments')],
  ['human-agent', answering('human-agent')],
  ...Object.entries(PRIVACY_COMMANDS),
]);

/** The answering commands load the outbox, Graph client and emulator only when used. */
function answering(name: string): Command {
  const usage: Record<string, [string, string]> = {
    inbox: ['list [--unread] [--account ID] [--json] | show ID [--json] | read ID | unread ID', 'conversations with their reply windows; one thread; mark read or unread'],
    reply: ['CONVERSATION TEXT [--json]', 'send a reply (exit 0 sent, 1 refused/failed, 3 waiting)'],
    outbox: ['[--retry] [--json]', 'replies and comment actions not yet sent, and the newest sent'],
    comments: [
      'list [--account ID] [--post ID] [--unanswered | --unanswered-first] [--json] | reply ID TEXT | private-reply ID TEXT | hide ID | unhide ID | delete ID --yes',
      'comments newest first with their replies; answer, hide or delete one (delete says what goes and needs --yes)',
    ],
    'human-agent': ['ACCOUNT on|off', 'whether Meta approved Human Agent replies (7 days) for an account'],
  };
  const [u, summary] = usage[name] ?? ['', ''];
  return { usage: u, summary, run: async (ctx) => (await import('./answer-commands')).ANSWER_COMMANDS.get(name)!.run(ctx) };
}

/** Sync commands load the Graph client and emulator only when used. */
function lazy(usage: string, summary: string, name: 'demo' | 'sync' | 'accounts'): Command {
  return { usage, summary, run: async (ctx) => (await import('./sync-commands'))[name].run(ctx) };
}
