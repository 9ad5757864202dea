import { createInterface } from 'node:readline';
import { UsageError } from './errors';

/** The passphrase from SOCIAL_DESK_PASSPHRASE, or asked for (not echoed) on a terminal. */
export async function readPassphrase(prompt = 'Passphrase: ', envName = 'SOCIAL_DESK_PASSPHRASE'): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UsageError(`No passphrase: set ${envName} or run in a terminal.`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let muted = false;
  output._writeToOutput = (s: string) => {
    if (!muted) process.stdout.write(s);
  };
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
