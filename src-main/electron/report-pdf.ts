import { BrowserWindow, dialog } from 'electron';
import { writeFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { app } from 'electron';

/**
 * Saves a report: asks where (the system save dialog), then prints the report's static HTML to
 * PDF in a hidden, sandboxed window with JavaScript off (Electron `webContents.printToPDF`).
 * https://www.electronjs.org/docs/latest/api/web-contents#contentsprinttopdfoptions
 */
export async function saveReportPdf(parent: BrowserWindow, html: string, suggestedName: string): Promise<string | null> {
  const choice = await dialog.showSaveDialog(parent, {
    title: 'Save the report',
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return null;
  const printer = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: 'report-print' },
  });
  const partial = `${choice.filePath}.partial`;
  try {
    await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await printer.webContents.printToPDF({ pageSize: 'A4', printBackground: true, margins: { top: 0.6, bottom: 0.6, left: 0.55, right: 0.55 } });
    await writeFile(partial, pdf);
    await rename(partial, choice.filePath);
    return choice.filePath;
  } finally {
    await rm(partial, { force: true });
    printer.destroy();
  }
}
