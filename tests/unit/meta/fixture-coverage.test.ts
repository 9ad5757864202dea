import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { META_FIXTURES_DIR } from '../../support/meta-fixtures';

// Every real payload sample must be read by some parser test, so a new sample cannot go unchecked.
describe('real Meta fixtures (tests/fixtures/meta)', () => {
  it('are each parsed by at least one test in this folder', () => {
    const fixtures = readdirSync(META_FIXTURES_DIR).filter((f) => f.endsWith('.json'));
    const here = fileURLToPath(new URL('./', import.meta.url));
    const tests = readdirSync(here)
      .filter((f) => f.endsWith('.test.ts') && f !== 'fixture-coverage.test.ts')
      .map((f) => readFileSync(`${here}${f}`, 'utf8'))
      .join('\n');
    expect(fixtures.length).toBeGreaterThan(20);
    expect(fixtures.filter((f) => !tests.includes(`'${f}'`))).toEqual([]);
  });
});
