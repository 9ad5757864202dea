import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningEmulator } from '../../../src-main/emulator/server';
import { startDemoEmulator, type DemoWorldRecord } from '../../../src-main/services/live-demo';

export interface DemoWorldHost {
  /** POST a DemoWorldRecord here; the answer is `{ url }` of that world's emulator. */
  url: string;
  /** The world the app attached to (null until it did). */
  emulator(): RunningEmulator | null;
  stop(): Promise<void>;
}

/**
 * Keeps the live demo's world in the spec's process, so it outlives an app process that is
 * killed and restarted: the spec reads from it what Meta really received.
 */
export async function startDemoWorldHost(): Promise<DemoWorldHost> {
  let running: Promise<RunningEmulator> | null = null;
  let started: RunningEmulator | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const record = JSON.parse(Buffer.concat(chunks).toString('utf8')) as DemoWorldRecord;
      running ??= startDemoEmulator(record, Date.now).then((emulator) => (started = emulator));
      running.then(
        (emulator) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ url: emulator.url }));
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/world`,
    emulator: () => started,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await started?.stop();
    },
  };
}
