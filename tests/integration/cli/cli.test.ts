import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { retrievableIds } from '../../../src-main/emulator/graph/schema-messaging';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator/server';
import { makeTempDir } from '../../support/temp-dir';
import { REPO_ROOT, runCli, TSX, type CliResult } from '../../support/cli-runner';

const PASSPHRASE = 'cli test passphrase';

let tmp: { dir: string; cleanup: () => void };
let emulator: RunningEmulator;

/** Runs the real CLI as a user would; resolves with its exit code and output, never rejects. */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, { SOCIAL_DESK_PASSPHRASE: PASSPHRASE, ...env });
}

beforeAll(async () => {
  tmp = makeTempDir();
  emulator = await startEmulator({ port: 0, scenario: 'small' });
});
afterAll(async () => {
  await emulator.stop();
  tmp.cleanup();
});

describe('command line', () => {
  it('explains bad arguments and exits 2', async () => {
    const unknown = await cli(['frobnicate', '--data-dir', tmp.dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const noDir = await cli(['status'], { SOCIAL_DESK_DATA_DIR: '' });
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('--data-dir');
    const badFormat = await cli(['export', '--format', 'xml', '--out', join(tmp.dir, 'x'), '--data-dir', join(tmp.dir, 'data')]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be csv or json');
  }, 120_000);

  it('init, sync from a system-user token, status, accounts, search, export, wipe', async () => {
    const dataDir = join(tmp.dir, 'data');
    expect((await cli(['status', '--data-dir', dataDir])).stderr).toContain('run "init" first');
    expect((await cli(['init', '--data-dir', dataDir])).code).toBe(0);

    const sync = await cli(['sync', '--data-dir', dataDir, '--graph-base-url', emulator.url], { SOCIAL_DESK_ACCESS_TOKEN: emulator.tokens.systemUser });
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/instagram\s+.+\s+ok\s+\d+ operations/);
    expect(sync.stdout).toMatch(/facebook\s+.+\s+ok/);

    const wrong = await cli(['status', '--data-dir', dataDir], { SOCIAL_DESK_PASSPHRASE: 'not the passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('WRONG_PASSPHRASE');

    const status = JSON.parse((await cli(['status', '--json', '--data-dir', dataDir])).stdout) as { counts: Record<string, number>; keyBackend: string };
    expect(status.keyBackend).toBe('passphrase');
    expect(status.counts.accounts).toBe(2);
    expect(status.counts.messages).toBeGreaterThan(0);

    const accounts = await cli(['accounts', '--data-dir', dataDir, '--graph-base-url', emulator.url]);
    expect(accounts.stdout).toContain('never expires');
    expect(accounts.stdout).not.toContain(emulator.tokens.systemUser);

    const search = JSON.parse((await cli(['search', 'the', '--json', '--data-dir', dataDir])).stdout) as Array<{ snippet: string; runs: Array<{ text: string; match: boolean }>; sentAt: number }>;
    expect(search.length).toBeGreaterThan(0);
    // Matches are marked by position (runs), never by brackets written into the text.
    expect(search[0]!.snippet.toLowerCase()).toContain('the');
    expect(search[0]!.runs.some((run) => run.match && run.text.toLowerCase().startsWith('the'))).toBe(true);
    expect([...search].sort((a, b) => b.sentAt - a.sentAt)).toEqual(search);

    // The app's search filters, from the command line: channel, account and whole local days.
    type Hit = { platform: string; accountId: number; sentAt: number };
    const hits = async (...args: string[]) => JSON.parse((await cli(['search', 'the', '--json', '--limit', '500', ...args, '--data-dir', dataDir])).stdout) as Hit[];
    const all = await hits();
    const messenger = await hits('--channel', 'messenger');
    expect(messenger.length).toBeGreaterThan(0);
    expect(messenger.every((h) => h.platform === 'messenger')).toBe(true);
    expect(messenger.length).toBeLessThan(all.length);
    const oneAccount = all[0]!.accountId;
    expect((await hits('--account', String(oneAccount))).every((h) => h.accountId === oneAccount)).toBe(true);
    const newest = new Date(all[0]!.sentAt);
    const day = `${newest.getFullYear()}-${String(newest.getMonth() + 1).padStart(2, '0')}-${String(newest.getDate()).padStart(2, '0')}`;
    const thatDay = await hits('--from', day, '--to', day);
    expect(thatDay.length).toBeGreaterThan(0);
    expect(thatDay.every((h) => new Date(h.sentAt).getDate() === newest.getDate())).toBe(true);
    const badDay = await cli(['search', 'the', '--from', '2026-02-30', '--data-dir', dataDir]);
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('--from must be a date as YYYY-MM-DD');
    expect((await cli(['search', 'the', '--channel', 'fax', '--data-dir', dataDir])).stderr).toContain('--channel must be instagram or messenger');

    // "inbox show" names what a message carries by kind, not "[attachment]".
    const rows = JSON.parse((await cli(['inbox', 'list', '--json', '--limit', '500', '--data-dir', dataDir])).stdout) as Array<{ id: number; person: string }>;
    const carrying = Object.values(emulator.world.conversations).find((c) =>
      retrievableIds(emulator.world, c).some((id) => (emulator.world.messages[id]?.attachments.length ?? 0) > 0),
    )!;
    const row = rows.find((r) => r.person === (carrying.participant.username ? `@${carrying.participant.username}` : carrying.participant.name))!;
    const shown = (await cli(['inbox', 'show', String(row.id), '--limit', '500', '--data-dir', dataDir])).stdout;
    expect(shown).not.toContain('[attachment]');
    expect(shown).toMatch(/\[(image|video|audio|file)/);

    const out = join(tmp.dir, 'export');
    const exported = await cli(['export', '--format', 'csv', '--out', out, '--data-dir', dataDir]);
    expect(exported.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['account_daily_insights.csv', 'conversations.csv', 'messages.csv', 'posts.csv']);
    const messagesCsv = readFileSync(join(out, 'messages.csv'), 'utf8').trim().split('\r\n');
    expect(messagesCsv.length - 1).toBe(status.counts.messages);
    const again = await cli(['export', '--format', 'json', '--out', out, '--data-dir', dataDir]);
    // A folder that is not empty is a fact about the disk, not a usage mistake: exit 1, named.
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');

    expect((await cli(['wipe', '--data-dir', dataDir])).code).toBe(2);
    expect((await cli(['wipe', '--yes', '--data-dir', dataDir])).code).toBe(0);
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  }, 240_000);

  it('a sync process killed mid-run (SIGKILL) resumes on the next run without loss or duplicates', async () => {
    const dataDir = join(tmp.dir, 'killed');
    expect((await cli(['init', '--data-dir', dataDir])).code).toBe(0);
    const env = { ...process.env, SOCIAL_DESK_PASSPHRASE: PASSPHRASE, SOCIAL_DESK_ACCESS_TOKEN: emulator.tokens.systemUser };
    const child = spawn(TSX, ['src-main/cli/index.ts', 'sync', '--data-dir', dataDir, '--graph-base-url', emulator.url], { cwd: REPO_ROOT, env });
    // Kill it the moment it is inside the account-insights job: posts are in, insights half-way.
    await new Promise<void>((resolveKill) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Account insights')) {
          child.kill('SIGKILL');
          resolveKill();
        }
      });
      child.on('exit', () => resolveKill());
    });
    await new Promise((r) => child.once('exit', r).once('close', r));
    expect(child.signalCode).toBe('SIGKILL');

    const resumed = await cli(['sync', '--data-dir', dataDir, '--graph-base-url', emulator.url], { SOCIAL_DESK_ACCESS_TOKEN: emulator.tokens.systemUser });
    expect(resumed.code).toBe(0);
    const truth = (await (await fetch(`${emulator.url}/__emulator/truth`)).json()) as {
      accounts: Array<{ mediaIds?: string[]; postIds?: string[]; commentIds: string[]; conversations: Array<{ retrievableMessageIds: string[] }> }>;
    };
    const status = JSON.parse((await cli(['status', '--json', '--data-dir', dataDir])).stdout) as { counts: Record<string, number> };
    expect(status.counts.posts).toBe(truth.accounts.flatMap((a) => a.mediaIds ?? a.postIds ?? []).length);
    expect(status.counts.comments).toBe(truth.accounts.flatMap((a) => a.commentIds).length);
    expect(status.counts.messages).toBe(truth.accounts.flatMap((a) => a.conversations.flatMap((c) => c.retrievableMessageIds)).length);
    expect(status.counts.syncRuns).toBeGreaterThanOrEqual(3);
  }, 240_000);
});
