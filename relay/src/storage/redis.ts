/**
 * Redis Streams storage, for several relay instances behind a load balancer. Each device has a
 * stream `sdr:stream:<device>` whose entry ids are `<seq>-0`; a Lua script takes the next seq and
 * appends every device's copy atomically, so instances never interleave out of order. An append
 * is published on `sdr:append` so every instance wakes its open event streams.
 */
import { Redis } from 'ioredis';
import type { CounterName, DeletionRequest, Device, RelayStorage, SealedEnvelope } from './types';

const K = {
  pair: (hash: string) => `sdr:pair:${hash}`,
  devices: 'sdr:devices',
  token: (hash: string) => `sdr:token:${hash}`,
  seq: 'sdr:seq',
  stream: (deviceId: string) => `sdr:stream:${deviceId}`,
  signature: (hex: string) => `sdr:sig:${hex.toLowerCase()}`,
  deletion: (code: string) => `sdr:deletion:${code}`,
  counters: 'sdr:counters',
  appendChannel: 'sdr:append',
};

/** KEYS: seq key, then one stream per device. ARGV: arrivedAt, then one ciphertext per stream. */
const APPEND_SCRIPT = `
local seq = redis.call('INCR', KEYS[1])
for i = 2, #KEYS do
  redis.call('XADD', KEYS[i], seq .. '-0', 'a', ARGV[1], 'c', ARGV[i])
end
redis.call('PUBLISH', '${K.appendChannel}', seq)
return seq`;

type StreamEntry = [id: string, fields: string[]];

function entryToEnvelope([id, fields]: StreamEntry): SealedEnvelope {
  const get = (name: string) => fields[fields.indexOf(name) + 1] ?? '';
  return { seq: Number(id.split('-')[0]), arrivedAt: Number(get('a')), ciphertext: get('c') };
}

export class RedisStorage implements RelayStorage {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;
  private subscriber: Redis | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    url: string,
    private readonly signatureTtlMs: number,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {
    // ioredis reconnects by itself and queues commands meanwhile; connection errors are reported,
    // not thrown, so a Redis restart costs latency, not events.
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 20 });
    this.redis.on('error', this.onError);
  }

  async createPairCode(codeHash: string, expiresAt: number): Promise<void> {
    await this.redis.set(K.pair(codeHash), String(expiresAt), 'PXAT', expiresAt);
  }

  async consumePairCode(codeHash: string, _now: number): Promise<boolean> {
    // DEL is atomic: of two racing pairings only one sees 1. Expired keys are already gone.
    return (await this.redis.del(K.pair(codeHash))) === 1;
  }

  async addDevice(device: Device, tokenHash: string): Promise<void> {
    await this.redis.multi().hset(K.devices, device.id, JSON.stringify(device)).set(K.token(tokenHash), device.id).exec();
  }

  private async device(id: string): Promise<Device | null> {
    const raw = await this.redis.hget(K.devices, id);
    return raw ? (JSON.parse(raw) as Device) : null;
  }

  async deviceByTokenHash(tokenHash: string): Promise<Device | null> {
    const id = await this.redis.get(K.token(tokenHash));
    const device = id ? await this.device(id) : null;
    return device && device.revokedAt === null ? device : null;
  }

  async listDevices(): Promise<Device[]> {
    const all = await this.redis.hvals(K.devices);
    return all.map((raw) => JSON.parse(raw) as Device).sort((a, b) => a.pairedAt - b.pairedAt);
  }

  async revokeDevice(id: string, now: number): Promise<boolean> {
    const device = await this.device(id);
    if (!device || device.revokedAt !== null) return false;
    await this.redis.multi().hset(K.devices, id, JSON.stringify({ ...device, revokedAt: now })).del(K.stream(id)).exec();
    return true;
  }

  async touchDevice(id: string, now: number): Promise<void> {
    const device = await this.device(id);
    if (device) await this.redis.hset(K.devices, id, JSON.stringify({ ...device, lastSeenAt: now }));
  }

  async append(arrivedAt: number, sealedByDevice: ReadonlyMap<string, Uint8Array>): Promise<number> {
    const ids = [...sealedByDevice.keys()];
    const keys = [K.seq, ...ids.map(K.stream)];
    const args = [String(arrivedAt), ...ids.map((id) => Buffer.from(sealedByDevice.get(id) ?? new Uint8Array()).toString('base64'))];
    return Number(await this.redis.eval(APPEND_SCRIPT, keys.length, ...keys, ...args));
  }

  async pending(deviceId: string, afterSeq: number, limit: number): Promise<SealedEnvelope[]> {
    const entries = (await this.redis.xrange(K.stream(deviceId), `${afterSeq + 1}-0`, '+', 'COUNT', limit)) as StreamEntry[];
    return entries.map(entryToEnvelope);
  }

  async ack(deviceId: string, seqs: readonly number[]): Promise<number> {
    if (seqs.length === 0) return 0;
    return this.redis.xdel(K.stream(deviceId), ...seqs.map((s) => `${s}-0`));
  }

  async expire(cutoff: number): Promise<number> {
    let removed = 0;
    for (const device of await this.listDevices()) {
      // Seqs grow with arrival time, so the oldest entries come first; stop at the first young one.
      for (;;) {
        const entries = ((await this.redis.xrange(K.stream(device.id), '-', '+', 'COUNT', 500)) as StreamEntry[]).map(entryToEnvelope);
        const old = entries.filter((e) => e.arrivedAt < cutoff);
        if (old.length > 0) removed += await this.redis.xdel(K.stream(device.id), ...old.map((e) => `${e.seq}-0`));
        if (old.length < 500) break;
      }
    }
    return removed;
  }

  async pendingCount(): Promise<number> {
    let total = 0;
    for (const device of await this.listDevices()) total += await this.redis.xlen(K.stream(device.id));
    return total;
  }

  async rememberSignature(signatureHex: string, _now: number): Promise<boolean> {
    return (await this.redis.set(K.signature(signatureHex), '1', 'PX', this.signatureTtlMs, 'NX')) === 'OK';
  }

  async addDeletionRequest(code: string, now: number): Promise<void> {
    await this.redis.hset(K.deletion(code), 'receivedAt', String(now));
  }

  async deletionRequest(code: string): Promise<DeletionRequest | null> {
    const row = await this.redis.hgetall(K.deletion(code));
    if (!row.receivedAt) return null;
    return { code, receivedAt: Number(row.receivedAt), completedAt: row.completedAt ? Number(row.completedAt) : null };
  }

  async completeDeletionRequest(code: string, now: number): Promise<boolean> {
    if (!(await this.redis.exists(K.deletion(code)))) return false;
    await this.redis.hsetnx(K.deletion(code), 'completedAt', String(now));
    return true;
  }

  async increment(counter: CounterName): Promise<void> {
    await this.redis.hincrby(K.counters, counter, 1);
  }

  async counters(): Promise<Record<string, number>> {
    const raw = await this.redis.hgetall(K.counters);
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
  }

  onAppend(listener: () => void): () => void {
    if (!this.subscriber) {
      this.subscriber = this.redis.duplicate();
      this.subscriber.on('error', this.onError);
      void this.subscriber.subscribe(K.appendChannel);
      this.subscriber.on('message', () => {
        for (const l of this.listeners) l();
      });
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    await this.redis.quit().catch(() => undefined);
  }
}
