/**
 * The local effect of an action Meta accepted, so the thread and the comments show it at once;
 * the next sync reads the same ids back and changes nothing (messages and comments are keyed on
 * Meta's ids).
 */
import type { Repositories } from '../../store/repositories';
import type { OutboxRecord } from '../../store/repositories/outbox';
import type { MetaResult } from './meta-calls';
import { replyParent } from './meta-calls';
import type { OutboxChange } from './outbox-service';

function storeSentMessage(repos: Repositories, conversationId: number, externalId: string, text: string | null, at: number, now: number): void {
  repos.inbox.upsertMessage(conversationId, { externalId, direction: 'out', sentAt: at, text }, now);
  repos.inbox.refreshConversationTimes(conversationId);
}

export function recordEffect(repos: Repositories, item: OutboxRecord, result: MetaResult, now: number): OutboxChange[] {
  const at = result.at ?? now;
  switch (item.kind) {
    case 'message':
      if (item.conversationId && result.externalId) storeSentMessage(repos, item.conversationId, result.externalId, item.text, at, now);
      return ['outbox', 'messages'];
    case 'private_reply': {
      // The commenter's thread, when we already store one with them; otherwise the next sync brings it.
      const conversationId = result.recipientId ? repos.replyTargets.conversationWithPerson(item.accountId, result.recipientId) : null;
      if (conversationId && result.externalId) storeSentMessage(repos, conversationId, result.externalId, item.text, at, now);
      return ['outbox', 'messages', 'comments'];
    }
    case 'comment_reply': {
      const comment = item.commentId ? repos.replyTargets.comment(item.commentId) : null;
      const account = repos.accounts.get(item.accountId);
      if (comment && account && result.externalId) {
        const personId = repos.inbox.upsertPerson(
          item.accountId,
          { idKind: comment.network === 'instagram' ? 'ig_user' : 'fb_user', externalId: account.externalId, username: account.handle, name: account.name },
          at,
        );
        repos.comments.upsert(
          item.accountId,
          comment.postId,
          { externalId: result.externalId, parentExternalId: replyParent(comment), personId, authorUsername: account.handle ?? account.name, text: item.text, createdAt: at },
          now,
        );
      }
      return ['outbox', 'comments'];
    }
    case 'comment_hide':
    case 'comment_unhide':
      if (item.commentId) repos.replyTargets.setCommentHidden(item.commentId, item.kind === 'comment_hide');
      return ['outbox', 'comments'];
    case 'comment_delete':
      if (item.commentId) repos.replyTargets.deleteComment(item.commentId);
      return ['outbox', 'comments'];
  }
}
