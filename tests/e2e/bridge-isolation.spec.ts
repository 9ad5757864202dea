import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** The bridge answers without Electron's sender checks, so it must never be part of the app. */
test('nothing the app ships imports the web bridge or the test support', () => {
  const offenders: string[] = [];
  for (const root of ['src-main', 'src-preload', 'src-renderer']) {
    for (const file of walk(root)) {
      const text = readFileSync(file, 'utf8');
      if (/from\s+['"][^'"]*(web-bridge|scripts\/|tests\/)[^'"]*['"]|import\(\s*['"][^'"]*web-bridge/.test(text)) offenders.push(file);
    }
  }
  expect(offenders).toEqual([]);
});

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name)) yield path;
  }
}
