import { useId, useState, type FormEvent } from 'react';
import type { ConversationSummary, ErrorPayload } from '../../../src-preload/contract';
import { ErrorNotice } from '../../components/error-notice';
import { SafeText } from './safe-text';
import { markRead, setDone, setLabels, setNote } from './triage-actions';

/**
 * Local triage of the open conversation: unread, done, labels and an internal note (never sent to
 * Meta). Keyed on the conversation by its parent, so the note draft starts fresh for each one.
 */
export function TriageBar({ summary }: { summary: ConversationSummary }) {
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [label, setLabel] = useState('');
  const [note, setNoteText] = useState(summary.note ?? '');
  const [noteOpen, setNoteOpen] = useState(Boolean(summary.note));
  const id = useId();

  const run = async (action: Promise<ErrorPayload | null>) => setError(await action);
  const addLabel = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) return;
    void run(setLabels(summary.id, [...summary.labels, label.trim()])).then(() => setLabel(''));
  };
  const noteChanged = note.trim() !== (summary.note ?? '');

  return (
    <div className="triage" aria-label="Triage (kept on this computer only)" role="group">
      <div className="triage__row">
        <button type="button" className="button button--small" onClick={() => void run(markRead(summary.id, summary.unread))}>
          {summary.unread ? 'Mark read' : 'Mark unread'}
        </button>
        <button type="button" className="button button--small" data-triage="done" onClick={() => void run(setDone(summary.id, !summary.done))}>
          {summary.done ? 'Reopen' : 'Mark done'}
        </button>
        <ul className="triage__labels" aria-label="Labels">
          {summary.labels.map((l) => (
            <li key={l} className="badge badge--label">
              <SafeText text={l} />
              <button
                type="button"
                className="badge__remove"
                aria-label={`Remove label ${l}`}
                onClick={() => void run(setLabels(summary.id, summary.labels.filter((x) => x !== l)))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form className="triage__add" onSubmit={addLabel}>
          <label htmlFor={`${id}-label`} className="visually-hidden">
            Add a label
          </label>
          <input id={`${id}-label`} value={label} maxLength={40} placeholder="Add label" onChange={(event) => setLabel(event.target.value)} />
        </form>
        <button type="button" className="link-button" aria-expanded={noteOpen} onClick={() => setNoteOpen(!noteOpen)}>
          {summary.note ? 'Internal note' : 'Add internal note'}
        </button>
      </div>
      {noteOpen && (
        <div className="triage__note">
          <label htmlFor={`${id}-note`}>Internal note — stays on this computer, never sent to the customer or Meta</label>
          <textarea id={`${id}-note`} rows={2} maxLength={5000} value={note} onChange={(event) => setNoteText(event.target.value)} />
          <button type="button" className="button button--small" disabled={!noteChanged} onClick={() => void run(setNote(summary.id, note))}>
            Save note
          </button>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
