import type { OutboxItem, ComposerWindow } from '../../../src-preload/contract';
import { formatWhen } from '../../lib/format';

/** "2 d 5 h", "23 h 12 min", "4 min": a countdown, rounded down, never negative. */
export function formatCountdown(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return `${Math.max(1, minutes)} min`;
}

/** One line about an outbox item: where it is and, when it waits or failed, why. */
export function itemStatus(item: OutboxItem, now: number): { label: string; tone: 'pending' | 'sent' | 'failed'; detail: string | null } {
  switch (item.state) {
    case 'sent':
      return { label: `Sent ${formatWhen(item.sentAt ?? item.createdAt, now)}`, tone: 'sent', detail: null };
    case 'sending':
      return { label: 'Sending…', tone: 'pending', detail: null };
    case 'failed':
      return { label: 'Not sent', tone: 'failed', detail: item.reason };
    case 'queued': {
      if (!item.reasonCode) return { label: 'Waiting to send', tone: 'pending', detail: null };
      const when =
        item.nextAttemptAt === null ? 'after the account is reconnected' : item.nextAttemptAt <= now ? 'any moment now' : `in ${formatCountdown(item.nextAttemptAt - now)}`;
      return { label: `Waiting — trying again ${when}`, tone: 'pending', detail: item.reason };
    }
  }
}

/** The composer's headline about Meta's window, counting down. */
export function windowHeadline(window: ComposerWindow, now: number): string {
  if (window.state === 'open' && window.closesAt !== null) return `You can reply for another ${formatCountdown(window.closesAt - now)}`;
  if (window.state === 'human-agent' && window.closesAt !== null) {
    return `Human Agent reply: ${formatCountdown(window.closesAt - now)} left (sent with Meta's HUMAN_AGENT tag)`;
  }
  return 'You can’t reply in this conversation now';
}
