/**
 * The virtualized conversation list rendered in a DOM (jsdom, set up by inbox-bench.ts) against a
 * given `window.api`: how many rows it renders of all the conversations, and how long React takes
 * to render the first screen and a jump to the middle (no layout or paint in jsdom).
 */
import { act, createRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Api } from '../../src-preload/contract';
import { setApiForTests } from '../../src-renderer/api';
import { ConversationList, ROW_HEIGHT } from '../../src-renderer/features/inbox/conversation-list';
import { useInboxStore } from '../../src-renderer/features/inbox/inbox-store';
import { loadConversations } from '../../src-renderer/features/inbox/list-actions';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function renderListRows(api: Api): Promise<{ rows: number; total: number; firstRenderMs: number; scrollMs: number }> {
  setApiForTests(api);
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const listRef = createRef<HTMLDivElement>();
  const start = performance.now();
  await act(async () => {
    loadConversations();
    root.render(<ConversationList listRef={listRef} />);
    await settle();
  });
  await act(settle);
  const firstRenderMs = performance.now() - start;
  const box = listRef.current as HTMLDivElement;
  const total = useInboxStore.getState().list.total ?? 0;
  const scrollStart = performance.now();
  await act(async () => {
    box.scrollTop = Math.floor(total / 2) * ROW_HEIGHT;
    box.dispatchEvent(new Event('scroll'));
    await settle();
  });
  await act(settle);
  const scrollMs = performance.now() - scrollStart;
  const rows = document.querySelectorAll('[role="option"][data-conversation-id]').length;
  // Unmounted inside act so React's scheduler has nothing left to run once the bench takes jsdom's globals back.
  await act(async () => {
    root.unmount();
    await settle();
  });
  setApiForTests(null);
  return { rows, total, firstRenderMs, scrollMs };
}
