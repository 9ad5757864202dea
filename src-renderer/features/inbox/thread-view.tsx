import { useLayoutEffect, useRef } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { ForgetPersonButton } from '../privacy/forget-person-button';
import { TextOnlyNote } from '../privacy/text-only-note';
import { closeConversation, loadOlderMessages, loadThread, useInboxStore } from './inbox-store';
import { MessageRow } from './message-row';
import { ReplyWindow } from './reply-window';

/** One conversation, newest message at the bottom; older pages load above without jumping. */
export function ThreadView() {
  const selected = useInboxStore((state) => state.selected);
  const thread = useInboxStore((state) => state.thread);
  const summary = useInboxStore((state) => state.data?.items.find((item) => item.id === state.selected?.id));
  const scrollRef = useRef<HTMLDivElement>(null);
  const previous = useRef({ firstId: -1, lastId: -1, height: 0 });
  const revealed = useRef<number | null>(null);
  const items = thread.data?.items ?? [];
  const firstId = items[0]?.id ?? -1;
  const lastId = items.at(-1)?.id ?? -1;
  const target = thread.target;
  const targetId = target?.found === 'found' ? target.messageId : null;

  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const before = previous.current;
    if (lastId !== before.lastId) box.scrollTop = box.scrollHeight;
    else if (firstId !== before.firstId) box.scrollTop += box.scrollHeight - before.height;
    previous.current = { firstId, lastId, height: box.scrollHeight };
  }, [firstId, lastId]);

  // A search hit's message, once loaded: centre it in the thread (only this box scrolls) and focus it.
  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (targetId === null) revealed.current = null;
    if (!box || targetId === null || revealed.current === targetId) return;
    const row = box.querySelector<HTMLElement>(`[data-message-id="${targetId}"]`);
    if (!row) return;
    const rowBox = row.getBoundingClientRect();
    const frame = box.getBoundingClientRect();
    box.scrollTop += rowBox.top - frame.top - Math.max(0, (box.clientHeight - rowBox.height) / 2);
    row.focus({ preventScroll: true });
    revealed.current = targetId;
  }, [targetId, firstId, lastId]);

  if (!selected) {
    return (
      <div className="thread thread--empty">
        <EmptyState title="Pick a conversation">
          <p>Messages are read from this computer, so this works offline too.</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <section className="thread" aria-labelledby="thread-title" data-thread={selected.id} data-thread-status={thread.status}>
      <header className="thread__header">
        <h2 id="thread-title">{selected.personName}</h2>
        {summary && <ReplyWindow endsAt={summary.replyWindowEndsAt} />}
        <ForgetPersonButton target={{ conversationId: selected.id }} onForgotten={closeConversation} />
      </header>
      <TextOnlyNote />
      <div className="thread__scroll" ref={scrollRef}>
        {thread.data?.hasMore && (
          <div className="thread__older">
            <button
              type="button"
              className="button button--small"
              disabled={thread.loadingOlder}
              onClick={() => void loadOlderMessages()}
            >
              {thread.loadingOlder ? 'Loading…' : 'Load older messages'}
            </button>
          </div>
        )}
        {thread.error && <ErrorNotice error={thread.error} onRetry={() => void loadThread()} />}
        {thread.status === 'loading' && items.length === 0 && <p className="muted pad">Opening conversation…</p>}
        {thread.status === 'ready' && items.length === 0 && <p className="muted pad">No messages in this conversation.</p>}
        {target?.found === 'searching' && thread.data && (
          <p className="muted pad" role="status">
            Finding the message…
          </p>
        )}
        {target?.found === 'missing' && !thread.error && (
          <p className="notice notice--warning" role="status" data-target-missing="true">
            That message isn&apos;t on this computer any more; it may have been removed. Here is the rest of the
            conversation.
          </p>
        )}
        <ol className="messages" aria-label={`Messages with ${selected.personName}`}>
          {items.map((message) => (
            <MessageRow key={message.id} message={message} highlighted={message.id === targetId} />
          ))}
        </ol>
      </div>
    </section>
  );
}
