/**
 * Inbox figures at scale: the conversation list at 100,000 conversations (query times, and the
 * virtualized list rendered in jsdom with rows counted), a thread of 10,000 messages opened, and
 * search over 200,000 messages, newest first, with the total the UI shows.
 */
import { JSDOM } from 'jsdom';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildApi, type Api, type Channel } from '../../src-preload/contract';
import { checkpoint, openDatabase } from '../../src-main/store/database';
import { createRepositories, type Repositories } from '../../src-main/store/repositories';
import { ALL_CONVERSATIONS } from '../../src-main/store/repositories/inbox-queries';
import { createInboxHandlers } from '../../src-main/ipc/inbox-handlers';
import { searchHits } from '../../src-main/store/repositories/inbox-search';
import type { AppCore } from '../../src-main/core/app-core';
import { makeBusinessReply, makeCustomerFollowUp } from '../../src-main/emulator/world/corpus-chat';
import { Rng } from '../../src-main/emulator/world/prng';
import { clock, removeDir, timeMany } from './store-bench';

const CONVERSATIONS = 100_000;
const LONG_THREAD = 10_000;
const NOW = Date.UTC(2026, 10, 30);
const SEARCH_TERMS = ['ship', 'mug', 'thank', 'order', 'glaze', 'workshop', 'restock', 'price', 'canada', 'blue', 'size', 'custom'];

/** 100,000 two-message threads (200,000 messages) over two accounts, plus one 10,000-message thread. */
function build(repos: Repositories): number {
  const rng = new Rng(11);
  const accounts = [
    repos.accounts.upsert({ network: 'instagram', externalId: 'ig', name: 'Bench Studio', loginKind: 'demo' }, 1),
    repos.accounts.upsert({ network: 'facebook', externalId: 'fb', name: 'Bench Café', loginKind: 'demo' }, 1),
  ];
  const span = 730 * 86_400_000;
  const page = repos.db.transaction((first: number, last: number) => {
    for (let t = first; t < last; t++) {
      const accountId = accounts[t % 2] as number;
      const at = NOW - span + Math.floor((t / CONVERSATIONS) * span);
      const personId = repos.inbox.upsertPerson(accountId, { idKind: t % 2 ? 'psid' : 'igsid', externalId: `p${t}`, name: `Person ${t}` }, at);
      const id = repos.inbox.upsertConversation(accountId, { externalId: `c${t}`, platform: t % 2 ? 'messenger' : 'instagram', personId, updatedAt: at });
      repos.inbox.upsertMessage(id, { externalId: `a${t}`, direction: 'in', sentAt: at, text: makeCustomerFollowUp(rng) }, at);
      if (t % 3 !== 0) repos.inbox.upsertMessage(id, { externalId: `b${t}`, direction: 'out', sentAt: at + 60_000, text: makeBusinessReply(rng, 'studio') }, at);
      else repos.inbox.upsertMessage(id, { externalId: `b${t}`, direction: 'in', sentAt: at + 60_000, text: makeCustomerFollowUp(rng) }, at);
      repos.inbox.refreshConversationTimes(id);
    }
  });
  for (let t = 0; t < CONVERSATIONS; t += 1000) page(t, t + 1000);
  const person = repos.inbox.upsertPerson(accounts[0] as number, { idKind: 'igsid', externalId: 'long', name: 'Long Thread' }, NOW);
  const long = repos.inbox.upsertConversation(accounts[0] as number, { externalId: 'long', platform: 'instagram', personId: person, updatedAt: NOW });
  repos.db.transaction(() => {
    for (let m = 0; m < LONG_THREAD; m++) {
      repos.inbox.upsertMessage(long, { externalId: `l${m}`, direction: m % 2 ? 'out' : 'in', sentAt: NOW - (LONG_THREAD - m) * 60_000, text: makeCustomerFollowUp(rng) }, NOW);
    }
    repos.inbox.refreshConversationTimes(long);
  })();
  return long;
}

/** The real inbox handlers over the bench store, as `window.api` for the renderer. */
function apiOver(repos: Repositories): Api {
  const core = { repos, now: () => NOW, events: { emit: () => {} } } as unknown as AppCore;
  const handlers = createInboxHandlers(core) as Record<string, (args: unknown) => unknown>;
  const invoke = async (channel: Channel, args: unknown) => {
    const handler = handlers[channel];
    if (!handler) return { ok: true, data: channel === 'inbox:getBadge' ? { unreadConversations: 0, newComments: 0 } : null };
    return { ok: true, data: await handler(args) };
  };
  return buildApi(invoke, () => () => {});
}

/** The renderer module, loaded only after the DOM globals exist (a path, so the node typecheck skips its JSX). */
const RENDER_MODULE = './inbox-render.tsx';

/** Renders the virtualized list in jsdom (no layout: a 900-pixel viewport is given) and counts its rows. */
async function renderList(repos: Repositories): Promise<{ rows: number; firstRenderMs: number; scrollMs: number; total: number }> {
  const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  // jsdom's globals are lent to React for this render only: Node's own Event and EventTarget must come back,
  // or every later part of the bench that dispatches a Node event (electron-store's Conf does) throws.
  const lent = ['window', 'document', 'navigator', 'HTMLElement', 'Element', 'Node', 'Event', 'requestAnimationFrame', 'cancelAnimationFrame', 'getComputedStyle', 'IS_REACT_ACT_ENVIRONMENT', 'React'];
  const saved = new Map(lent.map((key) => [key, Object.getOwnPropertyDescriptor(g, key)]));
  try {
    for (const key of lent.slice(0, 10)) g[key] = dom.window[key];
    g.IS_REACT_ACT_ENVIRONMENT = true;
    // tsx compiles the renderer's JSX with the classic runtime here, which reads a global React.
    g.React = await import('react');
    for (const [key, value] of Object.entries({ clientHeight: 900, clientWidth: 420, offsetHeight: 900, offsetWidth: 420 })) {
      Object.defineProperty(dom.window.HTMLElement.prototype, key, { configurable: true, get: () => value });
    }
    const { renderListRows } = (await import(RENDER_MODULE)) as { renderListRows: (api: Api) => Promise<{ rows: number; firstRenderMs: number; scrollMs: number; total: number }> };
    return await renderListRows(apiOver(repos));
  } finally {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(g, key, descriptor);
      else delete g[key];
    }
    dom.window.close();
  }
}

export async function measureInbox(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'social-desk-inbox-bench-'));
  const file = join(dir, 'social-desk.db');
  const key = Buffer.alloc(32, 4);
  let db = openDatabase({ file, key, migrate: true });
  const buildStart = clock();
  const longThread = build(createRepositories(db));
  const buildMs = clock() - buildStart;
  checkpoint(db);
  db.close();
  db = openDatabase({ file, key });
  const repos = createRepositories(db);
  log(`\nInbox at ${CONVERSATIONS.toLocaleString('en')} conversations / ${(CONVERSATIONS * 2 + LONG_THREAD).toLocaleString('en')} messages (encrypted; built in ${Math.round(buildMs)} ms)`);

  const pageAt = timeMany(200, (i) => repos.inbox.queryConversations(ALL_CONVERSATIONS, ((i * 7919) % 1000) * 100, 100, NOW));
  const unread = timeMany(50, (i) => repos.inbox.queryConversations({ ...ALL_CONVERSATIONS, needsReply: true }, (i % 10) * 100, 100, NOW));
  const counts = timeMany(20, () => repos.inbox.counts(NOW));
  const threadOpen = timeMany(100, () => {
    repos.inbox.getConversation(longThread, NOW);
    repos.inbox.getMessages(longThread, 50, null);
  });
  const older = timeMany(100, (i) => repos.inbox.getMessages(longThread, 50, NOW - (LONG_THREAD - i * 50) * 60_000));
  const query = (i: number, accountId: number | null) =>
    ({ query: SEARCH_TERMS[i % SEARCH_TERMS.length] as string, accountId, platform: null, from: null, to: null, offset: 0, limit: 50 });
  const searchAll = timeMany(SEARCH_TERMS.length * 20, (i) => searchHits(db, query(i, null), NOW));
  const searchAccount = timeMany(SEARCH_TERMS.length * 20, (i) => searchHits(db, query(i, 1), NOW));
  const withTotal = timeMany(SEARCH_TERMS.length * 10, (i) => repos.inbox.searchMessages(query(i, null), NOW));
  const list = await renderList(repos);
  db.close();
  removeDir(dir);

  const result = {
    inbox_100k_rendered_rows: list.rows,
    inbox_100k_list_total: list.total,
    inbox_100k_first_render_ms_jsdom: Math.round(list.firstRenderMs),
    inbox_100k_scroll_to_middle_ms_jsdom: Math.round(list.scrollMs),
    inbox_100k_page_p95_ms: pageAt.p95,
    inbox_100k_needs_reply_page_p95_ms: unread.p95,
    inbox_100k_filter_counts_p50_ms: counts.p50,
    thread_10k_open_p95_ms: threadOpen.p95,
    thread_10k_older_page_p95_ms: older.p95,
    search_200k_p50_ms: searchAll.p50,
    search_200k_p95_ms: searchAll.p95,
    search_200k_one_account_p95_ms: searchAccount.p95,
    search_200k_with_total_p95_ms: withTotal.p95,
  };
  const r = (n: number) => Number(n.toFixed(3));
  log(`  list page of 100 at any offset    p95 ${r(pageAt.p95)} ms   (needs-reply filter p95 ${r(unread.p95)} ms)`);
  log(`  counts per filter                 p50 ${r(counts.p50)} ms`);
  log(`  rendered rows (virtualized)       ${list.rows} of ${list.total.toLocaleString('en')}; first render ${Math.round(list.firstRenderMs)} ms, scroll to the middle ${Math.round(list.scrollMs)} ms (jsdom: no layout or paint)`);
  log(`  thread open at 10,000 messages    p95 ${r(threadOpen.p95)} ms   (older page p95 ${r(older.p95)} ms)`);
  log(`  search page, newest first         p50 ${r(searchAll.p50)} ms   p95 ${r(searchAll.p95)} ms   (one account p95 ${r(searchAccount.p95)} ms)`);
  log(`  search page with the total count  p95 ${r(withTotal.p95)} ms   (what the UI asks for: every match is counted)`);
  for (const [k, v] of Object.entries(result)) (result as Record<string, number>)[k] = r(v);
  return result;
}
