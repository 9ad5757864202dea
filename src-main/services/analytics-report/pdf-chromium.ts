/**
 * The report's HTML printed to PDF by a headless Chromium (Debian's, or CHROMIUM_PATH): what the
 * command line and the tests use. The desktop app prints the same HTML with Electron's printToPDF
 * (src-main/electron/report-pdf.ts). JavaScript stays off: the page is static.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

export async function htmlToPdfWithChromium(html: string, outFile: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const partial = `${outFile}.partial-${process.pid}`;
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    writeFileSync(partial, await page.pdf({ format: 'A4', printBackground: true, margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' } }));
    renameSync(partial, outFile);
  } finally {
    rmSync(partial, { force: true });
    await browser.close();
  }
}
