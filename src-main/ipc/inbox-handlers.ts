import type { ConversationSummary } from '../../src-preload/contract';
import { AppError } from '../core/app-error';
import type { AppCore } from '../core/app-core';
import type { Handlers } from './dispatch';

type InboxChannel = Extract<keyof Handlers, `inbox:${string}` | `savedReplies:${string}` | `comments:${string}`>;
type InboxHandlers = Pick<Required<Handlers>, Exclude<InboxChannel, 'inbox:listConversations' | 'inbox:getMessages' | 'inbox:search'>>;

/** Reading and triage of the inbox and comments: thin calls into the repositories, each change announced. */
export function createInboxHandlers(core: AppCore): InboxHandlers {
  const conversation = (conversationId: number): ConversationSummary => {
    const found = core.repos.inbox.getConversation(conversationId, core.now());
    if (!found) throw new AppError('NOT_FOUND', 'That conversation is not stored on this computer any more.');
    return found;
  };
  /** Runs a triage change, announces it and returns the conversation as it now is. */
  const triage = (conversationId: number, change: (now: number) => unknown): ConversationSummary => {
    if (change(core.now()) === false) throw new AppError('NOT_FOUND', 'That conversation is not stored on this computer any more.');
    core.events.emit('store:changed', { what: ['triage'] });
    return conversation(conversationId);
  };
  return {
    'inbox:queryConversations': ({ filter, offset, limit }) => core.repos.inbox.queryConversations(filter, offset, limit, core.now()),
    'inbox:getCounts': () => core.repos.inbox.counts(core.now()),
    'inbox:getConversation': ({ conversationId }) => conversation(conversationId),
    'inbox:searchMessages': (query) => core.repos.inbox.searchMessages(query, core.now()),
    'inbox:getBadge': () => core.repos.triage.badge(core.repos.inbox.counts(core.now()).unread, core.now()),
    'inbox:markRead': ({ conversationId, read }) => triage(conversationId, (now) => core.repos.triage.markRead(conversationId, read, now)),
    'inbox:markAllRead': () => {
      core.repos.triage.markAllRead(core.now());
      core.events.emit('store:changed', { what: ['triage'] });
      return null;
    },
    'inbox:setDone': ({ conversationId, done }) => triage(conversationId, (now) => core.repos.triage.setDone(conversationId, done, now)),
    'inbox:setLabels': ({ conversationId, labels }) =>
      triage(conversationId, (now) => core.repos.triage.setLabels(conversationId, labels, now) !== null),
    'inbox:setNote': ({ conversationId, note }) => triage(conversationId, (now) => core.repos.triage.setNote(conversationId, note, now)),
    'savedReplies:list': () => core.repos.triage.listSavedReplies(),
    'savedReplies:save': (reply) => {
      let saved;
      try {
        saved = core.repos.triage.saveReply(reply, core.now());
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new AppError('CONFLICT', `Another saved reply already uses the shortcut /${reply.shortcut?.replace(/^\//, '')}.`);
        }
        throw error;
      }
      if (!saved) throw new AppError('NOT_FOUND', 'That saved reply was deleted meanwhile.');
      core.events.emit('store:changed', { what: ['triage'] });
      return saved;
    },
    'savedReplies:remove': ({ id }) => {
      if (!core.repos.triage.removeSavedReply(id)) throw new AppError('NOT_FOUND', 'That saved reply was already deleted.');
      core.events.emit('store:changed', { what: ['triage'] });
      return null;
    },
    'comments:listThreads': (query) => core.repos.comments.listThreads(query),
    'comments:listPosts': ({ accountId }) => core.repos.comments.commentedPosts(accountId),
    'comments:markSeen': () => {
      core.repos.triage.setMark('comments_seen', core.now());
      core.events.emit('store:changed', { what: ['triage'] });
      return null;
    },
  };
}
