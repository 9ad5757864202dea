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
    const { list, selected, search, badge } = useInboxStore.getState();
    if (list.status !== 'idle') refreshConversations();
    if (selected) {
      void loadHeader();
      void loadThread();
    }
    if (search.query.trim()) void runSearch();
    if (badge) void loadBadge();
  });
  const stopOpen = getApi().on('inbox:open-conversation', ({ conversationId }) => {
    navigate('inbox');
    setTab('messages');
    openConversation(conversationId);
  });
  return () => {
    stopChanged();
    stopOpen();
  };
}

export function resetInboxStore(): void {
  forgetListRequests();
  forgetThreadRequests();
  forgetSearchRequests();
  resetInboxState();
}
