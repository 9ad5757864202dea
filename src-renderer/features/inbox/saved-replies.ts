import { create } from 'zustand';
import type { ErrorPayload, SavedReply } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, requestGate, type Loadable } from '../../lib/loadable';

/**
 * Saved replies: managed in Settings, inserted by the reply composer. The composer's API is
 * `useSavedReplies()` (the list, loaded on first use), `findSavedReply(shortcut)` and
 * `expandShortcut(text)`, which turns a trailing `/shortcut` into the reply's text.
 */
export const useSavedRepliesStore = create<Loadable<SavedReply[]>>()(() => idle<SavedReply[]>());

const gate = requestGate();

export async function loadSavedReplies(): Promise<void> {
  const isLatest = gate();
  useSavedRepliesStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().savedReplies.list(undefined));
  if (!isLatest()) return;
  useSavedRepliesStore.setState(result.ok ? { data: result.data, status: 'ready' } : { status: 'error', error: result.error });
}

/** The saved replies, loading them the first time they are asked for. */
export function useSavedReplies(): SavedReply[] {
  const state = useSavedRepliesStore();
  if (state.status === 'idle') queueMicrotask(() => void loadSavedReplies());
  return state.data ?? [];
}

export function findSavedReply(shortcut: string): SavedReply | null {
  const key = shortcut.replace(/^\//, '').toLowerCase();
  return useSavedRepliesStore.getState().data?.find((reply) => reply.shortcut?.toLowerCase() === key) ?? null;
}

/** "Hi! /thanks" → "Hi! Thank you for…" when `thanks` is a saved reply's shortcut; otherwise null. */
export function expandShortcut(text: string): string | null {
  const found = /(^|\s)\/([a-z0-9-]{1,20})$/i.exec(text);
  if (!found) return null;
  const reply = findSavedReply(found[2] as string);
  return reply ? text.slice(0, found.index + (found[1] as string).length) + reply.body : null;
}

export async function saveReply(reply: { id?: number; title: string; body: string; shortcut: string | null }): Promise<ErrorPayload | null> {
  const result = await call(() => getApi().savedReplies.save(reply));
  if (!result.ok) return result.error;
  await loadSavedReplies();
  return null;
}

export async function removeReply(id: number): Promise<ErrorPayload | null> {
  const result = await call(() => getApi().savedReplies.remove({ id }));
  if (!result.ok) return result.error;
  await loadSavedReplies();
  return null;
}

export function resetSavedReplies(): void {
  gate();
  useSavedRepliesStore.setState(idle<SavedReply[]>(), true);
}
