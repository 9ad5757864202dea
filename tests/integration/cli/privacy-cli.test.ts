import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openConfStore } from '../../../src-main/settings/conf-store';
import { AppCore } from '../../../src-main/core/app-core';
import { seedTwoPeople } from '../../support/privacy-seed';
import { makeTempDir } from '../../support/temp-dir';
import { runCli } from '../../support/cli-runner';

const PASSPHRASE = 'cli privacy passphrase';

let tmp: { dir: string; cleanup: () => void };
let dataDir: string;

function cli(args: string[], env: Record<string, string> = {}) {
  return runCli([...args, '--data-dir', dataDir], { SOCIAL_DESK_PASSPHRASE: PASSPHRASE, ...env });
}

/** The same core the CLI runs (default scrypt cost, as the CLI uses), to seed data and to look inside. */
function withCore<T>(use: (core: AppCore) => T): T {
  const core = new AppCore({ dataDir, removeDataDirOnWipe: false, appVersion: 't', platform: 'linux', osCrypto: null, openStore: openConfStore });
  core.start();
  core.unlock(PASSPHRASE);
  try {
    return use(core);
  } finally {
    core.close();
  }
}

beforeAll(async () => {
  tmp = makeTempDir();
  dataDir = join(tmp.dir, 'data');
  expect((await cli(['init'])).code).toBe(0);
  withCore((core) => seedTwoPeople(core.repos, { target: 'okapiword', other: 'narwhalword' }));
}, 120_000);
afterAll(() => tmp.cleanup());

describe('privacy from the command line', () => {
  it('forget without --yes shows what would go and removes nothing; with --yes prints the receipt', async () => {
    // A crash report the app keeps may hold their words: counted as a file, and removed with them.
    mkdirSync(join(dataDir, 'crashes'), { recursive: true });
    writeFileSync(join(dataDir, 'crashes', 'a.dmp'), 'okapiword in process memory');
    const preview = await cli(['forget', '--person', '@target.person']);
    expect(preview.code).toBe(1);
    expect(preview.stdout).toContain('This removes 4 messages, 1 conversation, 2 comments, 1 person (8 rows),\nand from the data folder: 1 crash-report file.');
    expect(preview.stdout).toContain('Nothing was removed');
    expect((await cli(['search', 'okapiword'])).stdout).not.toContain('No messages match');

    const done = await cli(['forget', '--person', '@target.person', '--yes']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/Forgotten\. Receipt FG-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2} \(/);
    expect(done.stdout).toContain(', and 1 crash-report file from the data folder.');
    expect(readdirSync(join(dataDir, 'crashes'))).toEqual([]);
    expect((await cli(['search', 'okapiword'])).stdout).toContain('No messages match');
    expect((await cli(['forget', '--person', 'target.person', '--yes'])).code).toBe(1);
  }, 120_000);

  it('export-all writes every table as JSON and CSV with a manifest, owner-only, and nothing of the forgotten person', async () => {
    const out = join(tmp.dir, 'everything');
    const result = await cli(['export-all', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    // Progress on stderr, per table; stdout stays the one-line result.
    expect(result.stderr).toMatch(/^Exporting messages: 4 of 4 rows \(table \d+ of \d+\)$/m);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const names = readdirSync(out).sort();
    expect(names).toContain('manifest.json');
    expect(names).toContain('messages.json');
    expect(names).toContain('messages.csv');
    expect(names).not.toContain('credentials.json');
    expect(statSync(out).mode & 0o777).toBe(0o700);
    for (const name of names) {
      expect(statSync(join(out, name)).mode & 0o777, name).toBe(0o600);
      const text = readFileSync(join(out, name), 'utf8');
      expect(text, name).not.toMatch(/okapiword|target\.person|9001/);
    }
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: Array<{ name: string; rows: number }>; leftOut: Record<string, string> };
    expect(manifest.files.find((f) => f.name === 'messages.json')?.rows).toBe(4);
    expect(Object.keys(manifest.leftOut)).toContain('credentials');
  }, 120_000);

  it('deletion requests: add, list, done (runs the forget and links the receipt)', async () => {
    const added = await cli(['requests', 'add', '--person', 'other.person', '--source', 'form']);
    expect(added.code, added.stderr).toBe(0);
    const code = /DR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}/.exec(added.stdout)?.[0] ?? '';
    expect((await cli(['requests', 'list'])).stdout).toContain(`${code}  open  `);
    expect((await cli(['requests', 'done', code])).code).toBe(2);
    const done = await cli(['requests', 'done', code, '--yes']);
    expect(done.stdout).toMatch(new RegExp(`Request ${code} done; receipt FG-`));
    const list = (await cli(['requests', 'list'])).stdout;
    expect(list).toContain(`${code}  done`);
    expect(list).not.toContain('other.person');
  }, 120_000);

  it('retention show / apply asks before removing', async () => {
    withCore((core) => {
      seedTwoPeople(core.repos, { target: 'tapirword', other: 'ibexword' }, Date.now() - 400 * 86_400_000);
      // The staff's own note on one of the conversations the run empties goes with it: the preview says so.
      const emptied = core.repos.db.prepare('SELECT conversation_id FROM messages ORDER BY sent_at LIMIT 1').pluck().get() as number;
      core.repos.triage.setNote(emptied, 'Call back on Monday', Date.now());
    });
    const shown = await cli(['retention', 'show', '--keep', 'messageText=365']);
    expect(shown.stdout).toMatch(/messages\s+keep 365 days\s+removes 8 \(oldest \d{4}-\d\d-\d\d\)/);
    expect(shown.stdout).toMatch(/and with them: 1 internal note$/m);
    const unconfirmed = await cli(['retention', 'apply', '--keep', 'messageText=365']);
    expect(unconfirmed.code).toBe(1);
    expect(withCore((core) => core.repos.db.prepare('SELECT count(*) FROM messages').pluck().get())).toBe(8);
    const applied = await cli(['retention', 'apply', '--keep', 'messageText=365', '--yes']);
    expect(applied.stdout).toContain('Retention applied: removed 8');
    expect(withCore((core) => core.repos.db.prepare('SELECT count(*) FROM messages').pluck().get())).toBe(0);
    expect((await cli(['retention', 'apply', '--keep', 'nonsense=3'])).code).toBe(2);
  }, 120_000);

  it('audit list / verify / export, and verify names a tampered row', async () => {
    const list = await cli(['audit', 'list', '--category', 'forget']);
    expect(list.stdout).toMatch(/A person was forgotten: 4 messages/);
    expect(list.stdout).not.toMatch(/[{}]/);
    expect((await cli(['audit', 'verify'])).stdout).toMatch(/intact/);
    const exported = await cli(['audit', 'export', '--out', join(tmp.dir, 'audit')]);
    expect(readFileSync(exported.stdout.trim().split(' ').pop()!, 'utf8')).toContain('A person was forgotten');
    const id = withCore((core) => {
      const db = core.repos.db;
      db.exec('DROP TRIGGER audit_log_no_update');
      const row = db.prepare(`SELECT id FROM audit_log WHERE action = 'person.forgotten' LIMIT 1`).get() as { id: number };
      db.prepare(`UPDATE audit_log SET detail = '{"messages":0}' WHERE id = ?`).run(row.id);
      return row.id;
    });
    const broken = await cli(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`The audit log is broken at entry ${id}: its content was changed after it was written.`);
  }, 120_000);

  it('passphrase change: the new one opens the data, the old one does not', async () => {
    const NEW = 'a brand new passphrase';
    const changed = await cli(['passphrase', 'change'], { SOCIAL_DESK_NEW_PASSPHRASE: NEW });
    expect(changed.code, changed.stderr).toBe(0);
    expect((await cli(['status'])).stderr).toContain('WRONG_PASSPHRASE');
    expect((await cli(['status'], { SOCIAL_DESK_PASSPHRASE: NEW })).code).toBe(0);
  }, 120_000);
});
