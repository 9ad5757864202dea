import { initAccounts, resetAccountsStore } from '../accounts/accounts-store';
import { initAnalytics, resetAnalyticsStore } from '../analytics/analytics-store';
import { initComments, resetCommentsStore } from '../comments/comments-store';
import { initInbox, resetInboxStore } from '../inbox/inbox-session';
import { resetSavedReplies } from '../inbox/saved-replies';
import { initPrivacy, resetPrivacyStore } from '../privacy/privacy-store';
import { resetMetaAppStore } from '../settings/meta-app-store';
import { initSettings, loadSettings, resetSettingsStore } from '../settings/settings-store';
import { restoreTheme } from '../settings/theme';
import { initSync } from '../sync/sync-store';
import { initApp, useAppStore } from './app-store';

/** Forget everything shown from the store, e.g. after a wipe or when the vault locks. */
export function resetFeatureStores(): void {
  resetAccountsStore();
  resetAnalyticsStore();
  resetInboxStore();
  resetCommentsStore();
  resetSavedReplies();
  resetPrivacyStore();
  resetSettingsStore();
  resetMetaAppStore();
}

/**
 * Starts every IPC subscription. Called once from main.tsx (and by tests), never at import time.
 * Returns one function that stops them all.
 */
export function initSession(): () => void {
  restoreTheme();
  const stops = [initSync(), initAccounts(), initAnalytics(), initInbox(), initComments(), initPrivacy(), initSettings()];
  const stopPhase = useAppStore.subscribe((state, previous) => {
    const phase = state.data?.phase;
    const before = previous.data?.phase;
    if (phase === before) return;
    if (phase === 'ready') void loadSettings();
    else if (before === 'ready') resetFeatureStores();
  });
  stops.push(stopPhase, initApp());
  return () => stops.forEach((stop) => stop());
}
