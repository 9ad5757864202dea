/**
 * Test-only child process: starts a real export of the store in argv[2] into argv[3] and stops
 * for good once the first dataset is staged, printing its pid and where, so the parent can SIGKILL
 * exactly this process (tsx runs it as a child of its own) at that point.
 */
import { exportAll } from '../../src-main/privacy/export';
import { makeCore } from './core';
import { createFakeKeychain } from './fake-keychain';

const [dataDir, outDir, secret] = process.argv.slice(2);
if (!dataDir || !outDir || !secret) throw new Error('usage: export-child DATA_DIR OUT_DIR KEYCHAIN_SECRET');
const core = makeCore(dataDir, createFakeKeychain(secret));
if (core.start().phase !== 'ready') throw new Error('the store did not open');
await exportAll(core.repos.db, outDir, 'csv', {
  dataDir,
  onStaged: (_dataset, stagingDir) => {
    process.stdout.write(`STAGED ${process.pid} ${stagingDir}\n`);
    setInterval(() => {}, 1 << 30);
    return new Promise<void>(() => {});
  },
});
