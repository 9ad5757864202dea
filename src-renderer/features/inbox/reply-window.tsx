import { formatDateTime, formatDuration } from '../../lib/format';
import { useNow } from '../../lib/use-now';

/** Meta allows replies for 24 hours after the person's last message; null means closed or unknown. */
export function replyWindowText(endsAt: number | null, now: number): string {
  if (endsAt !== null && endsAt > now) return `You can reply for another ${formatDuration(endsAt - now)}`;
  return 'Reply window closed';
}

export function ReplyWindow({ endsAt }: { endsAt: number | null }) {
  const now = useNow();
  const open = endsAt !== null && endsAt > now;
  return (
    <p
      className={open ? 'reply-window reply-window--open' : 'reply-window'}
      data-reply-window={open ? 'open' : 'closed'}
      title={open ? `Until ${formatDateTime(endsAt)}` : 'Meta only allows replies within 24 hours of their last message.'}
    >
      {replyWindowText(endsAt, now)}
    </p>
  );
}
