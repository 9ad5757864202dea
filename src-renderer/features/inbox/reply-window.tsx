import type { ConversationSummary } from '../../../src-preload/contract';
import { HUMAN_AGENT_WINDOW_MS, replyWindowAt, STANDARD_WINDOW_MS } from '../../../src-preload/outbox-types';
import { formatDateTime, formatDuration } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { formatCountdown } from '../outbox/outbox-text';

/** Meta allows replies for 24 hours after the person's last message; null means closed or unknown. */
export function replyWindowText(endsAt: number | null, now: number): string {
  if (endsAt !== null && endsAt > now) return `You can reply for another ${formatDuration(endsAt - now)}`;
  return 'Reply window closed';
}

type WindowInfo = Pick<ConversationSummary, 'lastIncomingAt' | 'replyWindowEndsAt' | 'humanAgentAllowed'>;

/**
 * The window as of `now` (the list may be older than the clock): open, human agent only (where
 * the account's setting says Meta approved it), or closed; the composer's rule, so they agree.
 */
export function windowAt(c: WindowInfo, now: number): 'open' | 'human-agent' | 'closed' {
  return replyWindowAt(c.lastIncomingAt, c.humanAgentAllowed, now).state;
}

/** Closed within 7 days only because this account may not use the Human Agent tag. */
function closedForHumanAgent(c: WindowInfo, now: number): boolean {
  return !c.humanAgentAllowed && c.lastIncomingAt !== null && now >= c.lastIncomingAt + STANDARD_WINDOW_MS && now < c.lastIncomingAt + HUMAN_AGENT_WINDOW_MS;
}

/** A compact chip for list rows and search hits. */
export function WindowBadge({ conversation, now }: { conversation: WindowInfo; now: number }) {
  const state = windowAt(conversation, now);
  const label =
    state === 'open'
      ? `Reply ${formatDuration((conversation.lastIncomingAt ?? now) + STANDARD_WINDOW_MS - now)} left`
      : state === 'human-agent'
        ? 'Human agent only'
        : 'Window closed';
  return (
    <span className={`badge badge--window-${state}`} data-window={state} title={windowTitle(state, closedForHumanAgent(conversation, now))}>
      {label}
    </span>
  );
}

function windowTitle(state: 'open' | 'human-agent' | 'closed', humanAgentNotApproved: boolean): string {
  if (state === 'open') return 'Meta allows replies for 24 hours after their last message.';
  if (state === 'human-agent') return 'Past 24 hours: Meta allows a reply with the Human Agent tag, up to 7 days after their last message (approved for this account).';
  if (humanAgentNotApproved) return 'Past 24 hours: a reply would need the Human Agent tag, which Meta has not approved for this account (once approved, turn it on under the reply box).';
  return 'Meta allows no reply until they write again.';
}

export function ReplyWindow({ conversation }: { conversation: WindowInfo }) {
  const now = useNow();
  const state = windowAt(conversation, now);
  const endsAt = conversation.lastIncomingAt === null ? null : conversation.lastIncomingAt + STANDARD_WINDOW_MS;
  const humanAgentNotApproved = closedForHumanAgent(conversation, now);
  const text =
    state === 'open'
      ? replyWindowText(endsAt, now)
      : state === 'human-agent'
        ? // Days and hours (as the reply box says it), not "140 h".
          'Reply window closed; a human agent may still answer for another ' + formatCountdown((conversation.lastIncomingAt ?? now) + HUMAN_AGENT_WINDOW_MS - now)
        : humanAgentNotApproved
          ? 'Reply window closed (Human Agent replies are not approved for this account)'
          : 'Reply window closed';
  return (
    <p
      className={state === 'open' ? 'reply-window reply-window--open' : 'reply-window'}
      data-reply-window={state === 'open' ? 'open' : state}
      title={state === 'open' && endsAt !== null ? `Until ${formatDateTime(endsAt)}` : windowTitle(state, humanAgentNotApproved)}
    >
      {text}
    </p>
  );
}
