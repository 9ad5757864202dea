import { getApi } from '../../api';
import { onStoreChanged } from '../../lib/loadable';
import { markCommentsSeen, setCommentQuery } from '../comments/comments-store';
import { navigate } from '../shell/nav-store';
import { resetInboxState, setTab, useInboxStore } from './inbox-store';
import { forgetListRequests, loadBadge, refreshConversations } from './list-actions';
import { forgetSearchRequests, runSearch } from './search-actions';
import { forgetThreadRequests, loadHeader, loadThread, openConversation } from './thread-actions';

/** Inbox subscriptions: refetch what is shown when stored messages or triage change; open what a notice was about. */
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
  // A notice about new comments only: every account's comments, newest first, so the new ones are on top.
  const stopOpenComments = getApi().on('inbox:open-comments', () => {
    navigate('inbox');
    setTab('comments');
    setCommentQuery({ accountId: null, personId: null, unansweredOnly: false, unansweredFirst: false });
    // Also when the Comments view was already open (its own mark-seen runs only when it mounts).
    void markCommentsSeen();
  });
  return () => {
    stopChanged();
    stopMessages();
    stopOpen();
    stopOpenComments();
  };
}

export function resetInboxStore(): void {
  forgetListRequests();
  forgetThreadRequests();
  forgetSearchRequests();
  resetInboxState();
}
