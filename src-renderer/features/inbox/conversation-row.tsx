import type { ConversationSummary } from '../../../src-preload/contract';
import { formatWhen } from '../../lib/format';
import { ATTACHMENT_LABEL } from './attachment-labels';
import { SafeText } from './safe-text';
import { WindowBadge } from './reply-window';

export const CHANNEL_LABEL: Record<ConversationSummary['platform'], string> = {
  instagram: 'Instagram',
  messenger: 'Messenger',
  whatsapp: 'WhatsApp',
};

/** What the row says about the last message: "You: …", its text, what it carries ("Photo"), or why there is none. */
function lastLine(c: ConversationSummary): string {
  if (c.emptiedByRetention) return 'Messages removed by your retention setting';
  const prefix = c.lastMessageFromUs ? 'You: ' : '';
  const attached = (c.lastMessageAttachments ?? []).map((kind) => ATTACHMENT_LABEL[kind]).join(', ');
  return `${prefix}${c.lastMessageText ?? (attached || 'Attachment or no text')}`;
}

/** One conversation in the list: brand account, channel, person, last message, time, unread and window. */
export function ConversationRow({ conversation: c, now }: { conversation: ConversationSummary; now: number }) {
  return (
    <>
      <span className="item__top">
        <span className="item__name">
          {c.unread && <span className="unread-dot" aria-label="Unread" role="img" />}
          <SafeText text={c.personName} />
        </span>
        <time className="item__time" dateTime={new Date(c.activityAt).toISOString()}>
          {formatWhen(c.activityAt, now)}
        </time>
      </span>
      <span className="item__meta">
        <span className="badge badge--account" title={`Brand account: ${c.accountName}`}>
          <SafeText text={c.accountName} />
        </span>
        <span className={`badge badge--${c.platform}`}>{CHANNEL_LABEL[c.platform]}</span>
        <WindowBadge conversation={c} now={now} />
        {c.done && <span className="badge badge--done">Done</span>}
        {c.labels.map((label) => (
          <span key={label} className="badge badge--label">
            <SafeText text={label} />
          </span>
        ))}
      </span>
      <span className={c.emptiedByRetention ? 'item__text item__text--note' : 'item__text'}>
        <SafeText text={lastLine(c).slice(0, 200)} />
      </span>
    </>
  );
}
