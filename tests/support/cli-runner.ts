import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI as a user would; resolves with its exit code and output, never rejects. The
 * generous timeout is for a loaded machine (each run starts tsx and opens the encrypted store).
 */
export async function runCli(args: string[], env: Record<string, string>, timeout = 120_000): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(TSX, ['src-main/cli/index.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
