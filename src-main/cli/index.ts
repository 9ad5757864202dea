import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { AppCore } from '../core/app-core';
import { openConfStore } from '../settings/conf-store';
import { readPassphrase } from './passphrase';
import { COMMANDS, type CommandContext } from './commands';
import { checkGraphBaseUrl, failure } from './errors';

const USAGE = `Social Desk command line (runs the same core as the desktop app, under plain Node)

Usage: npm run cli -- <command> --data-dir DIR [options]

Commands:
${[...COMMANDS]
  .map(([name, c]) => {
    const call = `${name} ${c.usage}`;
    // A long call gets its summary on the next line, so no summary runs into its options.
    return call.length <= 34 ? `  ${call.padEnd(34)} ${c.summary}` : `  ${call}\n  ${''.padEnd(34)} ${c.summary}`;
  })
  .join('\n')}

Options:
  --data-dir DIR      where the encrypted database lives (or SOCIAL_DESK_DATA_DIR)
  --json              print machine-readable JSON
  --graph-base-url    talk to this Graph API host instead of Meta (demo accounts use the built-in emulator)
The passphrase comes from SOCIAL_DESK_PASSPHRASE, or is asked for on a terminal.`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        limit: { type: 'string' },
        yes: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'graph-base-url': { type: 'string' },
        account: { type: 'string' },
        channel: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        url: { type: 'string' },
        code: { type: 'string' },
        'until-idle': { type: 'string' },
        unread: { type: 'boolean', default: false },
        unanswered: { type: 'boolean', default: false },
        'unanswered-first': { type: 'boolean', default: false },
        post: { type: 'string' },
        retry: { type: 'boolean', default: false },
        person: { type: 'string' },
        source: { type: 'string' },
        note: { type: 'string' },
        category: { type: 'string' },
        keep: { type: 'string' },
        view: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [name, ...rest] = parsed.positionals;
  if (parsed.values.help || !name) {
    process.stdout.write(`${USAGE}\n`);
    return name || parsed.values.help ? 0 : 2;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${USAGE}\n`);
    return 2;
  }
  const dataDir = parsed.values['data-dir'] ?? process.env.SOCIAL_DESK_DATA_DIR;
  if (!dataDir) {
    process.stderr.write('Missing --data-dir DIR (or SOCIAL_DESK_DATA_DIR).\n');
    return 2;
  }
  try {
    checkGraphBaseUrl(parsed.values['graph-base-url']);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const core = new AppCore({
    dataDir: resolve(dataDir),
    removeDataDirOnWipe: false,
    appVersion: process.env.npm_package_version ?? '0.0.0',
    platform: process.platform,
    osCrypto: null,
    openStore: openConfStore,
  });
  const ctx: CommandContext = {
    core,
    args: rest,
    options: parsed.values,
    passphrase: () => readPassphrase(),
    newPassphrase: async () => {
      const first = await readPassphrase('New passphrase: ', 'SOCIAL_DESK_NEW_PASSPHRASE');
      const again = process.env.SOCIAL_DESK_NEW_PASSPHRASE ? first : await readPassphrase('Type it again: ', 'SOCIAL_DESK_NEW_PASSPHRASE');
      if (first !== again) throw new RangeError('The two passphrases differ; nothing was changed.');
      return first;
    },
    out: (text) => process.stdout.write(`${text}\n`),
  };
  try {
    return await command.run(ctx);
  } catch (error) {
    const { code, text } = failure(error);
    process.stderr.write(`${text}\n`);
    return code;
  } finally {
    core.close();
    // Background work the command started must not outlive it silently.
    await core.tasks.idle();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${failure(error).text}\n`);
    process.exitCode = 1;
  },
);
