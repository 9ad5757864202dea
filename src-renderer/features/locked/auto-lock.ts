import { getApi } from '../../api';
import { call } from '../../lib/call';
import { useSettingsStore } from '../settings/settings-store';
import { setAppState, useAppStore } from '../app/app-store';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'pointermove'] as const;
const CHECK_EVERY_MS = 15_000;

/**
 * Locks after the chosen idle minutes (Settings → Locking). Idle means no pointer, key or wheel
 * in this window. Checked every few seconds against the last activity, so a sleeping computer
 * that wakes past the limit locks at once. Started from initSession, stopped with it.
 */
export function initAutoLock(now: () => number = Date.now): () => void {
  let lastActivity = now();
  const touch = () => {
    lastActivity = now();
  };
  for (const name of ACTIVITY) window.addEventListener(name, touch, { passive: true });
  const timer = window.setInterval(() => {
    const minutes = useSettingsStore.getState().data?.autoLockMinutes ?? null;
    if (minutes === null || useAppStore.getState().data?.phase !== 'ready') {
      lastActivity = Math.max(lastActivity, now() - 1);
      return;
    }
    if (now() - lastActivity >= minutes * 60_000) {
      lastActivity = now();
      void call(() => getApi().vault.lock({ reason: 'idle' })).then((result) => result.ok && setAppState(result.data));
    }
  }, CHECK_EVERY_MS);
  return () => {
    window.clearInterval(timer);
    for (const name of ACTIVITY) window.removeEventListener(name, touch);
  };
}
