import { useId, useState } from 'react';
import type { EmptiedConversationExtras, ErrorPayload, RetentionClass, RetentionPolicy, RetentionPreview } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { call } from '../../lib/call';
import { formatDate, formatFullNumber } from '../../lib/format';
import { loadPrivacy, usePrivacyStore } from './privacy-store';

const CLASSES: Array<[RetentionClass, string]> = [
  ['messageText', 'Messages'],
  ['attachments', 'Message attachments'],
  ['comments', 'Comments'],
  ['engagedPeople', 'Engaged people'],
  ['metricSnapshots', 'Post figure history'],
  ['demographics', 'Audience breakdowns'],
];
const WINDOWS: Array<[number | null, string]> = [
  [null, 'Forever'],
  [30, '30 days'],
  [90, '90 days'],
  [180, '180 days'],
  [365, '1 year'],
  [730, '2 years'],
];

function windowLabel(days: number | null): string {
  return WINDOWS.find(([d]) => d === days)?.[1] ?? `${days} days`;
}

function plural(n: number, one: string, many: string): string {
  return `${formatFullNumber(n)} ${n === 1 ? one : many}`;
}

/** ", with their 2 internal notes, 1 label and 3 replies in the outbox": the staff's own work that goes too. */
function EmptiedExtras({ extras }: { extras: EmptiedConversationExtras }) {
  const parts = [
    extras.notes > 0 && plural(extras.notes, 'internal note', 'internal notes'),
    extras.labels > 0 && plural(extras.labels, 'label', 'labels'),
    extras.outboxItems > 0 && plural(extras.outboxItems, 'reply in the outbox', 'replies in the outbox'),
  ].filter((p): p is string => typeof p === 'string');
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return (
    <span data-emptied-with={`${extras.notes},${extras.labels},${extras.outboxItems}`}>
      , with their {list}
    </span>
  );
}

/**
 * Retention per data class and text-only messages. Changing either shows exactly what would be
 * removed now (counts per class, oldest date) and removes nothing until confirmed.
 */
export function RetentionSection() {
  const saved = usePrivacyStore((s) => s.data?.settings);
  // What the user is choosing; null while it equals what is saved.
  const [draft, setDraft] = useState<{ policy: RetentionPolicy; textOnly: boolean } | null>(null);
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Why the dialog is showing a new preview: the one confirmed was out of date (main's words).
  const [outdated, setOutdated] = useState<string | null>(null);
  const baseId = useId();

  if (!saved) return null;
  const policy = draft?.policy ?? saved.retention;
  const textOnly = draft?.textOnly ?? saved.textOnlyDms;
  const setPolicy = (next: RetentionPolicy) => setDraft({ policy: next, textOnly });
  const setTextOnly = (next: boolean) => setDraft({ policy, textOnly: next });
  const changed = JSON.stringify(policy) !== JSON.stringify(saved.retention) || textOnly !== saved.textOnlyDms;

  const refreshPreview = async () => {
    const result = await call(() => getApi().privacy.previewRetention({ retention: policy, textOnlyDms: textOnly }));
    if (result.ok) setPreview(result.data);
    else setError(result.error);
  };

  const review = async () => {
    setError(null);
    setNotice(null);
    await refreshPreview();
  };

  const apply = async (confirmed: RetentionPreview) => {
    setBusy(true);
    const result = await call(() =>
      getApi().privacy.applyRetention({ retention: policy, textOnlyDms: textOnly, confirm: 'APPLY', asOf: confirmed.asOf, expectedTotal: confirmed.total }),
    );
    setBusy(false);
    setPreview(null);
    setOutdated(null);
    if (!result.ok) {
      // Out of date (the clock or a sync moved on): show what would be removed now, to confirm afresh.
      if (result.error.code !== 'CONFLICT') return setError(result.error);
      setOutdated(result.error.message);
      return refreshPreview();
    }
    setDraft(null);
    setNotice(result.data.total === 0 ? 'Saved. Nothing needed removing.' : `Saved. Removed ${formatFullNumber(result.data.total)} items.`);
    void loadPrivacy();
  };

  return (
    <section className="panel" aria-labelledby="retention-title" data-section="retention">
      <h2 id="retention-title">How long to keep things</h2>
      <p className="muted">Anything older is removed on start, daily and after each sync. You see what goes before anything does.</p>
      <div className="retention-grid">
        {CLASSES.map(([name, label]) => (
          <div className="field" key={name}>
            <label htmlFor={`${baseId}-${name}`}>{label}</label>
            <select
              id={`${baseId}-${name}`}
              data-retention={name}
              value={policy[name] === null ? 'forever' : String(policy[name])}
              onChange={(event) => setPolicy({ ...policy, [name]: event.target.value === 'forever' ? null : Number(event.target.value) })}
            >
              {[...WINDOWS, ...(WINDOWS.some(([d]) => d === policy[name]) ? [] : [[policy[name], windowLabel(policy[name])] as const])].map(([days, text]) => (
                <option key={days ?? 'forever'} value={days === null ? 'forever' : String(days)}>
                  {text}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="check">
        <input id={`${baseId}-text-only`} type="checkbox" checked={textOnly} onChange={(event) => setTextOnly(event.target.checked)} />
        <label htmlFor={`${baseId}-text-only`}>
          Text-only messages
          <span className="muted block">
            Keep only the words of direct messages: no photos or files, no names or handles. Ids and times stay, because threads
            and the reply window need them.
          </span>
        </label>
      </div>
      {error && <ErrorNotice error={error} />}
      {notice && (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button--primary" disabled={!changed} onClick={() => void review()}>
          Review changes…
        </button>
        {changed && (
          <button type="button" className="button button--quiet" onClick={() => setDraft(null)}>
            Undo changes
          </button>
        )}
      </div>
      {preview && (
        <ConfirmDialog
          title={preview.total === 0 ? 'Save these windows?' : 'Remove these now?'}
          confirmLabel={busy ? 'Applying…' : preview.total === 0 ? 'Save' : `Remove ${formatFullNumber(preview.total)} items`}
          danger={preview.total > 0}
          busy={busy}
          onConfirm={() => void apply(preview)}
          onCancel={() => {
            setPreview(null);
            setOutdated(null);
          }}
        >
          {outdated && (
            <p className="notice notice--warning" role="alert" data-retention-outdated>
              {outdated} Below is what would be removed now.
            </p>
          )}
          <table className="table table--compact" data-table="retention-preview">
            <caption className="visually-hidden">What will be removed</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Keep</th>
                <th scope="col" className="num">Removed now</th>
                <th scope="col">Oldest</th>
              </tr>
            </thead>
            <tbody>
              {preview.classes.map((c) => (
                <tr key={c.name} data-preview={c.name} data-count={c.count}>
                  <th scope="row">{CLASSES.find(([n]) => n === c.name)?.[1]}</th>
                  <td>{c.name === 'attachments' && textOnly ? 'None (text-only)' : windowLabel(c.days)}</td>
                  <td className="num">{formatFullNumber(c.count)}</td>
                  <td>{c.oldest === null ? '—' : formatDate(c.oldest)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.conversationsEmptied > 0 && (
            <p data-conversations-emptied={preview.conversationsEmptied}>
              {formatFullNumber(preview.conversationsEmptied)} conversations lose every message and are removed with them
              <EmptiedExtras extras={preview.emptiedWith} />.
            </p>
          )}
          {textOnly && preview.namesScrubbed > 0 && <p>Names and handles of {formatFullNumber(preview.namesScrubbed)} people who wrote are removed.</p>}
          <p className="muted">{preview.total === 0 ? 'Nothing is removed today.' : 'This cannot be undone. Cancel removes nothing.'}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
