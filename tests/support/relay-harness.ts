/**
 * Emulator → relay → desktop on loopback: the sync harness's store and emulator (already synced
 * once), a relay on a free port with its own data folder and captured logs, and the desktop's
 * RelayService paired with it.
 */
import { loadConfig } from '../../relay/src/config';
import { hashSecret, newPairCode } from '../../relay/src/crypto';
import { createLogger } from '../../relay/src/log';
import { startRelay, type RunningRelay } from '../../relay/src/server';
import { grantingUserVia } from '../../src-main/relay/granting-user';
import { RelayService, type RelayServiceDeps, type StoredEnvelope } from '../../src-main/relay/relay-service';
import { makeSyncHarness, type SyncHarness } from './sync-harness';
import { makeTempDir } from './temp-dir';

export const VERIFY_TOKEN = 'emulator-verify-token';

export interface RelayHarness {
  sync: SyncHarness;
  relay: RunningRelay;
  relayDir: string;
  logs: string[];
  service: RelayService;
  stored: StoredEnvelope[];
  pairCode(): Promise<string>;
  restartRelay(): Promise<void>;
  stopRelay(): Promise<void>;
  startRelayAgain(): Promise<void>;
  /** Starts `listen` in the background; call the result to stop it and get its summary. */
  listen(): () => Promise<Awaited<ReturnType<RelayService['listen']>>>;
  close(): Promise<void>;
}

/** Waits (never sleeps blindly) until `check` holds; fails with `what` after a generous limit. */
export async function until(check: () => boolean | Promise<boolean>, what: string, limitMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function makeRelayHarness(opts: { redisUrl?: string; service?: Pick<RelayServiceDeps, 'sseReadyTimeoutMs'> } = {}): Promise<RelayHarness> {
  const sync = await makeSyncHarness('small');
  await sync.syncAll();
  // New messages must be newer than what the first sync saw.
  sync.clock.now += 60_000;
  const tmp = makeTempDir('relay-data-');
  const logs: string[] = [];
  const app = sync.emulator.app;
  const env = {
    META_APP_SECRET: app.secret,
    META_APP_ID: app.id,
    INSTAGRAM_APP_ID: app.igAppId,
    INSTAGRAM_APP_SECRET: app.igAppSecret,
    META_VERIFY_TOKEN: VERIFY_TOKEN,
    // The relay's token exchanges go to the emulator, as the desktop's Graph calls do.
    GRAPH_API_BASE_URL: sync.emulator.url,
    ...(opts.redisUrl ? { RELAY_STORAGE_URL: opts.redisUrl } : {}),
  };
  let config = loadConfig(env, { port: 0, dataDir: tmp.dir });
  const log = createLogger((line) => logs.push(line));
  let relay = await startRelay(config, { log });
  config = { ...config, port: relay.port };
  const stored: StoredEnvelope[] = [];
  // Listeners still running when the harness closes (a test that timed out) are stopped first,
  // so none reads the store after it is closed.
  const listening = new Set<AbortController>();
  const service = new RelayService({
    repos: sync.core.repos,
    now: Date.now,
    syncNow: async () => {
      await sync.syncAll();
    },
    onStored: (e) => stored.push(e),
    grantingUser: grantingUserVia(sync.client, sync.core.repos),
    backoff: { initialMs: 20, maxMs: 200 },
    ...opts.service,
  });
  const harness: RelayHarness = {
    sync,
    get relay() {
      return relay;
    },
    relayDir: tmp.dir,
    logs,
    service,
    stored,
    async pairCode() {
      const code = newPairCode();
      await relay.storage.createPairCode(hashSecret(code), Date.now() + 60_000);
      return code;
    },
    async restartRelay() {
      await relay.close();
      relay = await startRelay(config, { log });
    },
    async stopRelay() {
      await relay.close();
    },
    async startRelayAgain() {
      relay = await startRelay(config, { log });
    },
    listen() {
      const controller = new AbortController();
      listening.add(controller);
      const running = service.listen({ signal: controller.signal });
      return async () => {
        controller.abort();
        listening.delete(controller);
        return running;
      };
    },
    async close() {
      for (const controller of listening) controller.abort();
      listening.clear();
      await relay.close().catch(() => undefined);
      await sync.close();
      tmp.cleanup();
    },
  } as RelayHarness;
  return harness;
}
