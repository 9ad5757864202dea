import type { MessageItem } from '../../../src-preload/contract';
import { formatWhen } from '../../lib/format';
import { MessageSignals } from './message-signals';
import { ATTACHMENT_ICON, ATTACHMENT_LABEL } from './attachment-labels';
import { CappedText, SafeText } from './safe-text';

/** How far a quoted message is shown above a reply. */
const QUOTE_CHARS = 140;

function ReplyQuote({ replyTo }: { replyTo: NonNullable<MessageItem['replyTo']> }) {
  const who = replyTo.direction === 'out' ? 'you' : replyTo.direction === 'in' ? 'them' : null;
  const text = replyTo.text ? replyTo.text.slice(0, QUOTE_CHARS) + (replyTo.text.length > QUOTE_CHARS ? '…' : '') : null;
  return (
    <blockquote className="message__quote" data-reply-to={replyTo.messageId ?? 'missing'}>
      <span className="message__quote-who">{who ? `Replying to ${who}` : 'Replying to a message'}</span>
      {text ? <SafeText text={text} /> : <em>{replyTo.messageId === null ? 'not stored on this computer' : 'no text'}</em>}
    </blockquote>
  );
}

/** One message; `highlighted` marks the one a search hit opened (focusable, so the thread can move focus to it). */
export function MessageRow({ message, highlighted = false }: { message: MessageItem; highlighted?: boolean }) {
  const empty = !message.text && message.attachments.length === 0;
  return (
    <div
      className={`message message--${message.direction}`}
      data-message-id={message.id}
      data-highlighted={highlighted ? 'true' : undefined}
      tabIndex={highlighted ? -1 : undefined}
    >
      <div className="message__bubble">
        {highlighted && <span className="visually-hidden">Search match. </span>}
        <span className="visually-hidden">{message.direction === 'in' ? 'They wrote: ' : 'You wrote: '}</span>
        {message.replyTo && <ReplyQuote replyTo={message.replyTo} />}
        {message.attachments.map((kind, index) => (
          <span key={index} className="attachment" data-attachment={kind}>
            <span aria-hidden="true">{ATTACHMENT_ICON[kind]}</span> {ATTACHMENT_LABEL[kind]}
          </span>
        ))}
        {message.text && (
          <span className="message__text">
            <CappedText text={message.text} />
          </span>
        )}
        {empty && <span className="message__note">{message.hasAttachments ? 'Attachment' : 'No text (attachments are not kept in text-only mode)'}</span>}
      </div>
      <MessageSignals message={message} />
      <time className="message__time" dateTime={new Date(message.sentAt).toISOString()}>
        {formatWhen(message.sentAt)}
      </time>
    </div>
  );
}
