import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { OutboxItem } from '../../../src-preload/contract';
import { replyLength, replyWindowAt } from '../../../src-preload/outbox-types';
import { useNow } from '../../lib/use-now';
import { itemStatus, windowHeadline } from '../outbox/outbox-text';
import { clearSendError, discardOutboxItem, loadThreadOutbox, retryOutboxItem, sendReply, useOutboxStore, visibleItems } from '../outbox/outbox-store';
import { DiscardDialog } from '../outbox/discard-dialog';
import { EmojiPicker } from '../outbox/emoji-picker';
import { HumanAgentSetting } from '../outbox/human-agent-setting';
import { expandShortcut, useSavedReplies } from './saved-replies';
import '../outbox/outbox.css';

function OutboxRow({ item, now, onDiscard }: { item: OutboxItem; now: number; onDiscard: (item: OutboxItem) => void }) {
  const status = itemStatus(item, now);
  return (
    <li className={`outbox-item outbox-item--${status.tone}`} data-outbox-state={item.state} data-outbox-reason={item.reasonCode ?? undefined}>
      <p className="outbox-item__text">{item.text}</p>
      <p className="outbox-item__status">
        <span>{status.label}</span>
        {item.tag === 'HUMAN_AGENT' && <span className="outbox-item__tag"> · Human Agent</span>}
      </p>
      {status.detail && <p className="outbox-item__reason">{status.detail}</p>}
      {(item.state === 'failed' || item.state === 'queued') && (
        <div className="outbox-item__actions">
          <button type="button" className="button button--small" onClick={() => void retryOutboxItem(item.id)}>
            {item.state === 'failed' ? 'Try again' : 'Send now'}
          </button>
          <button type="button" className="button button--small" onClick={() => onDiscard(item)}>
            Discard
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The reply box under a thread: text and emoji, Enter sends, Shift+Enter starts a new line. It
 * counts Meta's window down live, explains why it cannot send, and lists the thread's replies
 * that are waiting, failed or just sent. Everything typed goes to the encrypted outbox first.
 */
export function ReplyComposer({ conversationId }: { conversationId: number }) {
  const { data, status, error, sending, sendError } = useOutboxStore();
  const [draft, setDraft] = useState('');
  const [discarding, setDiscarding] = useState<OutboxItem | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const now = useNow(15_000);

  // The thread view keys the composer by conversation, so the draft starts empty for each thread.
  useEffect(() => {
    clearSendError();
    void loadThreadOutbox(conversationId);
  }, [conversationId]);

  const window = data ? replyWindowAt(data.window.lastIncomingAt, data.window.humanAgentAllowed, now) : null;
  const canSend = window !== null && window.refusal === null;
  const platform = data?.platform;
  // Meta's cap for the channel (Instagram 1,000 bytes, Messenger 2,000 characters): refused here, before sending.
  const length = platform ? replyLength(platform, draft.replace(/\s+$/u, '')) : null;
  const overLimit = length?.over ?? false;

  const submit = async () => {
    if (!canSend || sending || overLimit || !draft.trim()) return;
    const text = draft;
    if (await sendReply(text)) setDraft((current) => (current === text ? '' : current));
    textRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // "…/thanks" then Tab: the saved reply with that shortcut replaces it (Tab moves on otherwise).
    if (event.key === 'Tab' && !event.shiftKey) {
      const expanded = expandShortcut(draft);
      if (expanded !== null) {
        event.preventDefault();
        setDraft(expanded);
      }
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const savedReplies = useSavedReplies();
  const insertSaved = (id: string) => {
    const reply = savedReplies.find((r) => String(r.id) === id);
    if (!reply) return;
    setDraft((current) => (current.trim() ? `${current.trimEnd()} ${reply.body}` : reply.body));
    textRef.current?.focus();
  };

  const insertEmoji = (emoji: string) => {
    const box = textRef.current;
    const start = box?.selectionStart ?? draft.length;
    const end = box?.selectionEnd ?? draft.length;
    setDraft(draft.slice(0, start) + emoji + draft.slice(end));
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  const items = data ? visibleItems(data.items) : [];
  return (
    <section className="composer" aria-label="Reply" data-composer-window={window?.state ?? 'unknown'}>
      {items.length > 0 && (
        <ol className="outbox-items" aria-label="Your replies in the outbox">
          {items.map((item) => (
            <OutboxRow key={item.id} item={item} now={now} onDiscard={setDiscarding} />
          ))}
        </ol>
      )}
      {status === 'error' && error && (
        <p className="notice notice--error" role="alert">
          The reply window could not be read: {error.message}
        </p>
      )}
      {window && (
        <p className={`composer__window composer__window--${window.state}`} data-reply-window={window.state} role="status">
          {windowHeadline(window, now)}
        </p>
      )}
      {window?.refusal && (
        <p className="composer__refusal" data-composer-refusal="true">
          {window.refusal}
        </p>
      )}
      {window && data && <HumanAgentSetting accountId={data.accountId} window={window} now={now} />}
      {sendError && (
        <p className="notice notice--error composer__error" role="alert" data-send-error={sendError.code}>
          {sendError.message}
        </p>
      )}
      <div className="composer__box">
        <label className="visually-hidden" htmlFor={`${hintId}-text`}>
          Reply
        </label>
        <textarea
          id={`${hintId}-text`}
          ref={textRef}
          className="composer__text"
          rows={2}
          value={draft}
          disabled={!canSend}
          placeholder={canSend ? 'Write a reply…' : 'Replies are not possible right now'}
          aria-describedby={hintId}
          aria-invalid={overLimit || undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <div className="composer__tools">
          <EmojiPicker disabled={!canSend} onPick={insertEmoji} />
          {savedReplies.length > 0 && (
            <select aria-label="Insert a saved reply" className="composer__saved" value="" disabled={!canSend} onChange={(event) => insertSaved(event.target.value)}>
              <option value="">Saved reply…</option>
              {savedReplies.map((reply) => (
                <option key={reply.id} value={reply.id}>
                  {reply.shortcut ? `${reply.title} (/${reply.shortcut.replace(/^\//, '')})` : reply.title}
                </option>
              ))}
            </select>
          )}
          <button type="button" className="button button--primary" disabled={!canSend || sending || overLimit || !draft.trim()} onClick={() => void submit()}>
            {sending ? 'Sending…' : 'Send'}
          </button>
        </div>
      </div>
      <p id={hintId} className="composer__hint">
        Enter sends · Shift+Enter for a new line{savedReplies.some((r) => r.shortcut) ? ' · /shortcut then Tab inserts a saved reply' : ''}
        {length && length.used > length.max * 0.8 && (
          <span className={overLimit ? 'composer__count composer__count--over' : 'composer__count'} data-reply-length={`${length.used}/${length.max}`}>
            {' '}
            · {length.used.toLocaleString('en-US')}/{length.max.toLocaleString('en-US')} {length.unit}
          </span>
        )}
      </p>
      {overLimit && length && (
        <p className="composer__refusal" role="alert" data-composer-too-long="true">
          Too long to send: {platform === 'instagram' ? 'Instagram' : 'Messenger'} accepts at most {length.max.toLocaleString('en-US')} {length.unit}
          {platform === 'instagram' ? ' (an emoji or accented letter takes 2–4)' : ''}, and this is {length.used.toLocaleString('en-US')}. Shorten it or split it in two.
        </p>
      )}
      {discarding && (
        <DiscardDialog
          item={discarding}
          title="Discard this reply?"
          onCancel={() => setDiscarding(null)}
          onDiscard={(id) => {
            setDiscarding(null);
            void discardOutboxItem(id);
          }}
        >
          It has not been sent and will be removed from the outbox on this computer:
        </DiscardDialog>
      )}
    </section>
  );
}
