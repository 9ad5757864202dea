import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ErrorPayload, SavedReply } from '../../../src-preload/contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { loadSavedReplies, removeReply, saveReply, useSavedRepliesStore } from './saved-replies';

const EMPTY = { title: '', body: '', shortcut: '' };

/** Settings → Saved replies: add, change and delete the texts the composer inserts. */
export function SavedRepliesSection() {
  const { data, error: loadError } = useSavedRepliesStore();
  const [form, setForm] = useState<{ id?: number; title: string; body: string; shortcut: string }>(EMPTY);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [removing, setRemoving] = useState<SavedReply | null>(null);
  const id = useId();
  useEffect(() => {
    void loadSavedReplies();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const failure = await saveReply({ ...(form.id ? { id: form.id } : {}), title: form.title, body: form.body, shortcut: form.shortcut.trim() || null });
    setError(failure);
    if (!failure) setForm(EMPTY);
  };

  return (
    <fieldset className="panel" data-section="saved-replies">
      <legend>Saved replies</legend>
      <p className="muted">Type / and the shortcut in a reply to insert one. They stay on this computer.</p>
      {loadError && <ErrorNotice error={loadError} onRetry={() => void loadSavedReplies()} />}
      {data && data.length > 0 && (
        <ul className="saved-replies" aria-label="Saved replies">
          {data.map((reply) => (
            <li key={reply.id} className="saved-reply">
              <span>
                <strong>{reply.title}</strong> {reply.shortcut && <code>/{reply.shortcut}</code>}
                <span className="muted block">{reply.body.slice(0, 120)}</span>
              </span>
              <span className="saved-reply__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Edit saved reply ${reply.title}`}
                  onClick={() => setForm({ id: reply.id, title: reply.title, body: reply.body, shortcut: reply.shortcut ?? '' })}
                >
                  Edit
                </button>
                <button type="button" className="button button--small" aria-label={`Delete saved reply ${reply.title}`} onClick={() => setRemoving(reply)}>
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <form className="stack" onSubmit={(event) => void submit(event)} aria-label={form.id ? 'Edit saved reply' : 'New saved reply'}>
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} value={form.title} maxLength={80} required onChange={(e) => setForm({ ...form, title: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-shortcut`}>Shortcut (optional, e.g. thanks)</label>
          <input id={`${id}-shortcut`} value={form.shortcut} maxLength={21} onChange={(e) => setForm({ ...form, shortcut: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>Reply text</label>
          <textarea id={`${id}-body`} rows={3} value={form.body} maxLength={2000} required onChange={(e) => setForm({ ...form, body: e.target.value })} />
        </div>
        {error && <ErrorNotice error={error} />}
        <div className="radio-row">
          <button type="submit" className="button button--small">
            {form.id ? 'Save changes' : 'Add saved reply'}
          </button>
          {form.id && (
            <button type="button" className="button button--small" onClick={() => setForm(EMPTY)}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {removing && (
        <ConfirmDialog
          title={`Delete the saved reply “${removing.title}”?`}
          confirmLabel="Delete saved reply"
          onCancel={() => setRemoving(null)}
          danger
          onConfirm={() => {
            void removeReply(removing.id).then((failure) => {
              setError(failure);
              setRemoving(null);
            });
          }}
        >
          <p>Its text will no longer be offered in replies. Messages already sent keep it.</p>
        </ConfirmDialog>
      )}
    </fieldset>
  );
}
