#!/usr/bin/env node
/**
 * `npm test`: every check, in order, stopping at the first failure. Each runner prints its
 * own summary (tsc errors, vitest and Playwright totals); this adds one table at the end so
 * the outcome is readable without scrolling.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  { name: 'Types (main, preload, scripts, tests)', command: 'npx', args: ['tsc', '-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'Types (renderer)', command: 'npx', args: ['tsc', '-p', 'tsconfig.web.json', '--noEmit'] },
  { name: 'Types (relay)', command: 'npx', args: ['tsc', '-p', 'relay/tsconfig.json', '--noEmit'] },
  { name: 'Lint', command: 'npx', args: ['eslint', '.'], when: () => existsSync('eslint.config.js'), skipReason: 'no eslint.config.js' },
  { name: 'Unit, integration and renderer tests (vitest)', command: 'npx', args: ['vitest', 'run'] },
  { name: 'End-to-end (Playwright)', command: 'node', args: ['scripts/run-e2e.mjs'] },
];

const results = [];
let failed = false;
for (const step of steps) {
  if (failed) {
    results.push({ step, outcome: 'not run' });
    continue;
  }
  if (step.when && !step.when()) {
    results.push({ step, outcome: `skipped (${step.skipReason})` });
    continue;
  }
  process.stdout.write(`\n━━ ${step.name}\n$ ${step.command} ${step.args.join(' ')}\n`);
  const started = Date.now();
  // Windows finds npx only as npx.cmd, which Node starts through a shell only.
  const run = spawnSync(step.command, step.args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const status = run.error ? `could not start: ${run.error.message}` : run.status === 0 ? null : `exit ${run.status ?? run.signal}`;
  results.push({ step, outcome: status ? `FAILED (${status})` : 'passed', seconds });
  if (status) failed = true;
}

const width = Math.max(...steps.map((s) => s.name.length));
process.stdout.write('\n━━ Summary\n');
for (const { step, outcome, seconds } of results) {
  const mark = outcome === 'passed' ? '✔' : outcome.startsWith('FAILED') ? '✘' : '·';
  process.stdout.write(`${mark} ${step.name.padEnd(width)}  ${outcome}${seconds ? ` in ${seconds}s` : ''}\n`);
}
process.stdout.write(failed ? '\nnpm test failed: fix the first failing step above.\n' : '\nAll checks passed.\n');
process.exit(failed ? 1 : 0);
