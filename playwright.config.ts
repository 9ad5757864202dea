import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type PlaywrightTestProject } from '@playwright/test';

/**
 * Two ways to run the same end-to-end specs:
 * - `chromium`: the built renderer in Debian's Chromium, served by the test-only web bridge
 *   (scripts/web-bridge) against the real main-process services. Runs everywhere.
 * - `electron`: the packaged main process in real Electron, only where its binary is installed
 *   (CI images install with ELECTRON_SKIP_BINARY_DOWNLOAD=1, so it is usually absent).
 */
function electronBinary(): string | null {
  try {
    // Not require('electron'): when its binary is missing, that starts a download. This reads
    // the same path.txt it would, and only checks that the binary is there.
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relative = readFileSync(join(packageDir, 'path.txt'), 'utf8');
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
    const binary = join(distDir, relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const chromiumProject: PlaywrightTestProject = {
  name: 'chromium',
  testIgnore: /\.electron\.spec\.ts$/,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
};

// Specs about the bridge itself (its HTTP guards, that the app never imports it) need no app,
// so they run once, in `chromium`; `*.electron.spec.ts` checks what only real Electron can show.
const electronProject: PlaywrightTestProject = { name: 'electron', testIgnore: /bridge-[^/]*\.spec\.ts$/ };

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.ts$/,
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Each worker runs a browser, the real services and the Graph emulator the demo syncs from;
  // more than two of those fight over CPU on a small CI box and only make every spec slower.
  workers: 2,
  // A spec may load the demo (a full sync) twice and restart the app; that is seconds, not minutes.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
  },
  projects: electronBinary() ? [chromiumProject, electronProject] : [chromiumProject],
});
