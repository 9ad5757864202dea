import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations; its exports are checked here.
import { APP_TOOLS, TEST_TOOLS, compare, floorFor, minimumOf, show } from '../../../scripts/node-support.mjs';

type Version = [number, number];
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const appFloor = floorFor(APP_TOOLS) as Version;
const testFloor = floorFor(TEST_TOOLS) as Version;

/**
 * package.json's engines, the README, `.ci/run` and the workflow say the same Node as the tools
 * declare: `npm start` / `npm run dist` need Electron's tooling (>= 22.12); the test suite alone
 * runs on older Node (this project's CI machine).
 */
describe('Node versions', () => {
  it('reads engines ranges as their lowest admitted version', () => {
    expect(minimumOf('>=22.12.0')).toEqual([22, 12]);
    expect(minimumOf('>= 22.12.0')).toEqual([22, 12]);
    expect(minimumOf('^20.19.0 || >=22.12.0')).toEqual([20, 19]);
    expect(minimumOf('20.x || 22.x || 23.x')).toEqual([20, 0]);
    expect(minimumOf('>=20')).toEqual([20, 0]);
  });

  it("engines names the Node that npm start and npm run dist need: the highest floor of Electron's tooling", () => {
    expect(show(appFloor)).toBe('22.12');
    expect(pkg.engines.node).toBe(`>=${show(appFloor)}`);
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`Node.js ${show(appFloor)} or newer`);
    expect(readme).toContain(`Node ${show(testFloor)}+`);
  });

  it('the test suite alone needs less, and the Node running these tests meets it', () => {
    expect(compare(testFloor, appFloor)).toBeLessThan(0);
    const running = process.versions.node.split('.').map(Number) as Version;
    expect(compare(running, testFloor)).toBeGreaterThanOrEqual(0);
  });

  it('.ci/run checks the Node after installing and before testing; the workflow sets up a Node the engines accept', () => {
    const commands = readFileSync('.ci/run', 'utf8').split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
    const order = [/\bnpm ci$/, /^node scripts\/node-support\.mjs$/, /^npm test$/].map((pattern) => commands.findIndex((line) => pattern.test(line.trim())));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const workflow = parse(readFileSync('.github/workflows/desktop.yml', 'utf8')) as { jobs: { build: { steps: Array<{ uses?: string; with?: { 'node-version'?: unknown } }> } } };
    const setup = workflow.jobs.build.steps.find((step) => step.uses?.startsWith('actions/setup-node'));
    // A bare major gets that line's newest release; it must be a line whose releases pass the floor.
    expect(Number(setup?.with?.['node-version'])).toBeGreaterThanOrEqual(appFloor[0]);
  });
});
