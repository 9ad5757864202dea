import type { Repositories } from '../../src-main/store/repositories';

export interface SeededPerson {
  personId: number;
  conversationId: number;
  commentId: number;
  handle: string;
  externalId: string;
}

/**
 * One brand account with two people: each writes messages and a comment whose words are unique
 * (so a page scan can look for them), and the brand replies to the comment.
 */
export function seedTwoPeople(repos: Repositories, words: { target: string; other: string }, now = 1_700_000_000_000): { target: SeededPerson; other: SeededPerson } {
  const accountId = repos.accounts.upsert({ network: 'instagram', externalId: '1789', name: 'Maple & Moss', handle: 'maple', loginKind: 'demo' }, now);
  const postId = repos.posts.upsert(accountId, { externalId: 'post-1', mediaType: 'IMAGE', caption: 'New mugs', publishedAt: now - 1000 }, now);
  const make = (handle: string, externalId: string, word: string, offset: number): SeededPerson => {
    const personId = repos.inbox.upsertPerson(accountId, { idKind: 'igsid', externalId, username: handle, name: `${handle} name` }, now);
    const conversationId = repos.inbox.upsertConversation(accountId, { externalId: `conv-${externalId}`, platform: 'instagram', personId, updatedAt: now });
    for (let i = 0; i < 3; i += 1) {
      repos.inbox.upsertMessage(conversationId, { externalId: `m-${externalId}-${i}`, direction: 'in', sentAt: now - offset - i * 1000, text: `${word} message ${i} ${word}lingers` }, now);
    }
    repos.inbox.upsertMessage(conversationId, { externalId: `m-${externalId}-out`, direction: 'out', sentAt: now - offset + 500, text: `Thanks, about ${word}reply` }, now);
    repos.inbox.refreshConversationTimes(conversationId);
    const commentId = repos.comments.upsert(accountId, postId, { externalId: `c-${externalId}`, personId, authorUsername: handle, text: `${word}comment is lovely`, createdAt: now - offset }, now);
    repos.comments.upsert(accountId, postId, { externalId: `c-${externalId}-reply`, parentExternalId: `c-${externalId}`, personId: null, authorUsername: 'maple', text: `@${handle} ${word}answer`, createdAt: now - offset + 10 }, now);
    return { personId, conversationId, commentId, handle, externalId };
  };
  return { target: make('target.person', '9001', words.target, 10_000), other: make('other.person', '9002', words.other, 20_000) };
}
