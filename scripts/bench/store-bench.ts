import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBusinessReply, makeCustomerFollowUp, makeCustomerOpener } from '../../src-main/emulator/world/corpus-chat';
import { Rng } from '../../src-main/emulator/world/prng';
import { checkpoint, openDatabase, type Db } from '../../src-main/store/database';
import { createRepositories, type Repositories } from '../../src-main/store/repositories';

export interface Timer {
  (): number;
}
export const clock: Timer = () => Number(process.hrtime.bigint()) / 1e6;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Median of repeated timings of `fn`, in ms. */
export function timeMany(runs: number, fn: (i: number) => void): { p50: number; p95: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = clock();
    fn(i);
    samples.push(clock() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/**
 * The ingest workload a sync produces: people, conversations and messages (with the FTS index
 * kept by triggers), 10 messages per thread, one transaction per page of 100 threads as the
 * conversations job writes them.
 */
export function ingest(repos: Repositories, messages: number, seed = 7): void {
  const rng = new Rng(seed);
  const accountId = repos.accounts.upsert({ network: 'instagram', externalId: 'bench', name: 'Bench', loginKind: 'demo' }, 1);
  const perThread = 10;
  const threadsPerPage = 100;
  const start = Date.UTC(2024, 10, 23);
  const step = (730 * 86_400_000) / messages;
  const thread = (t: number) => {
    const personId = repos.inbox.upsertPerson(accountId, { idKind: 'igsid', externalId: `p${t}`, name: `Person ${t}` }, start);
    const conversationId = repos.inbox.upsertConversation(accountId, { externalId: `c${t}`, platform: 'instagram', personId, updatedAt: start });
    for (let m = 0; m < perThread; m++) {
      const n = t * perThread + m;
      const inbound = m % 2 === 0;
      const text = inbound ? (m === 0 ? makeCustomerOpener(rng, 'studio') : makeCustomerFollowUp(rng)) : makeBusinessReply(rng, 'studio');
      repos.inbox.upsertMessage(conversationId, { externalId: `m${n}`, direction: inbound ? 'in' : 'out', sentAt: Math.round(start + n * step), text }, start);
    }
    repos.inbox.refreshConversationTimes(conversationId);
  };
  const page = repos.db.transaction((first: number, last: number) => {
    for (let t = first; t < last; t++) thread(t);
  });
  const threads = messages / perThread;
  for (let t = 0; t < threads; t += threadsPerPage) page(t, Math.min(threads, t + threadsPerPage));
}

export interface StoreFigures {
  ingestRowsPerSec: number;
  page50Ms: number;
  pointLookupMs: number;
  ftsP50Ms: number;
  ftsP95Ms: number;
  openMs: number;
}

const SEARCH_TERMS = ['ship', 'mug', 'thank', 'order', 'glaze', 'workshop', 'restock', 'price', 'canada', 'blue', 'size', 'custom'];

/** Builds a store of `messages` messages (encrypted or plain) and measures it. */
export function measureStore(messages: number, encrypted: boolean): StoreFigures & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'social-desk-bench-'));
  const file = join(dir, 'social-desk.db');
  const key = encrypted ? Buffer.alloc(32, 9) : null;
  let db: Db = openDatabase({ file, key });
  let repos = createRepositories(db);
  const start = clock();
  ingest(repos, messages);
  const ingestMs = clock() - start;
  checkpoint(db);
  db.close();

  const open = timeMany(5, () => openDatabase({ file, key }).close());
  db = openDatabase({ file, key });
  repos = createRepositories(db);
  const conversations = messages / 10;
  // Warm the cache as an app that has been open a while would be.
  repos.inbox.listConversations(null, 50, null, Date.now());
  const page = timeMany(300, () => repos.inbox.listConversations(null, 50, null, Date.now()));
  const lookup = db.prepare('SELECT * FROM messages WHERE id = ?');
  // Steady state: the same 2,000 rows are read once to warm the cache, then timed.
  timeMany(2000, (i) => lookup.get(1 + ((i * 7919) % messages)));
  const point = timeMany(2000, (i) => lookup.get(1 + ((i * 7919) % messages)));
  repos.inbox.getMessages(1 + (conversations >> 1), 50, null);
  const fts = timeMany(SEARCH_TERMS.length * 20, (i) => repos.inbox.search(SEARCH_TERMS[i % SEARCH_TERMS.length]!, 50));
  db.close();
  return {
    dir,
    ingestRowsPerSec: Math.round(messages / (ingestMs / 1000)),
    page50Ms: page.p50,
    pointLookupMs: point.p50,
    ftsP50Ms: fts.p50,
    ftsP95Ms: fts.p95,
    openMs: open.p50,
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
