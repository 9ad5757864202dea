import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

/**
 * `npm run bench` renders the inbox list under plain tsx, which has no loader for styles; vitest
 * does, so a component that starts importing a stylesheet passes every renderer test and breaks
 * only the bench. Loading the module the way the bench does catches that.
 */
describe('bench render modules', () => {
  it('the inbox list renderer loads under plain Node (no stylesheet in its imports)', () => {
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['--eval', "import('./scripts/bench/inbox-render.tsx').then(() => console.log('loaded'))"], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
    expect(run.stdout.trim()).toBe('loaded');
  }, 90_000);
});
