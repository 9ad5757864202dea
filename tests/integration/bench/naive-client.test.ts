import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator/server';
import { runNaiveClient, type NaiveResult } from '../../../scripts/bench/naive-client';
import { SimulatedClock } from '../../../scripts/bench/sync-run';

interface TruthConversation {
  id: string;
  platform: 'instagram' | 'messenger';
  visibleMessageIds: string[];
  retrievableMessageIds: string[];
}
interface Truth {
  accounts: Array<{ kind: 'instagram' | 'page'; mediaIds?: string[]; postIds?: string[]; commentIds: string[]; conversations: TruthConversation[] }>;
}
interface Stats {
  httpRequests: number;
  operations: number;
  byTemplate: Record<string, number>;
}

/** Two months of history keep the test light; the bench reads two years. */
const HISTORY_DAYS = 60;
/** Meta's page size when a client sends no `limit`. */
const DEFAULT_PAGE = 25;

let emu: RunningEmulator;
let result: NaiveResult;
let stats: Stats;
let truth: Truth;

beforeAll(async () => {
  const clock = new SimulatedClock(Date.UTC(2026, 10, 16, 10));
  emu = await startEmulator({ port: 0, scenario: 'small', now: clock.now });
  result = await runNaiveClient({ baseUrl: emu.url, token: emu.tokens.systemUser, historyDays: HISTORY_DAYS, now: clock.now, sleep: clock.sleep });
  stats = (await (await fetch(`${emu.url}/__emulator/stats`)).json()) as Stats;
  truth = (await (await fetch(`${emu.url}/__emulator/truth`)).json()) as Truth;
}, 600_000);
afterAll(() => emu.stop());

describe('the naive client, counted by the emulator', () => {
  it('is counted once per request it sends: no batches, so requests, HTTP requests and operations agree', () => {
    expect(result.requests).toBeGreaterThan(0);
    expect(stats.httpRequests).toBe(result.requests);
    expect(stats.operations).toBe(result.requests);
    expect(stats.byTemplate['POST / (batch)']).toBeUndefined();
  });

  it('reads everything a full sync reads: every media, post, comment, listed thread and detailable message', () => {
    const ig = truth.accounts.find((a) => a.kind === 'instagram')!;
    const page = truth.accounts.find((a) => a.kind === 'page')!;
    expect([...result.read.media].sort()).toEqual([...(ig.mediaIds ?? [])].sort());
    expect([...result.read.posts].sort()).toEqual([...(page.postIds ?? [])].sort());
    expect([...result.read.comments].sort()).toEqual([...ig.commentIds, ...page.commentIds].sort());
    const threads = [...ig.conversations, ...page.conversations].filter((c) => c.visibleMessageIds.length > 0);
    expect([...result.read.conversations].sort()).toEqual(threads.map((c) => c.id).sort());
    for (const thread of threads) for (const id of thread.retrievableMessageIds) expect(result.read.messages.has(id)).toBe(true);
  });

  it('spends one request per list page, per post for insights, per day of account totals and per message', () => {
    const ig = truth.accounts.find((a) => a.kind === 'instagram')!;
    const page = truth.accounts.find((a) => a.kind === 'page')!;
    const media = ig.mediaIds!.length;
    expect(stats.byTemplate['GET /{ig-user-id}/media']).toBe(Math.ceil(media / DEFAULT_PAGE));
    expect(stats.byTemplate['GET /{media-id}/insights']).toBe(media);
    const commentPages = ig.mediaIds!.reduce((n, id) => n + Math.max(1, Math.ceil(emu.world.media[id]!.commentIds.length / DEFAULT_PAGE)), 0);
    expect(commentPages).toBeGreaterThan(media);
    expect(stats.byTemplate['GET /{media-id}/comments']).toBe(commentPages);
    expect(stats.byTemplate['GET /{post-id}/insights']).toBe(page.postIds!.length);
    // One call per day of totals, follower_count once, 2 audiences × 4 demographic breakdowns.
    expect(stats.byTemplate['GET /{ig-user-id}/insights']).toBe(HISTORY_DAYS + 1 + 8);
    expect(stats.byTemplate['GET /{page-id}/insights']).toBe(Math.ceil(HISTORY_DAYS / 90));
    const detailed = [...ig.conversations, ...page.conversations].reduce(
      (n, c) => n + (c.platform === 'instagram' ? Math.min(20, c.visibleMessageIds.length) : c.visibleMessageIds.length),
      0,
    );
    expect(stats.byTemplate['GET /{message-id}']).toBe(detailed);
  });

  it('reports what Meta refused instead of stopping (older Messenger details the emulator withholds, if any)', () => {
    const refused = (stats.byTemplate['GET /{message-id}'] ?? 0) - result.read.messages.size;
    expect(result.failed).toBe(refused);
    expect(result.waitedMs).toBe(0);
  });
});
