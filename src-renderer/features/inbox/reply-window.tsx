import type { ConversationSummary } from '../../../src-preload/contract';
import { formatDateTime, formatDuration } from '../../lib/format';
import { useNow } from '../../lib/use-now';

const DAY = 24 * 60 * 60 * 1000;

/** Meta allows replies for 24 hours after the person's last message; null means closed or unknown. */
export function replyWindowText(endsAt: number | null, now: number): string {
  if (endsAt !== null && endsAt > now) return `You can reply for another ${formatDuration(endsAt - now)}`;
  return 'Reply window closed';
}

type WindowInfo = Pick<ConversationSummary, 'lastIncomingAt' | 'replyWindowEndsAt'>;

/** The window as of `now` (the list may be older than the clock): open, human agent only, or closed. */
export function windowAt(c: WindowInfo, now: number): 'open' | 'human-agent' | 'closed' {
  if (c.lastIncomingAt === null) return 'closed';
  if (now < c.lastIncomingAt + DAY) return 'open';
  if (now < c.lastIncomingAt + 7 * DAY) return 'human-agent';
  return 'closed';
}

/** A compact chip for list rows and search hits. */
export function WindowBadge({ conversation, now }: { conversation: WindowInfo; now: number }) {
  const state = windowAt(conversation, now);
  const label =
    state === 'open'
      ? `Reply ${formatDuration((conversation.lastIncomingAt ?? now) + DAY - now)} left`
      : state === 'human-agent'
        ? 'Human agent only'
        : 'Window closed';
  return (
    <span className={`badge badge--window-${state}`} data-window={state} title={windowTitle(state)}>
      {label}
    </span>
  );
}

function windowTitle(state: 'open' | 'human-agent' | 'closed'): string {
  if (state === 'open') return 'Meta allows replies for 24 hours after their last message.';
  if (state === 'human-agent') return 'Past 24 hours: Meta only allows a reply with the human-agent tag, up to 7 days, where your app is approved for it.';
  return 'Meta allows no reply until they write again.';
}

export function ReplyWindow({ conversation }: { conversation: WindowInfo }) {
  const now = useNow();
  const state = windowAt(conversation, now);
  const endsAt = conversation.lastIncomingAt === null ? null : conversation.lastIncomingAt + DAY;
  const text =
    state === 'open'
      ? replyWindowText(endsAt, now)
      : state === 'human-agent'
        ? 'Reply window closed; a human agent may still answer for another ' + formatDuration((conversation.lastIncomingAt ?? now) + 7 * DAY - now)
        : 'Reply window closed';
  return (
    <p
      className={state === 'open' ? 'reply-window reply-window--open' : 'reply-window'}
      data-reply-window={state === 'open' ? 'open' : state}
      title={state === 'open' && endsAt !== null ? `Until ${formatDateTime(endsAt)}` : windowTitle(state)}
    >
      {text}
    </p>
  );
}
