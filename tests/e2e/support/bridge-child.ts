import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BridgeKeychain } from '../../../scripts/web-bridge';

export interface BridgeChild {
  url: string;
  /** Resolves with the outbox item id once Meta accepted it (only with `holdAfterMetaAccepted`). */
  metaAccepted: Promise<number>;
  /** SIGKILL: no cleanup, no last write, as a crash or a killed process. */
  kill(): Promise<void>;
  /** SIGTERM: the bridge closes its data and exits. */
  stop(): Promise<void>;
}

export interface BridgeChildOptions {
  dataDir: string;
  keychain: BridgeKeychain;
  demoWorldHost?: string;
  holdAfterMetaAccepted?: boolean;
}

/**
 * The web bridge in its own process (scripts/web-bridge/child-process.ts): one node process with
 * tsx as a loader, so a signal reaches the bridge itself and not a wrapper.
 */
export async function startBridgeChild(options: BridgeChildOptions): Promise<BridgeChild> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/web-bridge/child-process.ts'], {
    env: {
      ...process.env,
      BRIDGE_DATA_DIR: options.dataDir,
      BRIDGE_KEYCHAIN: JSON.stringify(options.keychain),
      ...(options.demoWorldHost ? { BRIDGE_DEMO_WORLD_HOST: options.demoWorldHost } : {}),
      ...(options.holdAfterMetaAccepted ? { BRIDGE_HOLD_AFTER_META_ACCEPTED: '1' } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let accepted: (id: number) => void = () => {};
  const metaAccepted = new Promise<number>((done) => (accepted = done));
  const url = await new Promise<string>((done, fail) => {
    child.once('exit', (code, signal) => fail(new Error(`The bridge process ended before listening (${signal ?? code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let message: { url?: string; metaAccepted?: number };
      try {
        message = JSON.parse(line) as typeof message;
      } catch {
        return;
      }
      if (message.url) done(message.url);
      if (message.metaAccepted !== undefined) accepted(message.metaAccepted);
    });
  });
  return {
    url,
    metaAccepted,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
