import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { ForgetPersonButton } from '../privacy/forget-person-button';
import { TextOnlyNote } from '../privacy/text-only-note';
import { useInboxStore } from './inbox-store';
import { MessageRow } from './message-row';
import { ReplyComposer } from './reply-composer';
import { ThreadHeader } from './thread-header';
import { closeConversation, loadOlderMessages, loadThread } from './thread-actions';

/** Rough height of one message before it is measured. */
const ESTIMATED_MESSAGE_HEIGHT = 72;
/** Older messages load when the reader scrolls to within this many pixels of the top. */
const LOAD_OLDER_PX = 400;
/** Within this many pixels of the end counts as "at the bottom" (sub-pixel scroll positions). */
const AT_BOTTOM_PX = 2;

const isAtBottom = (box: HTMLElement) => box.scrollHeight - box.scrollTop - box.clientHeight <= AT_BOTTOM_PX;

/**
 * One conversation, newest message at the bottom. Virtualized (a 10,000-message thread renders
 * only what is in view), older pages load as the reader scrolls up, without jumping.
 */
export function ThreadView() {
  const selected = useInboxStore((state) => state.selected);
  const thread = useInboxStore((state) => state.thread);
  const scrollRef = useRef<HTMLDivElement>(null);
  const items = useMemo(() => thread.data?.items ?? [], [thread.data]);
  const firstId = items[0]?.id ?? -1;
  const lastId = items.at(-1)?.id ?? -1;
  const previous = useRef({ firstId: -1, lastId: -1, fromBottom: 0, total: 0 });
  // Whether the view follows the newest message: set when the thread opens or a newest message
  // arrives, kept by scrolls that end at the bottom, dropped when the reader scrolls up. An intent,
  // not a measurement: rows measured taller after the jump to the end (a reaction, "Seen", an edit,
  // wrapped text on a busy machine) would otherwise leave the view short of the end for good.
  const followNewest = useRef(true);
  const revealed = useRef<number | null>(null);
  const target = thread.target;
  const targetId = target?.found === 'found' ? target.messageId : null;

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_MESSAGE_HEIGHT,
    getItemKey: (index) => items[index]?.id ?? index,
    overscan: 8,
  });

  // New newest message: stick to the bottom. Older page prepended: keep what the reader sees in place.
  // The thread grew while the reader was at the bottom (a reaction, "Seen" or an edit made the
  // newest messages taller once measured): stay at the bottom so it shows without scrolling.
  useLayoutEffect(() => {
    const box = scrollRef.current;
    const before = previous.current;
    const total = virtualizer.getTotalSize();
    if (box && items.length > 0) {
      if (lastId !== before.lastId && targetId === null && target?.found !== 'searching') {
        followNewest.current = true;
        virtualizer.scrollToIndex(items.length - 1, { align: 'end' });
      } else if (firstId !== before.firstId) box.scrollTop = total - before.fromBottom;
      else if (followNewest.current && total !== before.total && targetId === null) box.scrollTop = box.scrollHeight;
    }
    previous.current = { firstId, lastId, fromBottom: box ? total - box.scrollTop : 0, total };
  });

  // The box itself got shorter (the reply composer below it grew once the reply window was read, a
  // notice above it appeared): no scroll event says so, so follow the newest message here too.
  const selectedId = selected?.id ?? null;
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      // Opened from a search hit: the hit is what the reader came for, not the newest message.
      const showingTarget = useInboxStore.getState().thread.target !== null;
      if (followNewest.current && !showingTarget && !isAtBottom(box)) box.scrollTop = box.scrollHeight;
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [selectedId]);

  // A search hit's message, once loaded: centre it and focus it.
  useEffect(() => {
    if (targetId === null) revealed.current = null;
    if (targetId === null || revealed.current === targetId) return;
    const index = items.findIndex((message) => message.id === targetId);
    if (index < 0) return;
    followNewest.current = false;
    virtualizer.scrollToIndex(index, { align: 'center' });
    revealed.current = targetId;
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-message-id="${targetId}"]`)?.focus({ preventScroll: true }));
  }, [targetId, items, virtualizer]);

  const onScroll = () => {
    const box = scrollRef.current;
    if (box) {
      previous.current.fromBottom = virtualizer.getTotalSize() - box.scrollTop;
      followNewest.current = isAtBottom(box);
    }
    if (box && box.scrollTop < LOAD_OLDER_PX && thread.data?.hasMore && !thread.loadingOlder && !target) void loadOlderMessages();
  };

  if (!selected) {
    return (
      <div className="thread thread--empty">
        <EmptyState title="Pick a conversation">
          <p>Messages are read from this computer, so this works offline too. Use ↑ ↓ or j k to move and Enter to open.</p>
        </EmptyState>
      </div>
    );
  }

  const summary = selected.summary;
  const title = summary?.personName ?? 'Conversation';
  return (
    <section className="thread" aria-labelledby="thread-title" data-thread={selected.id} data-thread-status={thread.status}>
      <ThreadHeader summary={summary} fallbackTitle={title} />
      <div className="thread__privacy">
        <ForgetPersonButton target={{ conversationId: selected.id }} onForgotten={closeConversation} />
      </div>
      <TextOnlyNote />
      {selected.error && <ErrorNotice error={selected.error} />}
      <div className="thread__scroll" ref={scrollRef} onScroll={onScroll}>
        {summary?.historyLimited && (
          <p className="muted pad thread__older" data-history-limited="true">
            Older messages are not available from Meta: for Instagram it gives apps only the 20 newest messages of a thread.
          </p>
        )}
        {thread.loadingOlder && <p className="muted pad thread__older">Loading older messages…</p>}
        {thread.error && <ErrorNotice error={thread.error} onRetry={() => void loadThread()} />}
        {thread.status === 'loading' && items.length === 0 && <p className="muted pad">Opening conversation…</p>}
        {thread.status === 'ready' && items.length === 0 && (
          <p className="muted pad" data-thread-empty="true">
            {summary?.emptiedByRetention
              ? 'No messages are stored for this conversation: your retention setting removed them. New messages will appear after the next sync.'
              : 'No messages in this conversation.'}
          </p>
        )}
        {target?.found === 'searching' && thread.data && (
          <p className="muted pad" role="status">
            Finding the message…
          </p>
        )}
        {target?.found === 'missing' && !thread.error && (
          <p className="notice notice--warning" role="status" data-target-missing="true">
            That message isn&apos;t on this computer any more; it may have been removed. Here is the rest of the conversation.
          </p>
        )}
        <div
          className="messages"
          role="list"
          aria-label={`Messages with ${title}`}
          data-rendered-messages={virtualizer.getVirtualItems().length}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((row) => {
            const message = items[row.index];
            if (!message) return null;
            return (
              <div key={row.key} ref={virtualizer.measureElement} data-index={row.index} role="listitem" className="virtual-row" style={{ transform: `translateY(${row.start}px)` }}>
                <MessageRow message={message} highlighted={message.id === targetId} />
              </div>
            );
          })}
        </div>
      </div>
      <ReplyComposer key={selected.id} conversationId={selected.id} />
    </section>
  );
}
