import { dialog, type BrowserWindow } from 'electron';

/** The system folder picker, for exports; null when the user cancels. */
export async function pickFolder(window: BrowserWindow, title: string): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, { title, properties: ['openDirectory', 'createDirectory'] });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
