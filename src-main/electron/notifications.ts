import { app, Notification, type BrowserWindow } from 'electron';
import type { AppCore } from '../core/app-core';
import { createInboxNotifier } from '../services/inbox-notifier';
import { readSettings } from '../settings/settings';

/**
 * New messages and comments after a sync raise an OS notification (when the setting is on);
 * clicking it brings the window forward and opens the thread. The app icon shows the same
 * count as the Inbox badge (macOS dock, Linux Unity launchers; Windows has no count badge).
 */
export function startInboxNotifications(core: AppCore, window: BrowserWindow): () => void {
  const notifier = createInboxNotifier({
    repos: () => (core.state().phase === 'ready' ? core.repos : null),
    enabled: () => readSettings(core.settings()).notifyNewMessages,
    now: core.now,
  });
  return core.events.on('store:changed', (change) => {
    try {
      const notice = notifier.check(change);
      app.setBadgeCount(notifier.badgeCount());
      if (!notice || !Notification.isSupported()) return;
      const shown = new Notification({ title: notice.title, body: notice.body, silent: false });
      shown.on('click', () => {
        if (window.isDestroyed()) return;
        if (window.isMinimized()) window.restore();
        window.focus();
        if (notice.conversationId !== null) core.events.emit('inbox:open-conversation', { conversationId: notice.conversationId });
      });
      shown.show();
    } catch (error) {
      console.error('[notifications] could not notify', error);
    }
  });
}
