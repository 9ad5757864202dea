import { spawn } from 'node:child_process';
import type { ElectronApplication } from '@playwright/test';

/** Everything the main process writes to stderr from now on (where it logs ignored links). */
export function collectMainLog(electronApp: ElectronApplication): () => string {
  const chunks: string[] = [];
  electronApp.process().stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return () => chunks.join('');
}

/**
 * What Windows and Linux do with a clicked `social-desk://` link while the app runs: start a
 * second instance with the link on its command line. It finds the single-instance lock (same
 * profile), hands its argv to the running app and quits.
 */
export async function openAsSecondInstance(electronApp: ElectronApplication, link: string): Promise<void> {
  const running = await electronApp.evaluate(() => ({
    execPath: process.execPath,
    profileArgs: process.argv.filter((arg) => arg.startsWith('--user-data-dir=')),
    env: { XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME ?? '', SOCIAL_DESK_DATA_DIR: process.env.SOCIAL_DESK_DATA_DIR ?? '' },
  }));
  const child = spawn(running.execPath, ['out/main/index.js', ...running.profileArgs, link], { env: { ...process.env, ...running.env }, stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
}
