import { readdirSync, readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * The GitHub workflow cannot run here, so it is checked twice: against GitHub's workflow schema
 * (@action-validator/core, the library behind @action-validator/cli) and against what issue 12
 * asks it to do.
 */
const WORKFLOW = '.github/workflows/desktop.yml';
const source = readFileSync(WORKFLOW, 'utf8');
const workflow = parse(source);
type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> };
const steps: Step[] = workflow.jobs.build.steps;

describe('GitHub workflow', () => {
  it('every workflow file is valid against the workflow schema', () => {
    for (const file of readdirSync('.github/workflows')) {
      const state = validateWorkflow(readFileSync(`.github/workflows/${file}`, 'utf8'));
      expect(state.errors, file).toEqual([]);
    }
  });

  it('the validator does reject a broken workflow (so the check above means something)', () => {
    const broken = source.replace('runs-on: ${{ matrix.os }}', 'runs-on: [${{ matrix.os }}').replace('timeout-minutes: 60', 'timeout-minutes: soon');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it('runs on Windows, macOS and Linux without stopping the others at the first failure', () => {
    expect(workflow.jobs.build.strategy['fail-fast']).toBe(false);
    expect(workflow.jobs.build.strategy.matrix.include.map((entry: { os: string }) => entry.os)).toEqual(['windows-latest', 'macos-latest', 'ubuntu-latest']);
  });

  it('installs the real Electron binary and runs the whole suite, under Xvfb on Linux', () => {
    const lines = source.split('\n').filter((line) => !line.trim().startsWith('#'));
    expect(lines.join('\n')).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(steps.some((step) => step.run === 'npm ci')).toBe(true);
    const testRuns = steps.filter((step) => step.run?.includes('npm test'));
    expect(testRuns.map((step) => step.if)).toEqual(["runner.os != 'Linux'", "runner.os == 'Linux'"]);
    expect(testRuns[1]?.run).toMatch(/^xvfb-run /);
  });

  it("builds the database driver for Electron's ABI before the electron project runs (it loaded the Node build and failed to open the store)", () => {
    const runE2e = readFileSync('scripts/run-e2e.mjs', 'utf8');
    const build = runE2e.indexOf("run('node', ['scripts/ensure-native.mjs', 'electron'])");
    expect(build).toBeGreaterThan(0);
    expect(runE2e.slice(build - 40, build)).toContain('electronInstalled() &&');
    expect(build).toBeLessThan(runE2e.indexOf("['playwright', 'test'"));
  });

  it('provides the redis-server the relay tests start, on Linux and macOS', () => {
    expect(steps.find((step) => step.if === "runner.os == 'Linux'" && step.run?.includes('apt-get install'))?.run).toMatch(/\bredis-server\b/);
    expect(steps.find((step) => step.if === "runner.os == 'macOS'")?.run).toBe('brew install redis');
  });

  it('lets Electron start on Ubuntu 24.04 with its sandbox on, before the tests', () => {
    const helper = steps.findIndex((step) => step.run?.includes('chrome-sandbox'));
    expect(steps[helper]?.if).toBe("runner.os == 'Linux'");
    expect(steps[helper]?.run).toMatch(/chown root:root node_modules\/electron\/dist\/chrome-sandbox && sudo chmod 4755/);
    expect(helper).toBeGreaterThan(steps.findIndex((step) => step.run === 'npm ci'));
    expect(helper).toBeLessThan(steps.findIndex((step) => step.run?.includes('npm test')));
    expect(source).not.toMatch(/--no-sandbox/);
  });

  it('the scripts it runs start npx through a shell on Windows (npx is npx.cmd there; Node will not run a .cmd without one)', () => {
    // https://nodejs.org/api/child_process.html#spawning-bat-and-cmd-files-on-windows
    for (const script of ['scripts/test.mjs', 'scripts/run-e2e.mjs', 'scripts/packaging/dist.mjs']) {
      const calls = [...readFileSync(script, 'utf8').matchAll(/spawnSync\(([^;]*)\);/g)].map((match) => match[1]!);
      expect(calls.length, script).toBeGreaterThan(0);
      for (const call of calls) expect(call, script).toContain("shell: process.platform === 'win32'");
    }
  });

  it('builds the installers with npm run dist and keeps them as artifacts', () => {
    const dist = steps.findIndex((step) => step.run?.includes('npm run dist'));
    expect(dist).toBeGreaterThan(steps.findIndex((step) => step.run?.includes('npm test')));
    const upload = steps.slice(dist).find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.['if-no-files-found']).toBe('error');
    const artifacts = workflow.jobs.build.strategy.matrix.include.map((entry: { artifacts: string }) => entry.artifacts).join('\n');
    for (const pattern of ['dist/*.exe', 'dist/*.dmg', 'dist/*.zip', 'dist/*.AppImage', 'dist/*.deb']) expect(artifacts).toContain(pattern);
  });

  it('every runner builds, checks and keeps the installers electron-builder makes for its platform (ubuntu-latest: AppImage and deb)', () => {
    const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, { target: Array<{ target: string }> }>;
    const platformOf: Record<string, string> = { 'windows-latest': 'win', 'macos-latest': 'mac', 'ubuntu-latest': 'linux' };
    const extensionOf: Record<string, string> = { nsis: 'exe', dmg: 'dmg', zip: 'zip', AppImage: 'AppImage', deb: 'deb' };
    for (const entry of workflow.jobs.build.strategy.matrix.include as Array<{ os: string; artifacts: string }>) {
      const targets = builder[platformOf[entry.os]!]!.target.map((t) => t.target);
      expect(targets.length, entry.os).toBeGreaterThan(0);
      for (const target of targets) expect(entry.artifacts, `${entry.os} ${target}`).toContain(`dist/*.${extensionOf[target]}`);
    }
    expect(builder.linux!.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    // No platform skips building, checking or uploading.
    const packaging = steps.filter((step) => step.run?.includes('npm run dist') || step.run?.includes('check-package.mjs') || step.name === 'Keep the installers');
    expect(packaging).toHaveLength(3);
    for (const step of packaging) expect(step.if, step.name).toBeUndefined();
  });

  it('takes signing credentials from repository secrets only', () => {
    const env = steps.find((step) => step.run?.includes('npm run dist'))?.env ?? {};
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'AZURE_CLIENT_SECRET']) {
      expect(env[name]).toBe(`\${{ secrets.${name} }}`);
    }
    expect(workflow.permissions).toEqual({ contents: 'read' });
    // Every variable the signing plan reads reaches the dist step (the Azure publisher name was once left out).
    const signing = readFileSync('scripts/packaging/signing.mjs', 'utf8');
    const read = new Set([...signing.matchAll(/'((?:AZURE|APPLE)_[A-Z_]+|CSC_[A-Z_]+)'/g)].map((match) => match[1]!));
    for (const name of read) if (!['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'].includes(name)) expect(Object.keys(env), name).toContain(name);
  });
});
