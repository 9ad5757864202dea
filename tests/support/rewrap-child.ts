/**
 * Test helper run as its own process: changes the passphrase of the store in argv[2] and kills
 * itself with SIGKILL at the step named in argv[3] (a crash, a power cut), so the parent can check
 * what is left on disk.
 */
import { Vault } from '../../src-main/vault/vault';
import { openConfStore } from '../../src-main/settings/conf-store';
import type { RewrapStep } from '../../src-main/vault/rewrap';
import { TEST_SCRYPT } from './core';

const [dataDir, crashAt, current, next] = process.argv.slice(2) as [string, RewrapStep, string, string];
const vault = new Vault({ dataDir, openStore: openConfStore, osCrypto: null, platform: 'linux', now: Date.now, scryptCost: TEST_SCRYPT });
vault.rewrap({ current, mode: 'passphrase', passphrase: next }, (step) => {
  if (step === crashAt) process.kill(process.pid, 'SIGKILL');
});
process.stdout.write('finished without crashing\n');
