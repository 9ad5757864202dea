/**
 * `relay pair --url URL --code CODE`, `relay listen [--until-idle SECONDS]`, `relay status`,
 * `relay deletion-done`: the desktop end of the Social Desk Relay from the command line.
 */
import { resolveGraphConfig } from '../meta/config';
import { GraphClient } from '../meta/graph-client';
import { grantingUserVia } from '../relay/granting-user';
import { RelayService } from '../relay/relay-service';
import { readSettings } from '../settings/settings';
import { SyncEngine } from '../sync/engine';
import { openStore, type Command, type CommandContext } from './commands';

function relayService(ctx: CommandContext): RelayService {
  const repos = ctx.core.repos;
  const base = ctx.options['graph-base-url'];
  const client = new GraphClient({ config: resolveGraphConfig(base ? { ...process.env, GRAPH_API_BASE_URL: base } : process.env), now: ctx.core.now });
  const engine = new SyncEngine({ repos, client, now: ctx.core.now });
  return new RelayService({
    repos,
    now: ctx.core.now,
    textOnly: () => readSettings(ctx.core.settings()).textOnlyDms,
    grantingUser: grantingUserVia(client, repos),
    async syncNow() {
      for (const account of repos.accounts.list()) {
        if (account.status === 'active') await engine.syncAccount(account.id, account.lastSyncedAt === null ? 'full' : 'routine');
      }
    },
  });
}

const when = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toISOString());

export const relay: Command = {
  usage: 'pair --url URL --code CODE | listen [--until-idle S] | status',
  summary: 'pair with the Social Desk Relay and receive webhooks through it',
  async run(ctx) {
    const [sub, arg] = ctx.args;
    if (sub !== 'pair' && sub !== 'listen' && sub !== 'status' && sub !== 'deletion-done') {
      throw new RangeError('Use "relay pair --url URL --code CODE", "relay listen [--until-idle SECONDS]", "relay status" or "relay deletion-done CODE".');
    }
    if (sub === 'pair' && (!ctx.options.url || !ctx.options.code)) throw new RangeError('relay pair needs --url URL and --code CODE (from `pair-code` on the relay).');
    const idle = ctx.options['until-idle'];
    const untilIdleMs = idle === undefined ? undefined : Number(idle) * 1000;
    if (untilIdleMs !== undefined && !(Number.isFinite(untilIdleMs) && untilIdleMs > 0)) throw new RangeError('--until-idle must be a positive number of seconds.');
    await openStore(ctx);
    const service = relayService(ctx);

    if (sub === 'pair') {
      const s = await service.pair(ctx.options.url as string, ctx.options.code as string);
      ctx.out(ctx.options.json ? JSON.stringify(s) : `Paired with ${s.relayUrl} as device ${s.deviceId}. The private key stays in this computer's encrypted store.`);
      return 0;
    }
    if (sub === 'deletion-done') {
      // Only what staff carried out (`requests done CODE --yes`, or Privacy → Deletion requests) is
      // reported; `relay listen` does the same on every connection.
      const reported = await service.followUpMetaCallbacks();
      const waiting = service.links.pendingDeletionCodes();
      if (service.status().lastError) throw new Error(service.status().lastError as string);
      ctx.out(
        (reported.length ? `Reported as done to the relay: ${reported.join(', ')}.` : 'No carried-out deletion request was waiting to be reported.') +
          (waiting.length ? `\nStill open (carry out with \`requests done CODE --yes\` first): ${waiting.join(', ')}.` : ''),
      );
      return arg && waiting.includes(arg) ? 1 : 0;
    }
    if (sub === 'listen') {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const summary = await service.listen({ signal: controller.signal, ...(untilIdleMs !== undefined ? { untilIdleMs } : {}) });
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      ctx.out(
        ctx.options.json
          ? JSON.stringify(summary)
          : `Received ${summary.envelopes} events (${summary.messagesStored} new messages); ${summary.reconnects} reconnects; ${summary.messagesRecoveredBySync} messages recovered by sync.`,
      );
      return 0;
    }
    const s = service.status();
    const pending = service.links.pendingDeletionCodes();
    ctx.out(
      ctx.options.json
        ? JSON.stringify({ ...s, pendingDeletionRequests: pending.length })
        : s.connection === 'not-paired'
          ? 'Not paired with a relay. Run `relay pair --url URL --code CODE`.'
          : [
              `Relay:            ${s.relayUrl}`,
              `Device:           ${s.deviceId} (paired ${when(s.pairedAt)})`,
              `Events received:  ${s.eventsReceived}, last ${when(s.lastEventAt)}${s.lastLagMs !== null ? ` (${s.lastLagMs} ms after the relay got it)` : ''}`,
              `Sequence gaps:    ${s.gapsDetected}`,
              `Messages recovered by sync: ${s.messagesRecoveredBySync}`,
              `Deletion requests waiting: ${pending.length}`,
            ].join('\n'),
    );
    return 0;
  },
};
