import type { Settings } from '../../src-preload/contract';
import { DAY_MS } from '../core/time';
import { checkpoint } from '../store/database';
import type { Repositories } from '../store/repositories';

export interface RetentionResult {
  messagesDeleted: number;
  attachmentsCleared: number;
}

/**
 * Applies the privacy settings to what is stored: messages older than the retention window are
 * deleted (their text leaves the search index through its trigger), and in text-only mode no
 * message keeps its attachments. A checkpoint follows, and secure_delete zeroes the freed pages,
 * so removed text does not linger in the file. Runs after every sync and when the settings change.
 */
export function applyRetention(repos: Repositories, settings: Pick<Settings, 'messageRetentionDays' | 'textOnlyDms'>, now: number): RetentionResult {
  const result = repos.db.transaction((): RetentionResult => {
    const messagesDeleted =
      settings.messageRetentionDays === null ? 0 : repos.inbox.deleteMessagesBefore(now - settings.messageRetentionDays * DAY_MS);
    const attachmentsCleared = settings.textOnlyDms ? repos.inbox.clearAttachments() : 0;
    if (messagesDeleted + attachmentsCleared > 0) {
      repos.audit.record(now, 'privacy.retention_applied', null, JSON.stringify({ messagesDeleted, attachmentsCleared }));
    }
    return { messagesDeleted, attachmentsCleared };
  })();
  if (result.messagesDeleted + result.attachmentsCleared > 0) checkpoint(repos.db);
  return result;
}
