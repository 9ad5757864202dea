import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startDemoWorldHost, type DemoWorldHost } from './demo-world-host';

/** A data folder, the demo's world kept in the spec's process, and a page to drive a bridge child. */
export interface BridgeDemoSession {
  dataDir: string;
  host: DemoWorldHost;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page, for the spec to assert empty at the end. */
  pageErrors: string[];
  /** Closes the page and the world and removes the data folder (the spec stops its bridge first). */
  close(): Promise<void>;
}

export async function openBridgeDemoSession(browser: Browser, name: string): Promise<BridgeDemoSession> {
  const root = mkdtempSync(join(tmpdir(), `social-desk-${name}-`));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const host = await startDemoWorldHost();
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, colorScheme: 'light', locale: 'en-US' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    dataDir,
    host,
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      await host.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
