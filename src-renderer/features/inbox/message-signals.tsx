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
 * What Meta's webhooks reported about a message after it was sent: reactions under the bubble,
 * "Edited" beside the time (the text shown is the edited one), and "Seen" on our newest message
 * the person has read. Renders nothing when there is nothing to say.
 */
export function MessageSignals({ message }: { message: Pick<MessageItem, 'reactions' | 'editedAt' | 'seen'> }) {
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
      {message.editedAt !== null && (
        <span className="message-signals__edited" data-edited="true" title={`Edited ${formatWhen(message.editedAt)}`}>
          Edited
        </span>
      )}
      {message.seen && (
        <span className="message-signals__seen" data-seen="true">
          Seen
        </span>
      )}
    </div>
  );
}
