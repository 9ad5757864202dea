import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src-main/emulator/main';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function runCli(args: string[]): { child: ReturnType<typeof spawn>; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/emulator/main.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

describe('emulator CLI', () => {
  it('parses arguments and explains bad ones', () => {
    expect(parseArgs(['--port', '9000', '--scenario', 'small', '--seed', '3'])).toEqual({ port: 9000, host: '127.0.0.1', scenario: 'small', seed: 3 });
    expect(parseArgs(['--scenario=huge'])).toMatch(/--scenario must be one of demo, small, converted/);
    expect(parseArgs(['--port'])).toMatch(/missing value/);
    expect(parseArgs(['--frobnicate', '1'])).toMatch(/unknown argument/);
  });

  it('exits 2 on bad arguments, prints URL and token, stops on SIGTERM', async () => {
    const bad = runCli(['--port', 'abc']);
    expect(await bad.exit).toBe(2);
    expect(bad.output()).toMatch(/--port must be an integer/);

    const ok = runCli(['--port', '0', '--scenario', 'small']);
    const deadline = Date.now() + 10_000;
    while (!/system user token\s*:\s*EAA/.test(ok.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(ok.output()).toMatch(/graph\.facebook\.com\s+-> http:\/\/127\.0\.0\.1:\d+/);
    const base = /graph\.facebook\.com\s+-> (http:\/\/\S+)/.exec(ok.output())![1]!;
    const info = (await (await fetch(`${base}/__emulator/info`)).json()) as { scenario: string };
    expect(info.scenario).toBe('small');
    ok.child.kill('SIGTERM');
    expect(await ok.exit).toBe(0);
  }, 20_000);
});
