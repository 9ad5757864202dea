import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetPerson } from '../../src-main/privacy/forget';
import { openDatabase } from '../../src-main/store/database';
import { createRepositories } from '../../src-main/store/repositories';
import { clock, ingest, percentile, removeDir } from './store-bench';

const MESSAGES = 200_000;

/**
 * "Forget a person" on an encrypted store of 200,000 messages: the whole transaction (find their
 * rows, delete messages through the secure-delete index, conversations, comments, people, write
 * the receipt and audit entry) plus the TRUNCATE checkpoint. Typical people have one 10-message
 * thread; a heavy one has 1,000 messages and 50 comments. Target: < 200 ms.
 */
export async function measureForget(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'social-desk-forget-'));
  const db = openDatabase({ file: join(dir, 'bench.db'), key: Buffer.alloc(32, 0x42) });
  const repos = createRepositories(db);
  ingest(repos, MESSAGES);
  const accountId = 1;
  const postId = repos.posts.upsert(accountId, { externalId: 'bench-post', publishedAt: 1 }, 1);
  db.transaction(() => {
    const heavy = repos.inbox.upsertPerson(accountId, { idKind: 'igsid', externalId: 'heavy', username: 'heavy.writer' }, 1);
    const conversationId = repos.inbox.upsertConversation(accountId, { externalId: 'c-heavy', platform: 'instagram', personId: heavy, updatedAt: 1 });
    for (let i = 0; i < 1000; i++) repos.inbox.upsertMessage(conversationId, { externalId: `h${i}`, direction: i % 2 ? 'out' : 'in', sentAt: 1000 + i, text: `heavy message ${i} about the order` }, 1);
    for (let i = 0; i < 50; i++) repos.comments.upsert(accountId, postId, { externalId: `hc${i}`, personId: heavy, authorUsername: 'heavy.writer', text: `comment ${i}`, createdAt: 1 }, 1);
  })();

  const samples: number[] = [];
  for (let t = 0; t < 20; t++) {
    const start = clock();
    forgetPerson(repos, { handleOrId: `p${t * 97}` }, 2, { dataDir: dir });
    samples.push(clock() - start);
  }
  samples.sort((a, b) => a - b);
  const heavyStart = clock();
  const receipt = forgetPerson(repos, { handleOrId: 'heavy.writer' }, 3, { dataDir: dir });
  const heavyMs = clock() - heavyStart;
  db.close();
  removeDir(dir);

  const figures = {
    forget_200k_p50_ms: Number(percentile(samples, 50).toFixed(1)),
    forget_200k_max_ms: Number(samples[samples.length - 1]!.toFixed(1)),
    forget_200k_heavy_ms: Number(heavyMs.toFixed(1)),
  };
  log(`\nForget a person, encrypted store with ${MESSAGES.toLocaleString('en')} messages (transaction + TRUNCATE checkpoint)`);
  log(`  typical person (10 messages)        p50 ${figures.forget_200k_p50_ms} ms   max ${figures.forget_200k_max_ms} ms   (20 people)`);
  log(`  heavy person (${receipt.counts.messages} messages, ${receipt.counts.comments} comments)   ${figures.forget_200k_heavy_ms} ms   target < 200 ms`);
  return figures;
}
