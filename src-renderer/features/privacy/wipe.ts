import type { Result, WipeReport } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { refreshAppState, rememberWipe } from '../app/app-store';

/**
 * Erase everything, then re-read the phase. The main process also emits `app:state-changed`;
 * re-reading covers the case where that event is missed, and is harmless otherwise.
 */
export async function wipeEverything(): Promise<Result<WipeReport>> {
  const result = await call(() => getApi().privacy.wipe({ confirm: 'WIPE' }));
  if (result.ok) {
    rememberWipe(result.data);
    await refreshAppState();
  }
  return result;
}
