/**
 * `npm run relay -- <command>`:
 *   serve [--port P] [--host H] [--data DIR]   start the relay (port 0 picks a free one)
 *   pair-code [--data DIR]                      print a one-time pairing code (last line)
 *   devices list|revoke ID [--data DIR]         paired devices; revoke one
 *   stats [--data DIR]                          counters and pending envelopes
 *   smoke [--url URL] [--data DIR]              round trip against the running relay (smoke.ts)
 * Secrets only from the environment: META_APP_SECRET, META_VERIFY_TOKEN (see README.md).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { hashSecret, newPairCode } from './crypto';
import { startRelay } from './server';
import { runSmoke } from './smoke';
import { openStorage } from './storage/open';

class UsageError extends Error {}

const USAGE = 'usage: relay serve [--port P] [--host H] [--data DIR] | pair-code [--data DIR] | devices list|revoke ID [--data DIR] | stats [--data DIR] | smoke [--url URL] [--data DIR]';

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, url: { type: 'string' } },
  });
  const [command, sub, arg] = positionals;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be 0–65535 (got "${values.port}")`);
  const config = loadConfig(process.env, { ...(port !== undefined ? { port } : {}), ...(values.data ? { dataDir: values.data } : {}), ...(values.host ? { host: values.host } : {}) });

  if (command === 'serve') {
    if (config.appSecrets.length === 0) throw new UsageError('META_APP_SECRET is not set: the relay cannot verify anything Meta sends without it');
    if (!config.verifyToken) process.stderr.write('warning: META_VERIFY_TOKEN is not set; Meta\'s subscription handshake will be refused\n');
    const relay = await startRelay(config);
    process.stdout.write(`listening on ${relay.url}\n`);
    const stop = () => void relay.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }

  const storage = openStorage(config);
  try {
    if (command === 'pair-code') {
      const code = newPairCode();
      await storage.createPairCode(hashSecret(code), Date.now() + config.pairCodeTtlMs);
      process.stdout.write(`One-time pairing code, valid for ${Math.round(config.pairCodeTtlMs / 60_000)} minutes:\n${code}\n`);
    } else if (command === 'devices' && sub === 'list') {
      const devices = await storage.listDevices();
      if (devices.length === 0) process.stdout.write('No devices paired.\n');
      for (const d of devices) {
        const state = d.revokedAt ? `revoked ${new Date(d.revokedAt).toISOString()}` : `active, last seen ${d.lastSeenAt ? new Date(d.lastSeenAt).toISOString() : 'never'}`;
        process.stdout.write(`${d.id}  ${d.name}  paired ${new Date(d.pairedAt).toISOString()}  ${state}\n`);
      }
    } else if (command === 'devices' && sub === 'revoke') {
      if (!arg) throw new UsageError('devices revoke needs a device id (see `devices list`)');
      if (!(await storage.revokeDevice(arg, Date.now()))) throw new UsageError(`no active device with id ${arg}`);
      process.stdout.write(`Revoked ${arg}; its pending envelopes were deleted.\n`);
    } else if (command === 'smoke') {
      const url = (values.url ?? `http://127.0.0.1:${config.port}`).replace(/\/+$/, '');
      for (const step of await runSmoke(url, config, storage)) process.stdout.write(`ok  ${step.name} (${step.detail})\n`);
      process.stdout.write(`smoke test passed against ${url}\n`);
    } else if (command === 'stats') {
      process.stdout.write(`${JSON.stringify({ storage: storage.kind, pending: await storage.pendingCount(), counters: await storage.counters() }, null, 2)}\n`);
    } else {
      throw new UsageError(USAGE);
    }
  } finally {
    await storage.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
