import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator/server';
import { personUnavailable } from '../../../src-main/emulator/graph/send-limits';
import { visibleMessages } from '../../../src-main/emulator/graph/schema-messaging';
import { addMessage } from '../../../src-main/emulator/world/conversations-gen';
import { Rng } from '../../../src-main/emulator/world/prng';
import { makeTempDir } from '../../support/temp-dir';
import { REPO_ROOT, runCli, type CliResult } from '../../support/cli-runner';

const PASSPHRASE = 'answer cli passphrase';

let tmp: { dir: string; cleanup: () => void };
let emulator: RunningEmulator;
let dataDir: string;

function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli([...args, '--data-dir', dataDir, '--graph-base-url', emulator.url], { SOCIAL_DESK_PASSPHRASE: PASSPHRASE, ...env }, 90_000);
}

interface Row {
  id: number;
  account: string;
  channel: string;
  person: string;
  lastMessageAt: string;
  unread: boolean;
  window: 'open' | 'human-agent' | 'closed';
  windowClosesAt: string | null;
}

const texts = (text: string) =>
  Object.values(emulator.world.conversations).flatMap((c) => visibleMessages(emulator.world, c)).filter((m) => m.text === text);

async function inbox(): Promise<Row[]> {
  const r = await cli(['inbox', 'list', '--json', '--limit', '500']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Row[];
}

/** An open thread whose person can receive messages (the emulator turns a few people's messages off). */
function openThread(rows: Row[]): Row {
  const open = rows.filter((r) => r.window === 'open');
  const usable = open.find((r) => {
    // The list names Instagram people by their @handle, Messenger people by their name.
    const conv = Object.values(emulator.world.conversations).find((c) => (c.participant.username ? `@${c.participant.username}` : c.participant.name) === r.person);
    return conv && !personUnavailable(conv.participant.id);
  });
  if (!usable) throw new Error('no open thread');
  return usable;
}

beforeAll(async () => {
  tmp = makeTempDir();
  dataDir = join(tmp.dir, 'data');
  emulator = await startEmulator({ port: 0, scenario: 'small' });
  // The small world's threads end at times drawn per day, and on some days none is within 24 h:
  // a few customers (who accept messages) write an hour ago, so open windows exist every day.
  const rng = new Rng(9);
  const customers = Object.values(emulator.world.conversations).filter((c) => !personUnavailable(c.participant.id)).slice(0, 4);
  for (const conv of customers) addMessage(rng, emulator.world, conv, { createdTime: Date.now() - 3_600_000, fromBusiness: false, text: 'Is the speckled mug back in stock?', attachments: [], unsent: false });
  expect((await cli(['init'])).code).toBe(0);
  const sync = await cli(['sync'], { SOCIAL_DESK_ACCESS_TOKEN: emulator.tokens.systemUser });
  expect(sync.code).toBe(0);
}, 180_000);
afterAll(async () => {
  await emulator.stop();
  tmp.cleanup();
});

describe('inbox and replies on the command line', () => {
  it('lists conversations as JSON with account, channel, person, unread and the reply window', async () => {
    const rows = await inbox();
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(['id', 'account', 'channel', 'person', 'lastMessageAt', 'unread', 'window', 'windowClosesAt']);
      expect(['open', 'human-agent', 'closed']).toContain(r.window);
      expect(r.window === 'closed' ? r.windowClosesAt === null : Date.parse(r.windowClosesAt!) > Date.now()).toBe(true);
    }
    const unread = JSON.parse((await cli(['inbox', 'list', '--unread', '--json'])).stdout) as Row[];
    expect(unread.every((r) => r.unread)).toBe(true);
  }, 120_000);

  it('--unread is the read state the app shows (read, answered, marked unread), not "their message is the last"', async () => {
    const unreadIds = async () => new Set((JSON.parse((await cli(['inbox', 'list', '--unread', '--json', '--limit', '500'])).stdout) as Row[]).map((r) => r.id));
    // Answered by us from the CLI, never opened: our reply read what came before it, as in Instagram and Messenger.
    const rows = await inbox();
    const answered = openThread(rows);
    expect((await cli(['reply', String(answered.id), 'Noted, thanks!'])).code).toBe(0);
    expect((await inbox()).find((r) => r.id === answered.id)?.unread).toBe(false);
    // Theirs is the last message, but once read it is not unread.
    const waiting = rows.find((r) => r.unread && r.id !== answered.id)!;
    expect((await cli(['inbox', 'read', String(waiting.id)])).code).toBe(0);
    let unread = await unreadIds();
    expect(unread.has(answered.id)).toBe(false);
    expect(unread.has(waiting.id)).toBe(false);
    expect((await inbox()).find((r) => r.id === waiting.id)?.unread).toBe(false);
    // Marked unread by hand: unread again, whoever wrote last (ours is last in the answered thread).
    expect((await cli(['inbox', 'unread', String(waiting.id)])).code).toBe(0);
    expect((await cli(['inbox', 'unread', String(answered.id)])).code).toBe(0);
    unread = await unreadIds();
    expect(unread.has(waiting.id)).toBe(true);
    expect(unread.has(answered.id)).toBe(true);
    expect((await cli(['inbox', 'read', '999999'])).code).not.toBe(0);
  }, 120_000);

  it('reply: exit 0 when sent; non-zero with the reason when refused', async () => {
    const rows = await inbox();
    const open = openThread(rows);
    const sent = await cli(['reply', String(open.id), 'Thanks — it ships today']);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/Sent/);
    expect(texts('Thanks — it ships today')).toHaveLength(1);
    const closed = rows.find((r) => r.window === 'closed')!;
    const refused = await cli(['reply', String(closed.id), 'Hello?']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/reply window has closed/);
    const show = await cli(['inbox', 'show', String(open.id)]);
    expect(show.stdout).toContain('You: Thanks — it ships today');
    // The header says whose inbox the thread is in (two accounts may share a person's name).
    expect(show.stdout.split('\n')[0]).toContain(` · ${open.account} · ${open.channel} · window open until `);
  }, 120_000);

  it('outbox: a reply made offline waits (exit 3) with its reason; "outbox --retry" sends it once (exit 0)', async () => {
    const open = openThread(await inbox());
    const text = 'Written while offline';
    // Nothing listens on port 9 of this machine: the connection is refused, as when offline.
    const offline = await runCli(['reply', String(open.id), text, '--data-dir', dataDir, '--graph-base-url', 'http://127.0.0.1:9'], { SOCIAL_DESK_PASSPHRASE: PASSPHRASE }, 90_000);
    expect(offline.code).toBe(3);
    expect(offline.stdout).toMatch(/waiting \(offline\)/);
    expect(texts(text)).toHaveLength(0);
    const waiting = JSON.parse((await cli(['outbox', '--json'])).stdout) as Array<{ id: number; text: string; state: string; reasonCode: string | null; reason: string | null }>;
    expect(waiting.find((i) => i.text === text)).toMatchObject({ state: 'queued', reasonCode: 'offline' });
    expect(waiting.find((i) => i.text === text)?.reason).toMatch(/No connection to Meta/);
    const retried = await cli(['outbox', '--retry']);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toMatch(new RegExp(`sent +reply to conversation ${open.id}: "${text}"`));
    expect(texts(text)).toHaveLength(1);
    // Nothing is left to send, so another retry sends nothing twice.
    expect((await cli(['outbox', '--retry'])).code).toBe(0);
    expect(texts(text)).toHaveLength(1);
  }, 120_000);

  it('a CLI killed (SIGKILL) after Meta accepted the reply, before recording it, sends once', async () => {
    const open = openThread(await inbox());
    // Meta holds the request for 4 s, then accepts it; the CLI is killed while it waits for the answer.
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'timeout', match: '/messages', ms: 4000 }) });
    // One process (node with tsx as a loader), so SIGKILL hits the CLI itself and not a wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', 'reply', String(open.id), 'Killed mid-send', '--data-dir', dataDir, '--graph-base-url', emulator.url], {
      cwd: REPO_ROOT,
      env: { ...process.env, SOCIAL_DESK_PASSPHRASE: PASSPHRASE },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    for (let i = 0; i < 600; i++) {
      const { faults } = (await (await fetch(`${emulator.url}/__emulator/faults`)).json()) as { faults: Array<{ fired: number }> };
      if (faults.every((f) => f.fired > 0)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    for (let i = 0; i < 200 && texts('Killed mid-send').length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(texts('Killed mid-send')).toHaveLength(1);

    const outbox = await cli(['outbox', '--json']);
    expect(outbox.code).toBe(0);
    const item = (JSON.parse(outbox.stdout) as Array<{ text: string; state: string; attempts: number }>).find((i) => i.text === 'Killed mid-send');
    expect(item).toMatchObject({ state: 'sent', attempts: 1 });
    expect(texts('Killed mid-send')).toHaveLength(1);
    expect((await cli(['inbox', 'show', String(open.id)])).stdout.match(/You: Killed mid-send/g)).toHaveLength(1);
  }, 120_000);
});

describe('comments on the command line', () => {
  interface CliComment {
    id: number;
    externalId: string;
    author: string;
    text: string | null;
    hidden: boolean;
    isOwn: boolean;
  }
  interface CliThread extends CliComment {
    network: string;
    account: string;
    postId: number;
    unanswered: boolean;
    replies: CliComment[];
  }

  it('lists threads as the app does: newest first, replies under their comment, per account and per post', async () => {
    const list = await cli(['comments', 'list', '--json', '--limit', '500']);
    expect(list.code).toBe(0);
    const threads = JSON.parse(list.stdout) as CliThread[];
    expect(threads.length).toBeGreaterThan(5);
    // Top-level comments only, each with its replies (those the world has under it).
    for (const t of threads) {
      const inWorld = emulator.world.comments[t.externalId]!;
      expect(inWorld.parentId ?? null).toBeNull();
      const worldReplies = Object.values(emulator.world.comments).filter((c) => c.parentId === t.externalId).map((c) => c.id).sort();
      expect(t.replies.map((r) => r.externalId).sort()).toEqual(worldReplies);
    }
    const withReplies = threads.find((t) => t.replies.length > 0)!;
    expect(withReplies).toBeDefined();
    const text = (await cli(['comments', 'list', '--limit', '500'])).stdout;
    expect(text).toMatch(/^\d+ comments, newest first/);
    expect(text).toContain(`    ↳ #${withReplies.replies[0]!.id} `);
    // Per post: that post's threads only; unanswered: those without a reply from the account.
    const post = threads[0]!.postId;
    const onePost = JSON.parse((await cli(['comments', 'list', '--json', '--post', String(post)])).stdout) as CliThread[];
    expect(onePost.length).toBeGreaterThan(0);
    expect(onePost.every((t) => t.postId === post)).toBe(true);
    const unanswered = JSON.parse((await cli(['comments', 'list', '--json', '--unanswered', '--limit', '500'])).stdout) as CliThread[];
    expect(unanswered.every((t) => t.unanswered && !t.replies.some((r) => r.isOwn))).toBe(true);
    // Unanswered first: every thread, those without a reply from the account ahead of the rest.
    const ordered = JSON.parse((await cli(['comments', 'list', '--json', '--unanswered-first', '--limit', '500'])).stdout) as CliThread[];
    expect(ordered).toHaveLength(threads.length);
    expect(ordered.slice(0, unanswered.length).map((t) => t.id)).toEqual(unanswered.map((t) => t.id));
    expect(ordered.slice(unanswered.length).every((t) => !t.unanswered)).toBe(true);
    // An account that does not exist is refused, not shown as "no comments".
    const noAccount = await cli(['comments', 'list', '--account', '9999']);
    expect(noAccount.code).toBe(1);
    expect(noAccount.stderr).toMatch(/No account 9999/);
    expect((await cli(['inbox', 'list', '--account', '9999'])).code).toBe(1);
  }, 120_000);

  it('lists, hides and deletes (with --yes, after saying which comment goes and with what) comments', async () => {
    const list = await cli(['comments', 'list', '--json', '--limit', '200']);
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as CliThread[];
    const target = rows.find((c) => c.network === 'instagram' && !c.hidden && !c.isOwn && c.replies.length > 0)!;
    expect((await cli(['comments', 'hide', String(target.id)])).code).toBe(0);
    expect(emulator.world.comments[target.externalId]!.hidden).toBe(true);
    // Meta takes no reply to a hidden comment: refused with the reason, nothing sent.
    const refused = await cli(['comments', 'reply', String(target.id), 'Thanks for asking!']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/hidden comment/);
    expect((await cli(['comments', 'unhide', String(target.id)])).code).toBe(0);
    expect(emulator.world.comments[target.externalId]!.hidden).toBe(false);
    const answered = await cli(['comments', 'reply', String(target.id), 'Thanks for asking!']);
    expect(answered.code).toBe(0);
    const worldReplies = () => Object.values(emulator.world.comments).filter((c) => c.parentId === target.externalId && c.text.includes('Thanks for asking!'));
    expect(worldReplies()).toHaveLength(1);
    const noConfirm = await cli(['comments', 'delete', String(target.id)]);
    expect(noConfirm.code).toBe(2);
    expect(noConfirm.stderr).toMatch(/--yes/);
    // What goes: which comment, by whom, saying what, and its replies.
    expect(noConfirm.stderr).toContain(`Instagram comment #${target.id} by ${target.author}`);
    expect(noConfirm.stderr).toContain((target.text ?? '').slice(0, 40));
    expect(noConfirm.stderr).toContain(`with its ${target.replies.length + 1} repl`);
    expect(emulator.world.comments[target.externalId]).toBeDefined();
    const deleted = await cli(['comments', 'delete', String(target.id), '--yes']);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(new RegExp(`^Deleted the Instagram comment #${target.id} by `));
    expect(emulator.world.comments[target.externalId]).toBeUndefined();
    const again = await cli(['comments', 'delete', String(target.id), '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/No comment \d+ is stored/);
  }, 120_000);

  it('--help names every inbox command with its --json', async () => {
    const help = (await runCli(['--help'], {}, 60_000)).stdout;
    for (const usage of ['inbox list [--unread] [--account ID] [--json]', 'reply CONVERSATION TEXT', 'outbox [--retry] [--json]', 'comments list [--account ID] [--post ID] [--unanswered | --unanswered-first] [--json]', 'search TEXT [--account ID] [--channel instagram|messenger] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--json]']) {
      expect(help).toContain(usage);
    }
  }, 60_000);
});
