import { useState } from 'react';
import type { ErrorPayload, Result, WipeReport } from '../../../src-preload/contract';
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

/** The state of a wipe control: one confirmation, busy while erasing, then a report or an error. */
export function useWipe() {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [report, setReport] = useState<WipeReport | null>(null);

  const wipe = async () => {
    setBusy(true);
    setError(null);
    const result = await wipeEverything();
    setBusy(false);
    setConfirming(false);
    if (result.ok) setReport(result.data);
    else setError(result.error);
  };

  return { confirming, setConfirming, busy, error, setError, report, wipe };
}
