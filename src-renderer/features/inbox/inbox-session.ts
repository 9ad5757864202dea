import { getApi } from '../../api';
import { onStoreChanged } from '../../lib/loadable';
import { navigate } from '../shell/nav-store';
import { resetInboxState, setTab, useInboxStore } from './inbox-store';
import { forgetListRequests, loadBadge, refreshConversations } from './list-actions';
import { forgetSearchRequests, runSearch } from './search-actions';
import { forgetThreadRequests, loadHeader, loadThread, openConversation } from './thread-actions';

/** Inbox subscriptions: refetch what is shown when stored messages or triage change; open a notified thread. */
export function initInbox(): () => void {
  const stopChanged = onStoreChanged(['messages', 'accounts', 'triage', 'comments'], () => {
    const { list, selected, badge } = useInboxStore.getState();
    if (list.status !== 'idle') refreshConversations();
    if (selected) void loadHeader();
    if (badge) void loadBadge();
  });
  // Triage changes no message: only new or removed messages re-read the thread and the hits.
  const stopMessages = onStoreChanged(['messages', 'accounts'], () => {
    const { selected, search } = useInboxStore.getState();
    if (selected) void loadThread();
    if (search.query.trim()) void runSearch();
  });
  const stopOpen = getApi().on('inbox:open-conversation', ({ conversationId }) => {
    navigate('inbox');
    setTab('messages');
    openConversation(conversationId);
  });
  return () => {
    stopChanged();
    stopMessages();
    stopOpen();
  };
}

export function resetInboxStore(): void {
  forgetListRequests();
  forgetThreadRequests();
  forgetSearchRequests();
  resetInboxState();
}
