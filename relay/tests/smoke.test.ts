/**
 * `relay smoke`, as the CI job runs it inside the container: a second process beside a running
 * `relay serve`, sharing its data folder, does the whole round trip (pair, signed webhook, sealed
 * envelope opened, ack, revoke). With another app secret it fails and names the refused step.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../src/cli.ts');
const SECRET = 'smoke-app-secret';
let dir: string;
let server: ChildProcess;
let url: string;
let serverOutput = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relay-smoke-'));
  server = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--data', dir], { env: { ...process.env, META_APP_SECRET: SECRET, META_VERIFY_TOKEN: 'v' } });
  url = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      serverOutput += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(serverOutput);
      if (match?.[1]) resolve(match[1]);
    });
    server.stderr!.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`relay serve exited ${code}: ${serverOutput}`)));
  });
});

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

const smoke = (secret: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, 'smoke', '--url', url, '--data', dir], { env: { ...process.env, META_APP_SECRET: secret }, encoding: 'utf8' });

describe('relay smoke', () => {
  it('passes against a running relay: pair, signed webhook, sealed envelope opened with identical bytes, ack, revoke', () => {
    const run = smoke(SECRET);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ok {2}wrong signature refused \(401\)/);
    expect(run.stdout).toMatch(/ok {2}sealed envelope opened by the device \(seq \d+, bytes identical\)/);
    expect(run.stdout).toMatch(/ok {2}smoke device revoked/);
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`smoke test passed against ${url}`);
    const devices = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'devices', 'list', '--data', dir], { encoding: 'utf8' });
    expect(devices.stdout).toMatch(/smoke test .* revoked /);
  });

  it('fails with the step that was refused when its secret is not the relay\'s', () => {
    const run = smoke('another-secret');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/POST \/webhooks\/meta \(right signature\): expected HTTP 200, got 401/);
  });
});
