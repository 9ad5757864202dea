/**
 * Fault: the relay killed mid-stream. The relay runs as the brand runs it, `npm run relay -- serve`,
 * in its own process group; while the emulator sends a stream of DMs and the device is storing
 * them, the whole group gets SIGKILL (no shutdown code runs), then the relay restarts on the same
 * port and data folder. Meta (the emulator) retries what failed; the device reconnects. Every
 * message must end up stored exactly once and the relay must hold nothing pending.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../relay/tests/redis-server';
import { RelayService } from '../../../src-main/relay/relay-service';
import { until, VERIFY_TOKEN } from '../../support/relay-harness';
import { makeSyncHarness, type SyncHarness } from '../../support/sync-harness';
import { makeTempDir } from '../../support/temp-dir';

const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
const MESSAGES = 40;
const KILL_AFTER_STORED = 12;

let sync: SyncHarness;
let tmp: { dir: string; cleanup: () => void };
let relay: ChildProcess | null = null;
let port = 0;
const env = () => ({ ...process.env, META_APP_SECRET: sync.emulator.app.secret, META_VERIFY_TOKEN: VERIFY_TOKEN });

/** `npm run relay -- serve` in a new process group, resolved once it prints its address. */
async function startRelayProcess(): Promise<string> {
  const child = spawn('npm', ['run', '--silent', 'relay', '--', 'serve', '--port', String(port), '--data', join(tmp.dir, 'relay')], { cwd: root, env: env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  relay = child;
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise<string>((resolveUrl, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the relay exited (${code}) before listening: ${output}`));
    child.once('exit', onExit);
    const check = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearInterval(check);
        child.off('exit', onExit);
        resolveUrl(match[1]);
      }
    }, 20);
  });
}

async function killRelayProcess(signal: NodeJS.Signals): Promise<void> {
  const child = relay;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  process.kill(-child.pid, signal);
  await exited;
  relay = null;
}

const relayCli = async (args: string[]) => (await run('npm', ['run', '--silent', 'relay', '--', ...args, '--data', join(tmp.dir, 'relay')], { cwd: root, env: env(), timeout: 60_000 })).stdout;

beforeAll(async () => {
  tmp = makeTempDir('relay-sigkill-');
  sync = await makeSyncHarness('small');
  await sync.syncAll();
  sync.clock.now += 60_000;
  port = await freePort();
}, 120_000);

afterAll(async () => {
  await killRelayProcess('SIGKILL');
  await sync?.close();
  tmp?.cleanup();
});

describe('relay killed mid-stream (SIGKILL of `npm run relay -- serve`)', () => {
  it('loses nothing and stores nothing twice after a restart on the same data folder', async () => {
    const url = await startRelayProcess();
    const code = (await relayCli(['pair-code'])).trim().split('\n').at(-1) as string;
    const service = new RelayService({ repos: sync.core.repos, now: Date.now, syncNow: () => sync.syncAll().then(() => undefined), backoff: { initialMs: 20, maxMs: 200 } });
    await service.pair(url, code, 'sigkill device');
    await sync.control('webhooks/subscribe', { method: 'POST', body: { url: `${url}/webhooks/meta`, verifyToken: VERIFY_TOKEN, retryBaseMs: 20, maxAttempts: 400 } });
    const controller = new AbortController();
    const listening = service.listen({ signal: controller.signal });

    const db = sync.core.repos.db;
    const mids: string[] = [];
    const stored = () => (mids.length === 0 ? 0 : (db.prepare(`SELECT count(*) FROM messages WHERE external_id IN (${mids.map(() => '?').join(',')})`).pluck().get(...mids) as number));
    // The stream: one DM after another, not waiting for the device.
    const sending = (async () => {
      for (let i = 0; i < MESSAGES; i++) {
        const sent = (await sync.control('webhooks/message', { method: 'POST', body: { platform: i % 2 ? 'messenger' : 'instagram', text: `stream message ${i}` } })) as { mid: string };
        mids.push(sent.mid);
      }
    })();

    await until(() => stored() >= KILL_AFTER_STORED, 'the first messages through the relay', 60_000);
    await killRelayProcess('SIGKILL');
    const storedAtKill = stored();
    expect(storedAtKill).toBeLessThan(MESSAGES);
    // Down for a while: Meta's deliveries fail and are retried with back-off.
    await until(() => mids.length >= storedAtKill + 5, 'webhooks sent while the relay is down', 60_000);
    await startRelayProcess();

    await sending;
    await until(() => stored() === MESSAGES, 'every message of the stream', 90_000);
    await until(async () => JSON.parse(await relayCli(['stats'])).pending === 0, 'every acknowledgement on the relay', 60_000);
    controller.abort();
    const summary = await listening;

    const perMid = db.prepare(`SELECT external_id, count(*) AS n FROM messages WHERE external_id IN (${mids.map(() => '?').join(',')}) GROUP BY external_id`).all(...mids) as Array<{ n: number }>;
    expect(perMid).toHaveLength(MESSAGES);
    expect(perMid.every((r) => r.n === 1)).toBe(true);
    expect(summary.reconnects).toBeGreaterThanOrEqual(1);
    // The counters survived the kill: the relay's storage is durable, not in memory.
    const stats = JSON.parse(await relayCli(['stats'])) as { counters: Record<string, number> };
    expect(stats.counters.webhooks_accepted).toBeGreaterThanOrEqual(storedAtKill);
  }, 300_000);
});
