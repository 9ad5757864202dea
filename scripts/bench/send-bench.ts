/**
 * The send path without the network: a reply written to the encrypted outbox, marked sending,
 * handed to the Graph client (whose fetch answers at once, in process, with Meta's Send API
 * shape) and recorded with its local effect — what a person waits for beyond Meta itself.
 */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolveGraphConfig } from '../../src-main/meta/config';
import { GraphClient } from '../../src-main/meta/graph-client';
import { OutboxService } from '../../src-main/services/outbox/outbox-service';
import { openDatabase } from '../../src-main/store/database';
import { createRepositories } from '../../src-main/store/repositories';
import { clock, ingest, percentile, removeDir } from './store-bench';

const SENDS = 300;

export async function measureSend(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'social-desk-send-bench-'));
  const db = openDatabase({ file: join(dir, 'social-desk.db'), key: Buffer.alloc(32, 9) });
  const repos = createRepositories(db);
  ingest(repos, 5_000);
  const accountId = repos.accounts.list()[0]!.id;
  repos.accounts.setCredential(accountId, { tokenKind: 'instagram_user', accessToken: 'IGAAbench' }, Date.now());
  // Every thread's person wrote an hour ago, so every reply is inside Meta's window.
  const now = Date.now();
  const conversations = repos.db.prepare('SELECT id FROM conversations ORDER BY id').all() as Array<{ id: number }>;
  for (const [i, c] of conversations.entries()) {
    repos.inbox.upsertMessage(c.id, { externalId: `recent-${i}`, direction: 'in', sentAt: now - 3_600_000, text: 'Any news?' }, now);
    repos.inbox.refreshConversationTimes(c.id);
  }
  let n = 0;
  const client = new GraphClient({
    config: resolveGraphConfig({ GRAPH_API_BASE_URL: 'http://127.0.0.1:1' }),
    fetch: async () => new Response(JSON.stringify({ recipient_id: '1', message_id: `m_bench_${n++}` }), { status: 200, headers: { 'content-type': 'application/json' } }),
  });
  const outbox = new OutboxService({ repos, now: Date.now, clientFor: async () => client });
  const samples: number[] = [];
  for (let i = 0; i < SENDS; i++) {
    const conversationId = conversations[i % conversations.length]!.id;
    const start = clock();
    const item = await outbox.send(conversationId, `Thanks — reply ${i} 📦`);
    samples.push(clock() - start);
    if (item.state !== 'sent') throw new Error(`bench send ended ${item.state}: ${item.reason}`);
  }
  db.close();
  removeDir(dir);
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  log(`\nSend path, excluding the network (${SENDS} replies into a 5,000-message encrypted store)`);
  log(`  outbox → sending → Meta's answer → sent + thread   p50 ${p50.toFixed(3)} ms   p95 ${p95.toFixed(3)} ms`);
  return { send_path_p50_ms: Number(p50.toFixed(3)), send_path_p95_ms: Number(p95.toFixed(3)) };
}
