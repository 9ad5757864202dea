/**
 * The commands as a brand would run them: `npm run relay -- serve / pair-code / devices`, and the
 * desktop CLI's `relay pair / listen / status`, with the emulator sending Meta's webhooks.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator/server';
import { makeTempDir } from '../../support/temp-dir';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const PASSPHRASE = 'relay cli passphrase';
const TEXT = 'Zebra-striped tote, still in stock?';

let tmp: { dir: string; cleanup: () => void };
let emulator: RunningEmulator;
let relay: ChildProcess;
let relayUrl = '';
let relayOutput = '';

async function exec(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [script, ...args], { cwd: root, env: { ...process.env, SOCIAL_DESK_PASSPHRASE: PASSPHRASE, ...env }, timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const desktop = (args: string[], env?: Record<string, string>) => exec('src-main/cli/index.ts', [...args, '--data-dir', join(tmp.dir, 'desktop')], env);
const relayCli = (args: string[]) => exec('relay/src/cli.ts', [...args, '--data', join(tmp.dir, 'relay')]);

beforeAll(async () => {
  tmp = makeTempDir();
  emulator = await startEmulator({ port: 0, scenario: 'small' });
  relay = spawn(tsx, ['relay/src/cli.ts', 'serve', '--port', '0', '--data', join(tmp.dir, 'relay')], {
    cwd: root,
    env: { ...process.env, META_APP_SECRET: emulator.app.secret, META_VERIFY_TOKEN: 'cli-verify' },
  });
  relay.stdout?.on('data', (d: Buffer) => (relayOutput += d.toString()));
  relay.stderr?.on('data', (d: Buffer) => (relayOutput += d.toString()));
  relayUrl = await new Promise<string>((resolveUrl, reject) => {
    relay.once('exit', (code) => reject(new Error(`relay exited with ${code}: ${relayOutput}`)));
    const check = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(relayOutput);
      if (match?.[1]) {
        clearInterval(check);
        resolveUrl(match[1]);
      }
    }, 20);
  });
}, 120_000);

afterAll(async () => {
  relay.kill('SIGTERM');
  await emulator.stop();
  tmp.cleanup();
});

describe('relay commands', () => {
  it('pairs, listens, stores the message, reports status; the relay keeps no plaintext; a revoked device is refused', async () => {
    expect((await desktop(['init'])).code).toBe(0);
    expect((await desktop(['sync', '--graph-base-url', emulator.url], { SOCIAL_DESK_ACCESS_TOKEN: emulator.tokens.systemUser })).code).toBe(0);

    const codeRun = await relayCli(['pair-code']);
    expect(codeRun.code).toBe(0);
    const code = codeRun.stdout.trim().split('\n').at(-1) as string;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const wrong = await desktop(['relay', 'pair', '--url', relayUrl, '--code', 'AAAA-AAAA-AAAA']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('refused that pairing code');
    const paired = await desktop(['relay', 'pair', '--url', relayUrl, '--code', code]);
    expect(paired.stderr).toBe('');
    expect(paired.stdout).toContain('Paired with');
    expect((await desktop(['relay', 'pair', '--url', relayUrl, '--code', code])).code).toBe(1); // one-time

    const subscribed = await fetch(`${emulator.url}/__emulator/webhooks/subscribe`, { method: 'POST', body: JSON.stringify({ url: `${relayUrl}/webhooks/meta`, verifyToken: 'cli-verify' }), headers: { 'content-type': 'application/json' } });
    expect(subscribed.status).toBe(200);
    const sent = (await (await fetch(`${emulator.url}/__emulator/webhooks/message`, { method: 'POST', body: JSON.stringify({ platform: 'instagram', text: TEXT }), headers: { 'content-type': 'application/json' } })).json()) as { delivery: { status: string } };
    expect(sent.delivery.status).toBe('delivered');

    const listen = await desktop(['relay', 'listen', '--until-idle', '2']);
    expect(listen.code).toBe(0);
    expect(listen.stdout).toContain('Received 1 events (1 new messages)');
    expect((await desktop(['search', 'zebra tote'])).stdout).toContain('Zebra');
    const status = await desktop(['relay', 'status']);
    expect(status.stdout).toContain(`Relay:            ${relayUrl}`);
    expect(status.stdout).toMatch(/Events received: {2}1, last \d{4}-/);

    // Nothing readable on the relay: not in its files, not in its logs.
    for (const file of readdirSync(join(tmp.dir, 'relay'))) expect(readFileSync(join(tmp.dir, 'relay', file)).includes(Buffer.from('Zebra'))).toBe(false);
    expect(relayOutput).not.toContain('Zebra');
    expect(relayOutput).toContain('"msg":"webhook accepted"');

    // Meta's data-deletion callback: logged open by `relay listen`, reported done only once carried out.
    const called = (await (await fetch(`${emulator.url}/__emulator/webhooks/data-deletion`, { method: 'POST', body: JSON.stringify({ url: `${relayUrl}/meta/data-deletion`, userId: '10998877' }), headers: { 'content-type': 'application/json' } })).json()) as {
      body: { url: string; confirmation_code: string };
    };
    const deletionCode = called.body.confirmation_code;
    expect((await desktop(['relay', 'listen', '--until-idle', '2'])).code).toBe(0);
    expect((await desktop(['requests', 'list'])).stdout).toMatch(new RegExp(`${deletionCode}\\s+open .* by meta_callback\\s+from 10998877`));
    const early = await desktop(['relay', 'deletion-done', deletionCode]);
    expect(early.code).toBe(1);
    expect(early.stdout).toContain(`Still open (carry out with \`requests done CODE --yes\` first): ${deletionCode}`);
    expect(await (await fetch(called.body.url)).text()).toContain('Status: pending');
    expect((await desktop(['requests', 'done', deletionCode, '--yes'])).code).toBe(0);
    const reported = await desktop(['relay', 'deletion-done']);
    expect(reported.stdout).toContain(`Reported as done to the relay: ${deletionCode}.`);
    expect(await (await fetch(called.body.url)).text()).toContain('Status: done');

    const list = await relayCli(['devices', 'list']);
    const deviceId = /^(dev_[0-9a-f]+)/m.exec(list.stdout)?.[1] as string;
    expect(list.stdout).toContain('active');
    expect((await relayCli(['devices', 'revoke', deviceId])).code).toBe(0);
    const refused = await desktop(['relay', 'listen', '--until-idle', '2']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('no longer knows this device');
    expect((await relayCli(['stats'])).stdout).toContain('"webhooks_accepted": 1');
  }, 300_000);
});
