import type { CommentItem, CommentThread, Network } from '../../../src-preload/contract';
import { formatFullNumber, formatWhen } from '../../lib/format';
import { CappedText, SafeText } from '../inbox/safe-text';
import { ForgetPersonButton } from '../privacy/forget-person-button';
import { loadComments, showCommentsOnPost } from './comments-store';
import { CommentActions, type CommentForActions } from './comment-actions';

const NETWORK_NAME: Record<Network, string> = { instagram: 'Instagram', facebook: 'Facebook', whatsapp: 'WhatsApp' };

function CommentBody({ comment, now }: { comment: CommentItem; now: number }) {
  return (
    <>
      <p className="comment__top">
        <strong>
          <SafeText text={comment.fromUs ? `${comment.author} (you)` : comment.author} />
        </strong>
        <time dateTime={new Date(comment.createdAt).toISOString()}>{formatWhen(comment.createdAt, now)}</time>
        {comment.hidden && <span className="badge">Hidden</span>}
        {comment.likeCount !== null && comment.likeCount > 0 && (
          <span className="muted">
            {formatFullNumber(comment.likeCount)} like{comment.likeCount === 1 ? '' : 's'}
          </span>
        )}
      </p>
      <p className="comment__text">{comment.text ? <CappedText text={comment.text} /> : <em className="muted">No text</em>}</p>
    </>
  );
}

/** What the actions need of a comment; the thread gives the network of its replies. */
function forActions(comment: CommentItem, network: Network, replyCount: number): CommentForActions {
  return { id: comment.id, network, author: comment.author, text: comment.text, createdAt: comment.createdAt, hidden: comment.hidden, isOwn: comment.fromUs, privateReplied: comment.privateReplied, replyCount };
}

/** Reply, hide, delete… and, for someone else's comment, "Forget this person…"; each refetches the list. */
function ActionRow({ comment, network, replyCount = 0 }: { comment: CommentItem; network: Network; replyCount?: number }) {
  return (
    <div className="comment__actions" data-comment-id={comment.id}>
      <CommentActions comment={forActions(comment, network, replyCount)} onDone={() => void loadComments()} />
      {!comment.fromUs && <ForgetPersonButton target={{ commentId: comment.id }} who={comment.author} onForgotten={() => void loadComments()} />}
    </div>
  );
}

/**
 * Which account, network and post a thread is on. The caption is one line cut with an ellipsis
 * (the full text in its tooltip) and opens that post's comments; the badges never squeeze it.
 */
function PostLine({ thread, filteredToPost }: { thread: CommentThread; filteredToPost: boolean }) {
  // Meta caps captions at 2,200 characters; a one-line ellipsis needs far fewer in the page.
  const caption = thread.postCaption.trim().slice(0, 300) || 'a post without caption';
  return (
    <div className="comment-thread__post">
      <span className="badge badge--account" data-network={thread.network}>
        <SafeText text={thread.accountName} /> · {NETWORK_NAME[thread.network]}
      </span>
      {filteredToPost ? (
        <span className="comment-thread__caption muted" title={caption}>
          on “<SafeText text={caption} />”
        </span>
      ) : (
        <button
          type="button"
          className="link-button comment-thread__caption"
          title={`Show only the comments on this post: “${caption}”`}
          onClick={() => showCommentsOnPost({ id: thread.postId, accountId: thread.accountId, caption })}
        >
          on “<SafeText text={caption} />”
        </button>
      )}
      {thread.unanswered && <span className="badge badge--window-human-agent comment-thread__flag">Unanswered</span>}
    </div>
  );
}

/** One top-level comment with its replies (oldest first, as they were written) and their actions. */
export function Thread({ thread, now, filteredToPost }: { thread: CommentThread; now: number; filteredToPost: boolean }) {
  return (
    <div className={`comment-thread${thread.unanswered ? ' comment-thread--unanswered' : ''}`} data-comment-id={thread.id} data-network={thread.network} data-unanswered={thread.unanswered}>
      <PostLine thread={thread} filteredToPost={filteredToPost} />
      <div className="comment">
        <CommentBody comment={thread} now={now} />
        <ActionRow comment={thread} network={thread.network} replyCount={thread.replies.length} />
      </div>
      {thread.replies.length > 0 && (
        <ul className="comment-replies" aria-label="Replies">
          {thread.replies.map((reply) => (
            <li key={reply.id} className={`comment comment--reply${reply.fromUs ? ' comment--ours' : ''}`} data-comment-id={reply.id}>
              <CommentBody comment={reply} now={now} />
              <ActionRow comment={reply} network={thread.network} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
