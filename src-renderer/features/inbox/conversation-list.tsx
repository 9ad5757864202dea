import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type KeyboardEvent } from 'react';
import { ErrorNotice } from '../../components/error-notice';
import { useNow } from '../../lib/use-now';
import { ConversationRow } from './conversation-row';
import { rowAt, useInboxStore } from './inbox-store';
import { ensureRows, moveActive, refreshConversations } from './list-actions';
import { openConversation } from './thread-actions';

/** Fixed row height: every row has the same three lines, so no measuring is needed. */
export const ROW_HEIGHT = 92;

export const rowDomId = (index: number) => `conversation-row-${index}`;

/**
 * The conversation list: one tab stop (a listbox whose rows are options, moved with arrows or
 * j/k, opened with Enter), virtualized so 100,000 conversations render only the rows in view.
 */
export function ConversationList({ listRef }: { listRef: React.RefObject<HTMLDivElement | null> }) {
  const list = useInboxStore((state) => state.list);
  const selectedId = useInboxStore((state) => state.selected?.id ?? null);
  const now = useNow();
  const total = list.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total > 0) ensureRows(first, last);
  }, [first, last, total, list.pages]);

  const open = (index: number) => {
    const row = rowAt(useInboxStore.getState().list, index);
    moveActive(0, index);
    if (row) openConversation(row.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 10, PageUp: -10 };
    let target: number | null = null;
    if (event.key in step) target = moveActive(step[event.key] ?? 0);
    else if (event.key === 'Home') target = moveActive(0, 0);
    else if (event.key === 'End') target = moveActive(0, total - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(list.activeIndex);
      return;
    } else return;
    event.preventDefault();
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const active = rowAt(list, list.activeIndex);
  return (
    <div className="list-pane" ref={listRef} data-list-status={list.status}>
      {list.error && <ErrorNotice error={list.error} onRetry={refreshConversations} />}
      {list.status === 'ready' && total === 0 && <p className="muted pad">No conversation matches these filters.</p>}
      <div
        role="listbox"
        tabIndex={0}
        className="virtual-list"
        aria-label="Conversations"
        aria-rowcount={total}
        aria-activedescendant={active ? rowDomId(list.activeIndex) : undefined}
        data-rendered-rows={rows.length}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {rows.map((virtualRow) => {
          const conversation = rowAt(list, virtualRow.index);
          return (
            <div
              key={virtualRow.key}
              id={rowDomId(virtualRow.index)}
              role="option"
              aria-selected={virtualRow.index === list.activeIndex}
              aria-posinset={virtualRow.index + 1}
              aria-setsize={total}
              aria-current={conversation && conversation.id === selectedId ? 'true' : undefined}
              className={`item virtual-row${conversation?.unread ? ' item--unread' : ''}`}
              data-conversation-id={conversation?.id}
              data-index={virtualRow.index}
              style={{ height: ROW_HEIGHT, transform: `translateY(${virtualRow.start}px)` }}
              onClick={() => open(virtualRow.index)}
            >
              {conversation ? <ConversationRow conversation={conversation} now={now} /> : <span className="muted">Loading…</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
