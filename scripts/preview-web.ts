/**
 * `npm run preview:web -- --data-dir DIR [--port N] [--keychain fake|none]`
 *
 * Opens the built renderer in any browser against the real main-process services, through the
 * test-only web bridge. For looking at the UI where there is no Electron (CI boxes, containers).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BridgeKeychain } from './web-bridge';

const USAGE = 'Usage: npm run preview:web -- --data-dir DIR [--port N] [--keychain fake|none]';
const RENDERER_DIR = 'out/renderer';
// Fixed, so the same data directory opens again on the next preview run.
const PREVIEW_SECRET = 'social-desk-web-preview';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(): { dataDir: string; port: number; keychain: BridgeKeychain } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        keychain: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const dataDir = values['data-dir'];
  if (!dataDir) fail('Missing --data-dir DIR (where the encrypted data is kept).');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const kind = values.keychain ?? 'fake';
  if (kind !== 'fake' && kind !== 'none') fail(`--keychain must be "fake" or "none", not "${kind}".`);
  return {
    dataDir: resolve(dataDir),
    port,
    keychain: kind === 'fake' ? { kind: 'fake', secret: PREVIEW_SECRET } : { kind: 'none' },
  };
}

const options = parse();
if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) {
  fail(`No built renderer in ${RENDERER_DIR}. Build it first: npx vite build -c vite.renderer.config.ts`);
}

// Loaded only after the arguments and the build are known good, so those errors come first.
const { startWebBridge } = await import('./web-bridge');
const bridge = await startWebBridge({ ...options, rendererDir: RENDERER_DIR }).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  fail(code === 'EADDRINUSE' ? `Port ${options.port} is already in use.` : (error as Error).message);
});

process.stdout.write(
  [
    'Social Desk web preview (test bridge, not the app). Open this URL in a browser:',
    '',
    `  ${bridge.url}`,
    '',
    `Data: ${options.dataDir}   Keychain: ${options.keychain.kind}   Stop with Ctrl+C.`,
    '',
  ].join('\n'),
);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping the preview…\n`);
  void bridge.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
