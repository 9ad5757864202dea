import type { ArgsOf, DemoSummary, Result } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { refreshAppState, setAppState, setHoldFirstRun } from '../app/app-store';

export type VaultChoice = ArgsOf<'vault:create'>;

/**
 * Create the database key. The first-run screen stays up (even though the vault now reports
 * `ready`) until the demo has loaded, so people see the progress rather than an empty shell.
 */
export async function createVault(choice: VaultChoice): Promise<Result<null>> {
  setHoldFirstRun(true);
  const created = await call(() => getApi().vault.create(choice));
  if (!created.ok) {
    setHoldFirstRun(false);
    return created;
  }
  setAppState(created.data);
  return { ok: true, data: null };
}

/** Fill the store with the demo workspace, then open the shell. On failure the screen stays. */
export async function loadDemo(): Promise<Result<DemoSummary>> {
  setHoldFirstRun(true);
  const loaded = await call(() => getApi().demo.load(undefined));
  if (!loaded.ok) return loaded;
  await refreshAppState();
  setHoldFirstRun(false);
  return loaded;
}

/** Leave the first-run screen without the demo (only useful once the vault exists). */
export async function skipDemo(): Promise<void> {
  await refreshAppState();
  setHoldFirstRun(false);
}
