/**
 * CLI: `npx tsx src-main/emulator/main.ts --port 8787 --scenario demo [--seed N] [--calls-per-hour N]`.
 * Prints the base URLs and tokens, and stops cleanly on SIGINT/SIGTERM. Bad arguments exit 2.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEmulator } from './server';
import { SCENARIOS } from './world/scenarios';
import type { Scenario } from './world/types';

function isScenario(value: string | undefined): value is Scenario {
  return value !== undefined && Object.hasOwn(SCENARIOS, value);
}

interface CliArgs {
  port: number;
  host: string;
  scenario: Scenario;
  seed?: number;
  callsPerHour?: number;
}

const USAGE = `usage: main.ts [--port N] [--host 127.0.0.1] [--scenario ${Object.keys(SCENARIOS).join('|')}] [--seed N] [--calls-per-hour N]`;

/** Parses argv; returns an error message for anything it does not understand. */
export function parseArgs(argv: readonly string[]): CliArgs | string {
  const args: CliArgs = { port: 8787, host: '127.0.0.1', scenario: 'demo' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const [name, inline] = flag.includes('=') ? (flag.split(/=(.*)/s, 2) as [string, string]) : [flag, undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) return `missing value for ${name}`;
    const int = (min: number, max: number): number | undefined => {
      const n = Number(value);
      return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
    };
    switch (name) {
      case '--port': {
        const n = int(0, 65_535);
        if (n === undefined) return `--port must be an integer 0–65535, got "${value}"`;
        args.port = n;
        break;
      }
      case '--host':
        args.host = value;
        break;
      case '--scenario':
        if (!isScenario(value)) return `--scenario must be one of ${Object.keys(SCENARIOS).join(', ')}, got "${value}"`;
        args.scenario = value;
        break;
      case '--seed': {
        const n = int(0, 2 ** 32 - 1);
        if (n === undefined) return `--seed must be a non-negative 32-bit integer, got "${value}"`;
        args.seed = n;
        break;
      }
      case '--calls-per-hour': {
        const n = int(1, 10_000_000);
        if (n === undefined) return `--calls-per-hour must be a positive integer, got "${value}"`;
        args.callsPerHour = n;
        break;
      }
      default:
        return `unknown argument "${name}"`;
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`emulator: ${args}\n${USAGE}\n`);
    process.exit(2);
  }
  const emu = await startEmulator({
    port: args.port,
    host: args.host,
    scenario: args.scenario,
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    ...(args.callsPerHour !== undefined ? { callsPerHour: args.callsPerHour } : {}),
  });
  const lines = [
    `Meta Graph API emulator (${args.scenario}, seed ${emu.world.seed}) listening`,
    `  graph.facebook.com  -> ${emu.url}`,
    `  graph.instagram.com -> ${emu.url}/ig`,
    `  control             -> ${emu.url}/__emulator/info`,
    `  app id / secret     : ${emu.app.id} / ${emu.app.secret}`,
    `  system user token   : ${emu.tokens.systemUser}`,
    `  user token          : ${emu.tokens.user}`,
    ...Object.entries(emu.tokens.pages).map(([id, t]) => `  page ${id} token: ${t}`),
    ...Object.entries(emu.tokens.instagram).map(([id, t]) => `  IG ${id} token : ${t}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`emulator: ${signal} received, stopping\n`);
    emu.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

// Only run when executed directly, so tests can import parseArgs.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`emulator: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
