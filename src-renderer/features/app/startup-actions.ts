import { useState } from 'react';
import type { ErrorPayload } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { setAppState } from './app-store';

/**
 * The ways out of a screen shown when the store could not be opened, which both the key-recovery
 * and the store-problem screens offer: try opening again, show the data folder, quit.
 */
export function useStartupActions() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const retry = async () => {
    setBusy(true);
    setError(null);
    const result = await call(() => getApi().app.retryOpen(undefined));
    setBusy(false);
    if (result.ok) setAppState(result.data);
    else setError(result.error);
  };

  const showDataFolder = async () => {
    setError(null);
    const result = await call(() => getApi().app.showDataFolder(undefined));
    if (!result.ok) setError(result.error);
  };

  const quit = async () => {
    setError(null);
    const result = await call(() => getApi().app.quit(undefined));
    if (!result.ok) setError(result.error);
  };

  return { busy, setBusy, error, setError, retry, showDataFolder, quit };
}
