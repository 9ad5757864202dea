import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_PASSPHRASE, exploreDemo } from './support/flows';
import { captureScreen } from './support/screens';
import { makeCore } from '../support/core';

// A passphrase (not the fake keychain) so the CLI can open the very same store as the app.
test.use({ keychain: { kind: 'none' } });
// Seven CLI runs (one per view) beside the demo load: several minutes on a busy machine.
test.setTimeout(480_000);

function cli(dataDir: string, args: string[]): string {
  const run = spawnSync('npx', ['tsx', 'src-main/cli/index.ts', ...args, '--data-dir', dataDir], {
    encoding: 'utf8',
    env: { ...process.env, SOCIAL_DESK_PASSPHRASE: DEMO_PASSPHRASE },
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** The CSV a view's export button gives, and the CLI's CSV of the same view, accounts and days: the same file. */
async function expectViewCsvMatchesCli(page: Page, dataDir: string, button: Locator, args: string[]): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const fromView = readFileSync((await download.path())!, 'utf8');
  const file = join(dataDir, '..', `cli-${args.join('-')}.csv`);
  cli(dataDir, ['report', '--format', 'csv', ...args, '--out', file]);
  expect(fromView, `view CSV vs report ${args.join(' ')}`).toBe(readFileSync(file, 'utf8'));
  expect(fromView.split('\r\n').length).toBeGreaterThan(2);
  return fromView;
}

/** Minimal CSV reader for our own export (quoted cells, CRLF rows). */
function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

test('analytics on the demo: the views show the CLI export’s numbers, work from the local store only, and the PDF holds no personal data', async ({ app }, testInfo) => {
  const page = app.page;
  await exploreDemo(page);
  // Nothing is fetched to draw a view: every request from now on goes to the local bridge.
  const bridgeOrigin = new URL(page.url()).origin;
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(bridgeOrigin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url());
  });

  const view = page.locator('[data-view="analytics"]');
  await expect(view.locator('[data-figure]').first()).toBeVisible();
  const line = view.locator('[data-period-from]');
  const from = (await line.getAttribute('data-period-from'))!;
  const to = (await line.getAttribute('data-period-to'))!;
  await expect(view.locator('.recharts-line-curve').first()).toBeVisible();
  await captureScreen(page, testInfo, 'analytics-overview');

  // The same numbers as `report --format csv` for the same period.
  const csvFile = join(app.dataDir, '..', 'overview.csv');
  cli(app.dataDir, ['report', '--format', 'csv', '--account', 'all', '--from', from, '--to', to, '--out', csvFile]);
  const rows = parseCsv(readFileSync(csvFile, 'utf8'));
  expect(rows.length).toBeGreaterThan(20);
  for (const row of rows) {
    const card = view.locator(`[data-account-id="${row.account_id}"] [data-figure]`).filter({ has: page.locator('.figure__label', { hasText: new RegExp(`^${row.figure!.replace(/[()]/g, '\\$&')}$`) }) });
    await expect(card, `${row.account} ${row.figure}`).toHaveCount(1);
    if (row.value === '') await expect(card.locator('[data-no-data]')).toBeVisible();
    else await expect(card.locator('[data-value]')).toHaveAttribute('data-value', row.value!);
  }
  // Instagram and Facebook are never summed: one section per account.
  expect(await view.locator('section[data-account-id]').count()).toBe(new Set(rows.map((r) => r.account_id)).size);
  // Each account's figures and days as exported from the view: the CLI's CSV of that account and period.
  const firstAccount = rows[0]!.account_id!;
  const section = view.locator(`section[data-account-id="${firstAccount}"]`);
  const range = ['--account', firstAccount, '--from', from, '--to', to];
  await expectViewCsvMatchesCli(page, app.dataDir, section.getByRole('button', { name: 'Figures CSV' }), ['--view', 'overview', ...range]);
  await expectViewCsvMatchesCli(page, app.dataDir, section.getByRole('button', { name: /^(Daily|Weekly) CSV$/ }), ['--view', 'days', ...range]);

  // Posts: every post of the period, in a virtualized table; its count is the sum of "Posts published".
  await page.locator('[data-tab="posts"]').click();
  const grid = page.locator('[data-rows]');
  await expect(grid).toBeVisible();
  const published = rows.filter((r) => r.figure === 'Posts published').reduce((s, r) => s + Number(r.value), 0);
  await expect(grid).toHaveAttribute('data-rows', String(published));
  expect(await page.locator('[data-post-id]').count()).toBeLessThan(100);
  await expect(page.locator('[data-post-id] img[data-thumbnail="stored"]').first()).toBeVisible();
  await expectViewCsvMatchesCli(page, app.dataDir, page.locator('[data-panel="posts"] [data-export-csv]'), ['--view', 'posts', '--account', 'all', '--from', from, '--to', to]);
  await captureScreen(page, testInfo, 'analytics-posts');
  await page.locator('[data-post-id] .link-button').first().click();
  await expect(page.locator('[data-post-detail] .recharts-line-curve').first()).toBeVisible();
  await captureScreen(page, testInfo, 'analytics-post-detail');
  await page.keyboard.press('Escape');

  await page.locator('[data-tab="audience"]').click();
  await expect(page.locator('[data-audience-account]').first()).toBeVisible();
  await expect(page.locator('[data-breakdown="follower-age"]').first()).toBeVisible();
  const audienceAccount = (await page.locator('[data-audience-account]').first().getAttribute('data-audience-account'))!;
  await expectViewCsvMatchesCli(page, app.dataDir, page.locator(`[data-audience-account="${audienceAccount}"] [data-export-csv]`), ['--view', 'audience', '--account', audienceAccount, '--from', from, '--to', to]);
  await captureScreen(page, testInfo, 'analytics-audience');

  await page.locator('[data-tab="people"]').click();
  await expect(page.locator('[data-person-id]').first()).toBeVisible();
  await expectViewCsvMatchesCli(page, app.dataDir, page.locator('[data-panel="people"] [data-export-csv]'), ['--view', 'people', '--account', 'all', '--from', from, '--to', to]);
  await captureScreen(page, testInfo, 'analytics-people');

  await page.locator('[data-tab="best-time"]').click();
  await page.getByRole('button', { name: 'A year' }).click();
  // Instagram and Facebook rates are not comparable: all accounts show one map per network.
  await expect(page.locator('[data-heatmap-network]')).toHaveCount(2);
  await expect(page.locator('[data-best-times="instagram"]')).toBeVisible();
  const yearFrom = (await line.getAttribute('data-period-from'))!;
  const yearTo = (await line.getAttribute('data-period-to'))!;
  expect(yearFrom < from).toBe(true);
  await expectViewCsvMatchesCli(page, app.dataDir, page.locator('[data-export-csv^="best-time"]'), ['--view', 'best-time', '--account', 'all', '--from', yearFrom, '--to', yearTo]);
  await captureScreen(page, testInfo, 'analytics-best-time');

  // Leadership report through the dialog: a PDF whose text names no person and quotes no message.
  await page.locator('[data-tab="overview"]').click();
  await page.getByRole('button', { name: 'Report for leadership…' }).click();
  await captureScreen(page, testInfo, 'analytics-report-dialog');
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(page.getByText(/^Saved to /)).toBeVisible({ timeout: 60_000 });
  const pdfName = readdirSync(join(app.dataDir, 'reports')).find((f) => f.endsWith('.pdf'))!;
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(join(app.dataDir, 'reports', pdfName))));
  const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ').toLocaleLowerCase();
  expect(text).toContain('social media report');
  const core = makeCore(app.dataDir, null, { removeDataDirOnWipe: false });
  core.start();
  core.unlock(DEMO_PASSPHRASE);
  const own = new Set(core.repos.accounts.list().flatMap((a) => [a.name, a.handle ?? '']).map((s) => s.toLocaleLowerCase()));
  const personal = (core.repos.db.prepare(`SELECT username AS s FROM people UNION SELECT name FROM people UNION SELECT external_id FROM people
    UNION SELECT text FROM messages UNION SELECT text FROM comments UNION SELECT author_username FROM comments`).all() as Array<{ s: string | null }>)
    .map((r) => (r.s ?? '').trim().replace(/\s+/g, ' ').toLocaleLowerCase())
    .filter((s) => s.length >= 3 && !own.has(s));
  expect(personal.length).toBeGreaterThan(1000);
  const word = (s: string) => new RegExp(`(^|[^\\p{L}\\p{N}_])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}_])`, 'u');
  const leaked = personal.filter((s) => text.includes(s) && word(s).test(text));
  expect(leaked).toEqual([]);
  await page.getByRole('button', { name: 'Close' }).click();

  // A Page that Meta gave no reach for shows "No data", not 0.
  const pageAccount = core.repos.accounts.list().find((a) => a.network === 'facebook')!;
  core.repos.db.prepare(`DELETE FROM account_daily_insights WHERE account_id = ? AND metric = 'page_total_media_view_unique'`).run(pageAccount.id);
  core.repos.db.prepare('DELETE FROM account_period_insights WHERE account_id = ?').run(pageAccount.id);
  core.close();
  await page.getByRole('button', { name: '90 days' }).click();
  const viewers = view.locator(`[data-account-id="${pageAccount.id}"] [data-figure="reach"]`);
  await expect(viewers.locator('[data-no-data]')).toContainText('No data');
  await expect(viewers).toContainText('Meta gave no figure for these days.');
  await viewers.scrollIntoViewIfNeeded();
  await captureScreen(page, testInfo, 'analytics-page-without-reach');

  expect(outside).toEqual([]);
});
