/**
 * Starts the relay: opens storage, serves HTTP, sweeps expired envelopes hourly, and closes
 * cleanly on SIGINT/SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createRelayApp } from './app';
import type { RelayConfig } from './config';
import { cryptoReady } from './crypto';
import { createLogger, type Logger } from './log';
import { openStorage } from './storage/open';
import type { RelayStorage } from './storage/types';

export interface RunningRelay {
  url: string;
  port: number;
  storage: RelayStorage;
  close(): Promise<void>;
}

const SWEEP_MS = 60 * 60_000;

export async function startRelay(config: RelayConfig, options: { log?: Logger; storage?: RelayStorage; now?: () => number } = {}): Promise<RunningRelay> {
  await cryptoReady();
  const log = options.log ?? createLogger();
  const now = options.now ?? Date.now;
  const storage = options.storage ?? openStorage(config, (error) => log('warn', 'storage connection problem', { kind: error.name, detail: error.message.slice(0, 120) }));
  const app = createRelayApp({ config, storage, log, now, fetch: globalThis.fetch });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: { requestTimeout: config.requestTimeoutMs, headersTimeout: Math.min(config.requestTimeoutMs, 10_000) } }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const sweep = async () => {
    const removed = await storage.expire(now() - config.retentionMs).catch(() => 0);
    if (removed > 0) log('info', 'expired envelopes removed', { removed });
  };
  void sweep();
  const timer = setInterval(() => void sweep(), SWEEP_MS);
  timer.unref();
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    storage,
    async close() {
      clearInterval(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await storage.close();
    },
  };
}
