import { app, Notification, type BrowserWindow } from 'electron';
import type { AppCore } from '../core/app-core';
import { createInboxNotifier, openNoticeTarget, type NotifierDecision } from '../services/inbox-notifier';
import { readSettings } from '../settings/settings';

/**
 * The Electron side of inbox notifications; what to say and when is decided by the plain-Node
 * notifier (services/inbox-notifier). A click brings the window forward and opens the thread (or,
 * for comments only, the Comments view).
 * The app icon shows the same count as the Inbox badge (macOS dock, Linux Unity launchers;
 * Windows has no count badge).
 */
export function startInboxNotifications(core: AppCore, window: BrowserWindow): () => void {
  const notifier = createInboxNotifier({
    repos: () => (core.state().phase === 'ready' ? core.repos : null),
    enabled: () => readSettings(core.settings()).notifyNewMessages,
    now: core.now,
    userIsLooking: () => !window.isDestroyed() && window.isVisible() && window.isFocused(),
  });
  let flushTimer: NodeJS.Timeout | null = null;
  const guarded = (run: () => void) => {
    try {
      run();
    } catch (error) {
      console.error('[notifications] could not notify', error);
    }
  };

  const deliver = (decision: NotifierDecision) => {
    const { notice, flushAt } = decision;
    if (flushAt !== null && !flushTimer) {
      flushTimer = setTimeout(() => {
        flushTimer = null;
        guarded(() => deliver(notifier.flush()));
      }, Math.max(0, flushAt - core.now()));
    }
    if (!notice || !Notification.isSupported()) return;
    const shown = new Notification({ title: notice.title, body: notice.body, silent: false });
    shown.on('click', () => {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      openNoticeTarget(notice, core.events);
    });
    shown.show();
  };

  const showBadge = () => app.setBadgeCount(notifier.badgeCount());
  const stop = core.events.on('store:changed', (change) =>
    guarded(() => {
      deliver(notifier.check(change));
      showBadge();
    }),
  );
  // What is already unread when the app starts or unlocks, before anything changes.
  const stopState = core.events.on('app:state-changed', () => guarded(showBadge));
  guarded(showBadge);
  return () => {
    stop();
    stopState();
    if (flushTimer) clearTimeout(flushTimer);
  };
}
