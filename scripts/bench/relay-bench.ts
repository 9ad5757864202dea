/**
 * The relay's costs, on loopback against a relay running as its own process (SQLite storage):
 *  - webhook ingest (verify signature + seal to each device + store) in events/s, 1 and 3 devices;
 *  - end-to-end latency from Meta's POST to the message committed in an encrypted desktop store,
 *    through SSE, decrypt and the webhook parsers (p50/p95; target p95 < 500 ms);
 *  - the relay process's memory (RSS) with 10,000 envelopes pending.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sodium from 'libsodium-wrappers';
import { hashSecret, newPairCode } from '../../relay/src/crypto';
import { SqliteStorage } from '../../relay/src/storage/sqlite';
import { RelayService } from '../../src-main/relay/relay-service';
import { openDatabase } from '../../src-main/store/database';
import { createRepositories } from '../../src-main/store/repositories';

const SECRET = 'bench-app-secret';
const IG_ACCOUNT = '17841400000000001';
const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

function webhookBody(i: number): string {
  // Meta's Instagram messaging shape, one message per delivery, a distinct mid each time.
  return JSON.stringify({
    object: 'instagram',
    entry: [{ id: IG_ACCOUNT, time: Date.now(), messaging: [{ sender: { id: `9${String(i % 50).padStart(15, '0')}` }, recipient: { id: IG_ACCOUNT }, timestamp: Date.now(), message: { mid: `bench-mid-${i}-${Math.random()}`, text: `Benchmark message number ${i}: is the blue one back in stock?` } }] }],
  });
}

async function post(url: string, body: string): Promise<void> {
  const res = await fetch(`${url}/webhooks/meta`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` } });
  if (res.status !== 200) throw new Error(`relay answered ${res.status}`);
  await res.arrayBuffer();
}

/** Posts `count` webhooks with `concurrency` in flight; returns events/s. */
async function ingest(url: string, count: number, offset: number, concurrency = 8): Promise<number> {
  const bodies = Array.from({ length: count }, (_, i) => webhookBody(offset + i));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) await post(url, bodies[next++] as string);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

async function pairDevice(url: string, dir: string): Promise<void> {
  const code = newPairCode();
  const storage = new SqliteStorage(dir);
  await storage.createPairCode(hashSecret(code), Date.now() + 60_000);
  await storage.close();
  const keys = sodium.crypto_box_keypair();
  const res = await fetch(`${url}/v1/devices/pair`, { method: 'POST', body: JSON.stringify({ code, name: 'bench', publicKey: Buffer.from(keys.publicKey).toString('base64') }), headers: { 'content-type': 'application/json' } });
  if (res.status !== 201) throw new Error(`pairing failed: ${res.status}`);
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
}

export async function measureRelay(log: (line: string) => void): Promise<Record<string, number>> {
  await sodium.ready;
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/src/cli.ts', 'serve', '--port', '0', '--data', dir], { env: { ...process.env, META_APP_SECRET: SECRET, META_VERIFY_TOKEN: 'bench' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`relay exited (${code})`)));
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
  });
  // Keep the relay's log lines from filling the pipe.
  child.stdout.on('data', () => undefined);
  const result: Record<string, number> = {};
  try {
    log('\nRelay (own process, SQLite, loopback)');
    await pairDevice(url, dir);
    await ingest(url, 200, 0); // warm-up
    result.relay_ingest_1_device_events_per_s = round(await ingest(url, 2000, 1000));
    await pairDevice(url, dir);
    await pairDevice(url, dir);
    result.relay_ingest_3_devices_events_per_s = round(await ingest(url, 2000, 10_000));
    log(`  webhook ingest (verify + seal + store)  1 device ${result.relay_ingest_1_device_events_per_s} events/s   3 devices ${result.relay_ingest_3_devices_events_per_s} events/s`);

    // Fill to 10,000 pending envelopes (each sealed for 3 devices) and read the relay's memory.
    const storage = new SqliteStorage(dir);
    const firstDeviceId = (await storage.listDevices())[0]?.id ?? '';
    const envelopesHeld = async () => (await storage.pending(firstDeviceId, 0, 20_000)).length;
    await ingest(url, Math.max(0, 10_000 - (await envelopesHeld())), 20_000);
    const pendingEnvelopes = await envelopesHeld();
    await storage.close();
    result.relay_pending_envelopes = pendingEnvelopes;
    result.relay_rss_at_10k_pending_mib = round(rssMiB(child.pid as number));
    log(`  relay memory (RSS) with ${pendingEnvelopes.toLocaleString('en')} envelopes pending  ${result.relay_rss_at_10k_pending_mib} MiB`);

    // End to end: a fresh device on an encrypted store with the IG account, listening over SSE.
    const storeDir = mkdtempSync(join(tmpdir(), 'relay-bench-store-'));
    const db = openDatabase({ file: join(storeDir, 'social-desk.db'), key: Buffer.alloc(32, 7) });
    const repos = createRepositories(db);
    repos.accounts.upsert({ network: 'instagram', externalId: IG_ACCOUNT, name: 'Bench', loginKind: 'system_user' }, Date.now());
    const committed = new Map<number, number>();
    const service = new RelayService({ repos, now: Date.now, syncNow: async () => undefined, onStored: (e) => committed.set(e.seq, performance.now()) });
    const code = newPairCode();
    const codes = new SqliteStorage(dir);
    await codes.createPairCode(hashSecret(code), Date.now() + 60_000);
    await codes.close();
    await service.pair(url, code, 'bench desktop');
    const controller = new AbortController();
    const listening = service.listen({ signal: controller.signal });
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      const before = committed.size;
      const sent = performance.now();
      await post(url, webhookBody(100_000 + i));
      while (committed.size === before) await new Promise((r) => setImmediate(r));
      latencies.push([...committed.values()].at(-1)! - sent);
    }
    controller.abort();
    await listening;
    latencies.sort((a, b) => a - b);
    const stored = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
    db.close();
    rmSync(storeDir, { recursive: true, force: true });
    result.relay_e2e_latency_p50_ms = round(percentile(latencies, 50));
    result.relay_e2e_latency_p95_ms = round(percentile(latencies, 95));
    result.relay_e2e_messages_committed = stored;
    log(`  webhook → committed in the desktop store  p50 ${result.relay_e2e_latency_p50_ms} ms   p95 ${result.relay_e2e_latency_p95_ms} ms   (${stored} messages, target p95 < 500 ms)`);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
