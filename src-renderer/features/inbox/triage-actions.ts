import type { ConversationSummary, ErrorPayload, Result } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { useInboxStore } from './inbox-store';

/** Applies a triage change to the open conversation; the list and counts refetch on the store event. */
async function change(conversationId: number, request: () => Promise<Result<ConversationSummary>>): Promise<ErrorPayload | null> {
  const result = await call(request);
  if (!result.ok) return result.error;
  if (useInboxStore.getState().selected?.id === conversationId) {
    useInboxStore.setState({ selected: { id: conversationId, summary: result.data, error: null } });
  }
  return null;
}

export const markRead = (conversationId: number, read: boolean) =>
  change(conversationId, () => getApi().inbox.markRead({ conversationId, read }));

export const setDone = (conversationId: number, done: boolean) =>
  change(conversationId, () => getApi().inbox.setDone({ conversationId, done }));

export const setLabels = (conversationId: number, labels: string[]) =>
  change(conversationId, () => getApi().inbox.setLabels({ conversationId, labels }));

export const setNote = (conversationId: number, note: string) =>
  change(conversationId, () => getApi().inbox.setNote({ conversationId, note }));

export async function markAllRead(): Promise<ErrorPayload | null> {
  const result = await call(() => getApi().inbox.markAllRead(undefined));
  return result.ok ? null : result.error;
}
