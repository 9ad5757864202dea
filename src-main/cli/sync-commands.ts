import { loadDemo } from '../demo/load-demo';
import { checkInstagramLoginToken } from '../meta/instagram-token-health';
import { debugToken } from '../meta/oauth';
import { resolveGraphConfig } from '../meta/config';
import { GraphClient } from '../meta/graph-client';
import { isMetaApiError } from '../meta/errors';
import { discoverAccounts } from '../sync/discovery';
import { SyncEngine } from '../sync/engine';
import { AppError } from '../core/app-error';
import { openStore, type Command, type CommandContext } from './commands';
import { UsageError } from './errors';

function graphClient(ctx: CommandContext): GraphClient {
  const base = ctx.options['graph-base-url'];
  return new GraphClient({ config: resolveGraphConfig(base ? { ...process.env, GRAPH_API_BASE_URL: base } : process.env), now: ctx.core.now });
}

/** Progress on stderr, one line per job change, so stdout stays the summary. */
function progressPrinter(): (job: string, done: number, total: number) => void {
  let last = '';
  return (job, done, total) => {
    const line = total > 0 ? `${job}: ${done}/${total}` : `${job}: ${done}`;
    if (line !== last && (done === total || done % 50 === 0 || job !== last.split(':')[0])) process.stderr.write(`  ${line}\n`);
    last = line;
  };
}

export const demo: Command = {
  usage: '',
  summary: 'fill the store with the demo workspace (synced from the emulator)',
  async run(ctx) {
    await openStore(ctx);
    const progress = progressPrinter();
    const summary = await loadDemo(ctx.core, { onProgress: (done, total, job) => progress(job, done, total) });
    ctx.out(
      ctx.options.json
        ? JSON.stringify(summary)
        : `Demo workspace ready in ${(summary.durationMs / 1000).toFixed(1)} s: ${summary.accounts} accounts, ${summary.posts} posts, ${summary.comments} comments, ${summary.conversations} conversations, ${summary.messages} messages.`,
    );
    return 0;
  },
};

export const sync: Command = {
  usage: '[--graph-base-url URL]',
  summary: 'connect the assets of SOCIAL_DESK_ACCESS_TOKEN and sync them',
  async run(ctx) {
    const token = process.env.SOCIAL_DESK_ACCESS_TOKEN;
    if (!token) throw new UsageError('Set SOCIAL_DESK_ACCESS_TOKEN to a user or system-user access token.');
    await openStore(ctx);
    const client = graphClient(ctx);
    const progress = progressPrinter();
    const repos = ctx.core.repos;
    const ids = await discoverAccounts({ client, repos, now: ctx.core.now, progress, written: { count: 0 } }, token, 'system_user');
    if (ids.length === 0) throw new AppError('NOT_FOUND', 'That token manages no Facebook Page or Instagram account (check business_management and pages_show_list).');
    const engine = new SyncEngine({ repos, client, now: ctx.core.now, onProgress: (_id, job, done, total) => progress(job, done, total) });
    let failed = 0;
    const lines: string[] = [];
    for (const id of ids) {
      const account = repos.accounts.get(id)!;
      const result = await engine.syncAccount(id, account.lastSyncedAt === null ? 'full' : 'routine');
      if (result.status === 'failed') failed += 1;
      lines.push(`${account.network.padEnd(10)} ${account.name.padEnd(28)} ${result.status.padEnd(8)} ${result.operations} operations in ${result.httpRequests} requests, ${result.itemsWritten} items${result.errors[0] ? ` — ${result.errors[0].message}` : ''}`);
      if (result.offline) break;
    }
    ctx.out(lines.join('\n'));
    return failed > 0 ? 1 : 0;
  },
};

export const accounts: Command = {
  usage: '',
  summary: 'connected accounts and the health of their tokens',
  async run(ctx) {
    await openStore(ctx);
    const client = graphClient(ctx);
    const rows = [];
    for (const account of ctx.core.repos.accounts.list()) {
      const credential = ctx.core.repos.accounts.getCredential(account.id);
      let health = 'no token';
      if (credential && !account.isDemo) {
        try {
          if (credential.tokenKind === 'instagram_user') {
            // debug_token cannot read Instagram Login tokens: ask graph.instagram.com, use the recorded expiry.
            const ig = await checkInstagramLoginToken(client, credential.accessToken);
            health = ig.isValid ? `Instagram Login token, ${credential.expiresAt ? `expires ${new Date(credential.expiresAt).toISOString()}` : 'expiry unknown'}` : 'INVALID — reconnect';
          } else {
            const info = await debugToken(client, { inputToken: credential.accessToken, appToken: credential.accessToken });
            health = info.isValid ? `${info.type ?? credential.tokenKind} token, ${info.expiresAt ? `expires ${new Date(info.expiresAt).toISOString()}` : 'never expires'}, scopes: ${info.scopes.join(' ')}` : 'INVALID — reconnect';
          }
        } catch (error) {
          health = isMetaApiError(error) ? `not checked: ${error.userAction}` : 'not checked';
        }
      } else if (account.isDemo) health = 'demo (emulator token)';
      rows.push({ ...account, health });
    }
    ctx.out(
      ctx.options.json
        ? JSON.stringify(rows, null, 2)
        : rows.length === 0
          ? 'No accounts connected.'
          : rows.map((r) => `${r.network.padEnd(10)} ${r.name.padEnd(28)} ${r.status.padEnd(16)} last synced ${r.lastSyncedAt ? new Date(r.lastSyncedAt).toISOString() : 'never'}\n           ${r.health}${r.demographicsStatus === 'under_100_followers' ? '\n           Meta shows demographics from 100 followers' : ''}`).join('\n'),
    );
    return 0;
  },
};
