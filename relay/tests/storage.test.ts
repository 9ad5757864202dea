/**
 * One contract, both storages: SQLite in a temp folder and Redis Streams on a real redis-server
 * started here (Debian package redis-server), including a Redis restart that must lose nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStorage } from '../src/storage/redis';
import { SqliteStorage } from '../src/storage/sqlite';
import type { RelayStorage } from '../src/storage/types';
import { redisServerMissing, startRedis, type RunningRedis } from './redis-server';

const redisMissing = redisServerMissing();
let redis: RunningRedis | undefined;
let redisDb = 0;
const dirs: string[] = [];
beforeAll(async () => {
  if (redisMissing === null) redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const factories: Record<string, () => RelayStorage> = {
  sqlite: () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-storage-'));
    dirs.push(dir);
    return new SqliteStorage(dir);
  },
  // A separate logical database per test keeps them independent on one server.
  ...(redisMissing === null ? { redis: () => new RedisStorage(`${redis!.url}/${++redisDb}`, 60_000) } : {}),
};

const device = (id: string, pairedAt: number) => ({ id, name: id, publicKey: Buffer.alloc(32, 1).toString('base64'), pairedAt, lastSeenAt: null, revokedAt: null });
const bytes = (s: string) => new TextEncoder().encode(s);

describe.each(Object.keys(factories))('%s storage', (kind) => {
  it('numbers envelopes in order, serves each device its copies, and forgets a copy once acked', async () => {
    const s = factories[kind]!();
    await s.addDevice(device('a', 1), 'hash-a');
    await s.addDevice(device('b', 2), 'hash-b');
    const seq1 = await s.append(100, new Map([['a', bytes('a1')], ['b', bytes('b1')]]));
    const seq2 = await s.append(200, new Map([['a', bytes('a2')], ['b', bytes('b2')]]));
    expect(seq2).toBe(seq1 + 1);
    const forA = await s.pending('a', 0, 10);
    expect(forA.map((e) => [e.seq, e.arrivedAt, Buffer.from(e.ciphertext, 'base64').toString()])).toEqual([
      [seq1, 100, 'a1'],
      [seq2, 200, 'a2'],
    ]);
    expect((await s.pending('a', seq1, 10)).map((e) => e.seq)).toEqual([seq2]);
    expect(await s.ack('a', [seq1, seq2])).toBe(2);
    expect(await s.pending('a', 0, 10)).toEqual([]);
    expect(await s.pendingCount()).toBe(2);
    expect(await s.expire(150)).toBe(1);
    expect((await s.pending('b', 0, 10)).map((e) => e.seq)).toEqual([seq2]);
    await s.close();
  });

  it('uses a pairing code once, finds devices by token hash until revoked, and remembers signatures', async () => {
    const s = factories[kind]!();
    await s.createPairCode('code-hash', Date.now() + 60_000);
    expect(await s.consumePairCode('code-hash', Date.now())).toBe(true);
    expect(await s.consumePairCode('code-hash', Date.now())).toBe(false);
    await s.createPairCode('expired', Date.now() - 1);
    expect(await s.consumePairCode('expired', Date.now())).toBe(false);
    await s.addDevice(device('d', 1), 'token-hash');
    expect((await s.deviceByTokenHash('token-hash'))?.id).toBe('d');
    expect(await s.revokeDevice('d', 5)).toBe(true);
    expect(await s.revokeDevice('d', 6)).toBe(false);
    expect(await s.deviceByTokenHash('token-hash')).toBeNull();
    expect((await s.listDevices())[0]?.revokedAt).toBe(5);
    expect(await s.rememberSignature('ab'.repeat(32), 1)).toBe(true);
    expect(await s.rememberSignature('AB'.repeat(32), 2)).toBe(false);
    await s.addDeletionRequest('conf', 10);
    expect(await s.completeDeletionRequest('conf', 20)).toBe(true);
    expect(await s.deletionRequest('conf')).toEqual({ code: 'conf', receivedAt: 10, completedAt: 20 });
    await s.increment('pairings');
    await s.increment('pairings');
    expect(await s.counters()).toMatchObject({ pairings: 2 });
    await s.close();
  });

  it('wakes listeners on append', async () => {
    const s = factories[kind]!();
    await s.addDevice(device('a', 1), 'h');
    const woke = new Promise<void>((resolve) => s.onAppend(resolve));
    // Redis subscribes asynchronously; append until the wake-up arrives.
    let done = false;
    void woke.then(() => (done = true));
    while (!done) {
      await s.append(1, new Map([['a', bytes('x')]]));
      await new Promise((r) => setTimeout(r, 20));
    }
    await s.close();
  });
});

describe.skipIf(redisMissing !== null)(`redis restart${redisMissing ? ` (${redisMissing})` : ''}`, () => {
  it('keeps every envelope and the sequence across a redis-server restart', async () => {
    const errors: Error[] = [];
    const s = new RedisStorage(`${redis!.url}/15`, 60_000, (e) => errors.push(e));
    await s.addDevice(device('a', 1), 'h');
    const before = await s.append(1, new Map([['a', bytes('before')]]));
    await redis!.restart();
    const after = await s.append(2, new Map([['a', bytes('after')]]));
    expect(after).toBe(before + 1);
    expect((await s.pending('a', 0, 10)).map((e) => Buffer.from(e.ciphertext, 'base64').toString())).toEqual(['before', 'after']);
    // Whether the client saw the outage depends on timing; either way nothing was thrown.
    expect(errors.every((e) => e instanceof Error)).toBe(true);
    await s.close();
  });
});
