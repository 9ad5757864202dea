import type { MessageItem, MessageReaction } from '../../../src-preload/contract';
import { formatWhen } from '../../lib/format';
import './message-signals.css';

/** Meta's reaction names, for a reaction that came without an emoji. */
const REACTION_EMOJI: Record<string, string> = { love: '❤️', like: '👍', dislike: '👎', smile: '😆', wow: '😮', sad: '😢', angry: '😠' };

function ReactionChip({ reaction }: { reaction: MessageReaction }) {
  const shown = reaction.emoji ?? (reaction.reaction ? REACTION_EMOJI[reaction.reaction] : undefined) ?? reaction.reaction ?? '•';
  const who = reaction.byBusiness ? 'You reacted' : 'They reacted';
  return (
    <span className="message-signals__reaction" data-reaction-by={reaction.byBusiness ? 'business' : 'person'} title={`${who} ${shown}`}>
      <span className="visually-hidden">{who} </span>
      {shown}
    </span>
  );
}

/**
 * "Edited", how often (Meta's `num_edit`) and when last. Only the newest text is kept: the sender
 * edited the earlier words away, so staff are told that there were earlier versions, never shown them.
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-edits
 */
function EditedNote({ editedAt, editCount }: { editedAt: number; editCount: number }) {
  const times = editCount > 1 ? `${editCount} times` : 'once';
  return (
    <span
      className="message-signals__edited"
      data-edited={editCount}
      title={`The sender edited this message ${times}, last ${formatWhen(editedAt)}. Only the newest text is kept.`}
    >
      {editCount > 1 ? `Edited ${times}` : 'Edited'} · {formatWhen(editedAt)}
    </span>
  );
}

/**
 * What Meta's webhooks reported about a message after it was sent: reactions under the bubble,
 * "Edited" with the count and time (the text shown is the edited one), and "Seen" on our newest
 * message the person has read. Renders nothing when there is nothing to say.
 */
export function MessageSignals({ message }: { message: Pick<MessageItem, 'reactions' | 'editedAt' | 'editCount' | 'seen'> }) {
  if (message.reactions.length === 0 && message.editedAt === null && !message.seen) return null;
  return (
    <div className="message-signals">
      {message.reactions.length > 0 && (
        <span className="message-signals__reactions" data-reactions={message.reactions.length}>
          {message.reactions.map((r, index) => (
            <ReactionChip key={index} reaction={r} />
          ))}
        </span>
      )}
      {message.editedAt !== null && <EditedNote editedAt={message.editedAt} editCount={message.editCount} />}
      {message.seen && (
        <span className="message-signals__seen" data-seen="true">
          Seen
        </span>
      )}
    </div>
  );
}
