import type { MessageItem } from '../../../src-preload/contract';
import { formatWhen } from '../../lib/format';

function messageBody(message: MessageItem): { text: string; note: boolean } {
  if (message.isDeleted) return { text: 'Message unsent', note: true };
  if (message.text) return { text: message.text, note: false };
  if (message.hasAttachments) return { text: 'Photo or file (not stored on this computer)', note: true };
  return { text: 'No text', note: true };
}

/** One message; `highlighted` marks the one a search hit opened (focusable, so the thread can move focus to it). */
export function MessageRow({ message, highlighted = false }: { message: MessageItem; highlighted?: boolean }) {
  const body = messageBody(message);
  return (
    <li
      className={`message message--${message.direction}`}
      data-message-id={message.id}
      data-deleted={message.isDeleted ? 'true' : undefined}
      data-highlighted={highlighted ? 'true' : undefined}
      tabIndex={highlighted ? -1 : undefined}
    >
      <div className={body.note ? 'message__bubble message__bubble--note' : 'message__bubble'}>
        {highlighted && <span className="visually-hidden">Search match. </span>}
        <span className="visually-hidden">{message.direction === 'in' ? 'They wrote: ' : 'You wrote: '}</span>
        {body.text}
        {!message.isDeleted && message.text && message.hasAttachments && (
          <span className="message__attachment"> + attachment</span>
        )}
      </div>
      <time className="message__time">{formatWhen(message.sentAt)}</time>
    </li>
  );
}
