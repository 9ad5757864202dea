import { useId, useState } from 'react';
import type { CommentAction, ErrorPayload, OutboxItem } from '../../../src-preload/contract';
import { HUMAN_AGENT_WINDOW_MS } from '../../../src-preload/outbox-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { useNow } from '../../lib/use-now';
import { itemStatus } from '../outbox/outbox-text';
import '../outbox/outbox.css';

/** What the actions need to know about a comment (the comments screen has it already). */
export interface CommentForActions {
  id: number;
  network: 'instagram' | 'facebook' | string;
  author: string | null;
  text: string | null;
  createdAt: number;
  hidden: boolean;
  /** Written by the account itself: it can be deleted, not hidden or privately replied to. */
  isOwn: boolean;
  /** Its one private reply was sent or is on its way. */
  privateReplied: boolean;
  /** Replies stored under it, which Meta removes with it. */
  replyCount?: number;
}

type Mode = 'idle' | 'reply' | 'private-reply';

/**
 * Reply, private reply (a DM to the commenter, once, within 7 days), hide/unhide and delete (after
 * a confirmation that shows what goes) for one comment, all through the outbox: the result says
 * whether it went out, waits (and why) or failed (and why).
 */
export function CommentActions({ comment, onDone }: { comment: CommentForActions; onDone?: (item: OutboxItem) => void }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [result, setResult] = useState<OutboxItem | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const fieldId = useId();
  const whyId = useId();
  const now = useNow(60_000);
  const network = comment.network === 'instagram' ? 'Instagram' : 'Facebook';
  const privateReplied = comment.privateReplied || (result?.kind === 'private_reply' && result.state !== 'failed');
  const privateReplyOpen = now - comment.createdAt < HUMAN_AGENT_WINDOW_MS && !privateReplied;
  const privateReplyTitle = privateReplied
    ? 'Meta allows one private reply per comment, and this one has it.'
    : privateReplyOpen
      ? 'Send one direct message to the commenter (Meta allows one per comment).'
      : 'Meta allows a private reply only within 7 days of the comment.';
  // Why there is no private reply, in visible words (a tooltip alone reaches neither keyboard nor touch users).
  const privateReplyRefusal = comment.isOwn || privateReplyOpen ? null : privateReplied ? 'Private reply sent: Meta allows one per comment.' : 'No private reply: Meta allows one only within 7 days of the comment.';

  const act = async (action: CommentAction) => {
    setBusy(true);
    setError(null);
    const r = await call(() => getApi().comments.act({ commentId: comment.id, ...action }));
    setBusy(false);
    if (r.ok) {
      setResult(r.data);
      setMode('idle');
      setText('');
      onDone?.(r.data);
    } else {
      setError(r.error);
    }
  };

  const submitText = () => {
    if (!text.trim() || mode === 'idle') return;
    void act({ action: mode, text });
  };

  const status = result ? itemStatus(result, now) : null;
  return (
    <div className="comment-actions" data-comment-actions={comment.id}>
      <div className="comment-actions__buttons">
        <button type="button" className="button button--small" disabled={busy || comment.hidden} title={comment.hidden ? 'Meta does not accept replies to a hidden comment: unhide it first.' : undefined} onClick={() => setMode(mode === 'reply' ? 'idle' : 'reply')} aria-expanded={mode === 'reply'}>
          Reply
        </button>
        {!comment.isOwn && (
          <button
            type="button"
            className="button button--small"
            disabled={busy || !privateReplyOpen}
            title={privateReplyTitle}
            onClick={() => setMode(mode === 'private-reply' ? 'idle' : 'private-reply')}
            aria-expanded={mode === 'private-reply'}
            data-private-reply={privateReplied ? 'sent' : privateReplyOpen ? 'open' : 'closed'}
            aria-describedby={privateReplyRefusal ? whyId : undefined}
          >
            {privateReplied ? 'Private reply sent' : 'Private reply'}
          </button>
        )}
        {!comment.isOwn && (
          <button type="button" className="button button--small" disabled={busy} onClick={() => void act({ action: comment.hidden ? 'unhide' : 'hide' })}>
            {comment.hidden ? 'Unhide' : 'Hide'}
          </button>
        )}
        <button type="button" className="button button--small comment-actions__delete" disabled={busy} onClick={() => setConfirmDelete(true)}>
          Delete…
        </button>
      </div>
      {privateReplyRefusal && (
        <p id={whyId} className="comment-actions__why" data-private-reply-refusal="true">
          {privateReplyRefusal}
        </p>
      )}
      {mode !== 'idle' && (
        <div className="comment-actions__form">
          <label className="visually-hidden" htmlFor={fieldId}>
            {mode === 'reply' ? `Public reply on ${network}` : `Private message to ${comment.author ?? 'the commenter'}`}
          </label>
          <textarea
            id={fieldId}
            className="composer__text"
            rows={2}
            value={text}
            placeholder={mode === 'reply' ? `Public reply on ${network}…` : `Direct message to ${comment.author ?? 'the commenter'}…`}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                event.preventDefault();
                submitText();
              }
            }}
          />
          <button type="button" className="button button--primary button--small" disabled={busy || !text.trim()} onClick={submitText}>
            {busy ? 'Sending…' : mode === 'reply' ? 'Reply publicly' : 'Send privately'}
          </button>
        </div>
      )}
      {status && (
        <p className={`comment-actions__status comment-actions__status--${status.tone}`} role="status" data-comment-action-state={result?.state}>
          {status.label}
          {status.detail ? ` — ${status.detail}` : ''}
        </p>
      )}
      {error && (
        <p className="notice notice--error" role="alert" data-comment-action-error={error.code}>
          {error.message}
        </p>
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete this comment from ${network}?`}
          confirmLabel="Delete comment"
          danger
          busy={busy}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            setConfirmDelete(false);
            void act({ action: 'delete', confirm: 'DELETE' });
          }}
        >
          <p>
            It is removed on {network} for everyone
            {comment.replyCount ? `, with its ${comment.replyCount === 1 ? 'reply' : `${comment.replyCount} replies`},` : ''} and from this computer. This
            cannot be undone.
          </p>
          <blockquote className="composer__quote">
            <strong>{comment.author ?? 'Unknown'}</strong>: {comment.text ?? '(no text)'}
          </blockquote>
        </ConfirmDialog>
      )}
    </div>
  );
}
