import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/store/database';
import { createRepositories } from '../../../src-main/store/repositories';
import { findPeople, forgetPerson, getReceipt, listReceipts, previewForget } from '../../../src-main/privacy/forget';
import { addRequest, completeRequest, listRequests } from '../../../src-main/privacy/deletion-requests';
import { PERSON_LINKED_TABLES, uncoveredPersonTables } from '../../../src-main/privacy/person-data';
import { describeAudit } from '../../../src-main/privacy/audit-words';
import { seedTwoPeople } from '../../support/privacy-seed';
import { makeTempDir } from '../../support/temp-dir';

let cleanup = () => {};
afterEach(() => cleanup());

function open() {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const db = openDatabase({ file: join(tmp.dir, 'db.sqlite'), key: Buffer.alloc(32, 4) });
  const repos = createRepositories(db);
  return { db, repos, ...seedTwoPeople(repos, { target: 'okapiword', other: 'narwhalword' }) };
}

/** Every row, in every table, that still mentions the text. */
function rowsMentioning(db: ReturnType<typeof openDatabase>, needle: string): string[] {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'messages_fts%'`).pluck().all() as string[];
  const hits: string[] = [];
  for (const t of tables) {
    for (const row of db.prepare(`SELECT * FROM "${t}"`).all() as Array<Record<string, unknown>>) {
      if (JSON.stringify(row).toLowerCase().includes(needle.toLowerCase())) hits.push(t);
    }
  }
  return hits;
}

describe('forget a person', () => {
  it('every table with a person-identifying column or a link to a person is covered (schema introspection)', () => {
    const { db } = open();
    expect(uncoveredPersonTables(db)).toEqual([]);
    // The check itself bites: a new table naming a sender, or pointing at a conversation, is reported.
    db.exec(`CREATE TABLE outbox_test (id INTEGER PRIMARY KEY, recipient_id TEXT) STRICT;
             CREATE TABLE notes_test (id INTEGER PRIMARY KEY, conversation_id INTEGER REFERENCES conversations(id), body TEXT) STRICT;`);
    expect(uncoveredPersonTables(db)).toEqual([
      { table: 'outbox_test', why: 'column "recipient_id"' },
      { table: 'notes_test', why: 'references conversations' },
    ]);
    db.close();
  });

  it('the preview counts what will go, removes nothing, and names the person only to the staff', () => {
    const { db, target } = open();
    const preview = previewForget(db, { personId: target.personId });
    expect(preview.counts).toEqual({ messages: 4, conversations: 1, comments: 2, people: 1 });
    expect(preview.total).toBe(8);
    expect(preview.people).toEqual([{ who: 'target.person name', handle: 'target.person', account: 'Maple & Moss' }]);
    expect(rowsMentioning(db, 'okapiword').length).toBeGreaterThan(0);
    db.close();
  });

  for (const [how, pick] of [
    ['by local id', (t: { personId: number }) => ({ personId: t.personId })],
    ['from a conversation', (t: { conversationId: number }) => ({ conversationId: t.conversationId })],
    ['from a comment', (t: { commentId: number }) => ({ commentId: t.commentId })],
    ['by handle', () => ({ handleOrId: '@Target.Person' })],
    ['by Meta id', () => ({ handleOrId: '9001' })],
  ] as const) {
    const targetOf = pick;
    it(`${how}: removes every row of theirs in one go, writes a receipt without them, audits by code`, () => {
      const { db, repos, target } = open();
      const receipt = forgetPerson(repos, targetOf(target as never), 1234);
      expect(receipt.counts).toEqual({ messages: 4, conversations: 1, comments: 2, people: 1 });
      expect(receipt.code).toMatch(/^FG-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
      for (const needle of ['okapiword', 'target.person', '9001']) expect(rowsMentioning(db, needle), needle).toEqual([]);
      expect(rowsMentioning(db, 'narwhalword').length, 'the other person is untouched').toBeGreaterThan(0);
      expect(repos.inbox.search('okapiword', 10)).toEqual([]);
      expect(getReceipt(db, receipt.code)).toEqual(receipt);
      expect(listReceipts(db)).toEqual([receipt]);
      const entry = describeAudit(repos.audit.list(1)[0]!);
      expect(entry.summary).toBe(`A person was forgotten: 4 messages, 1 conversation, 2 comments, 1 person removed (receipt ${receipt.code})`);
      expect(repos.audit.verify().ok).toBe(true);
      db.close();
    });
  }

  it('one handle is one person across Meta surfaces: forgetting from a DM also forgets the commenter with that handle', () => {
    const { db, repos, target } = open();
    const accountId = (db.prepare('SELECT account_id FROM people WHERE id = ?').get(target.personId) as { account_id: number }).account_id;
    const commenter = repos.inbox.upsertPerson(accountId, { idKind: 'ig_user', externalId: '555', username: 'Target.Person' }, 1);
    const postId = db.prepare('SELECT id FROM posts LIMIT 1').pluck().get() as number;
    repos.comments.upsert(accountId, postId, { externalId: 'c-555', personId: commenter, authorUsername: null, text: 'zebraword', createdAt: 1 }, 1);
    const receipt = forgetPerson(repos, { conversationId: target.conversationId }, 2);
    expect(receipt.counts.people).toBe(2);
    expect(rowsMentioning(db, 'zebraword')).toEqual([]);
    db.close();
  });

  it('finds people by part of a name, handle or exact id, with what is stored about them', () => {
    const { db } = open();
    expect(findPeople(db, 'target').map((p) => [p.handle, p.messages, p.comments])).toEqual([['target.person', 4, 1]]);
    expect(findPeople(db, '9002').map((p) => p.handle)).toEqual(['other.person']);
    expect(findPeople(db, '%')).toEqual([]);
    db.close();
  });

  it('refuses when nothing matches, and changes nothing', () => {
    const { db, repos } = open();
    expect(() => forgetPerson(repos, { handleOrId: 'nobody.here' }, 1)).toThrow(/Nothing stored here belongs to that person/);
    expect(listReceipts(db)).toEqual([]);
    db.close();
  });

  it("refuses to forget the brand's own account (its replies are authored by it), by handle, Meta id or person row, and removes nothing", () => {
    const { db, repos } = open();
    const brandAsAuthor = repos.inbox.upsertPerson(repos.accounts.list()[0]!.id, { idKind: 'ig_user', externalId: '1789', username: 'maple', name: 'Maple & Moss' }, 1);
    const before = db.prepare('SELECT count(*) FROM comments').pluck().get();
    for (const target of [{ handleOrId: '@Maple' }, { handleOrId: '1789' }, { personId: brandAsAuthor }]) {
      expect(previewForget(db, target), JSON.stringify(target)).toEqual({ people: [], counts: {}, total: 0, files: {}, ownAccount: 'Maple & Moss' });
      expect(() => forgetPerson(repos, target, 1)).toThrow(/That is your own account "Maple & Moss".*remove the account in Accounts/);
    }
    expect(db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(before);
    expect(listReceipts(db)).toEqual([]);
    db.close();
  });

  it('the registry names each table once', () => {
    const names = PERSON_LINKED_TABLES.map((t) => t.table);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('deletion requests', () => {
  it('open → done: runs the forget, links the receipt, and no longer names who asked', () => {
    const { db, repos } = open();
    const request = addRequest(repos, { requester: '@target.person', source: 'email', note: 'asked by email' }, 100);
    expect(request).toMatchObject({ status: 'open', requester: '@target.person', source: 'email', receiptCode: null, statusUrl: null });
    expect(request.code).toMatch(/^DR-/);
    const done = completeRequest(repos, request.code, 200);
    expect(done).toMatchObject({ status: 'done', requester: null, doneAt: 200 });
    expect(getReceipt(db, done.receiptCode!).requests).toEqual([request.code]);
    expect(rowsMentioning(db, 'target.person')).toEqual([]);
    expect(() => completeRequest(repos, request.code, 300)).toThrow(/already done/);
    expect(repos.audit.list(5).map((r) => r.action)).toEqual(['request.done', 'person.forgotten', 'request.added']);
    db.close();
  });

  it('a forget by handle closes the open request naming that handle; a request for someone not stored still gets a receipt', () => {
    const { repos } = open();
    const open1 = addRequest(repos, { requester: 'TARGET.PERSON', source: 'form' }, 1);
    const receipt = forgetPerson(repos, { handleOrId: 'target.person' }, 2);
    expect(receipt.requests).toEqual([open1.code]);
    const stranger = addRequest(repos, { requester: 'never.wrote', source: 'meta_callback' }, 3);
    const done = completeRequest(repos, stranger.code, 4);
    expect(done.status).toBe('done');
    expect(listRequests(repos, 'open')).toEqual([]);
    repos.appConfig.set('deletion_status_base_url', 'https://relay.example.com/', 5);
    expect(listRequests(repos)[0]?.statusUrl).toBe(`https://relay.example.com/deletion-status?code=${stranger.code}`);
  });

  it('refuses a request that names no one ("", spaces, "@" alone) and logs nothing', () => {
    const { repos } = open();
    for (const requester of ['', '   ', '@', ' @ ']) {
      expect(() => addRequest(repos, { requester, source: 'email' }, 1), JSON.stringify(requester)).toThrow(/Say who asked/);
    }
    expect(listRequests(repos)).toEqual([]);
  });
});
