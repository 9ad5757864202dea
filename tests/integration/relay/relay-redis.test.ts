/**
 * The same end-to-end path with Redis Streams storage on a real redis-server: two relay instances
 * share it (Meta's webhook reaches one, the device listens on the other), and a Redis restart
 * mid-stream loses nothing and stores nothing twice.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../relay/src/config';
import { silentLogger } from '../../../relay/src/log';
import { startRelay, type RunningRelay } from '../../../relay/src/server';
import { redisServerMissing, startRedis, type RunningRedis } from '../../../relay/tests/redis-server';
import { makeRelayHarness, until, VERIFY_TOKEN, type RelayHarness } from '../../support/relay-harness';

const redisMissing = redisServerMissing();
let redis: RunningRedis | undefined;
let h: RelayHarness | undefined;
let second: RunningRelay | undefined;
beforeAll(async () => {
  if (redisMissing === null) redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
afterEach(async () => {
  await second?.close();
  await h?.close();
  second = undefined;
  h = undefined;
});

const count = (harness: RelayHarness, mid: string) =>
  (harness.sync.core.repos.db.prepare('SELECT count(*) AS n FROM messages WHERE external_id = ?').get(mid) as { n: number }).n;

describe.skipIf(redisMissing !== null)(`relay end to end (Redis Streams storage)${redisMissing ? ` (${redisMissing})` : ''}`, () => {
  it('delivers through a second relay instance sharing the Redis storage', async () => {
    h = await makeRelayHarness({ redisUrl: `${redis!.url}/1` });
    second = await startRelay(loadConfig({ META_APP_SECRET: h.sync.emulator.app.secret, META_VERIFY_TOKEN: VERIFY_TOKEN, RELAY_STORAGE_URL: `${redis!.url}/1` }, { port: 0, dataDir: h.relayDir }), { log: silentLogger });
    // The device pairs with and listens on the second instance; Meta posts to the first.
    await h.service.pair(second.url, await h.pairCode(), 'redis device');
    await h.sync.control('webhooks/subscribe', { method: 'POST', body: { url: `${h.relay.url}/webhooks/meta`, verifyToken: VERIFY_TOKEN, retryBaseMs: 20, maxAttempts: 50 } });
    const stop = h.listen();
    const sent = (await h.sync.control('webhooks/message', { method: 'POST', body: { platform: 'messenger', text: 'via redis' } })) as { mid: string };
    const harness = h;
    await until(() => count(harness, sent.mid) === 1, 'the message through the other instance');
    await until(async () => (await harness.relay.storage.pendingCount()) === 0, 'the ack');
    await stop();
  });

  it.each([
    ['restarts', 'SIGTERM', 2],
    ['is killed (SIGKILL, no shutdown save) and restarts', 'SIGKILL', 3],
  ] as const)('loses nothing and stores nothing twice when Redis %s mid-stream', async (_how, signal, db) => {
    h = await makeRelayHarness({ redisUrl: `${redis!.url}/${db}` });
    await h.service.pair(h.relay.url, await h.pairCode(), 'redis device');
    await h.sync.control('webhooks/subscribe', { method: 'POST', body: { url: `${h.relay.url}/webhooks/meta`, verifyToken: VERIFY_TOKEN, retryBaseMs: 20, maxAttempts: 100 } });
    const stop = h.listen();
    const mids: string[] = [];
    const send = async (text: string) => mids.push(((await h!.sync.control('webhooks/message', { method: 'POST', body: { platform: 'instagram', text } })) as { mid: string }).mid);
    await send('before the restart');
    const harness = h;
    await until(() => count(harness, mids[0]!) === 1, 'the first message');
    await redis!.restart(signal);
    for (let i = 0; i < 3; i++) await send(`after the restart ${i}`);
    await until(() => mids.every((mid) => count(harness, mid) === 1), 'every message after the restart', 45_000);
    await until(async () => (await harness.relay.storage.pendingCount()) === 0, 'every ack', 45_000);
    await stop();
    for (const mid of mids) expect(count(h, mid)).toBe(1);
    // A budget, not a speed target: a Redis restart and Meta's redeliveries take longer on a busy machine.
  }, 120_000);
});
