import { useId } from 'react';
import { formatDateTime } from '../../lib/format';
import { AUDIT_FILTERS, exportAudit } from './privacy-actions';
import { AUDIT_PAGE, loadMoreAudit, setAuditCategory, usePrivacyStore } from './privacy-store';

/** The audit log in plain words: filter, verify (shown always), export, load older. */
export function AuditSection() {
  const { data, auditCategory } = usePrivacyStore();
  const filterId = useId();
  if (!data) return null;
  const { verification, audit } = data;

  return (
    <section className="panel" aria-labelledby="audit-title" data-section="audit">
      <div className="panel__header">
        <h2 id="audit-title">Activity on this computer</h2>
        <div className="field field--inline">
          <label htmlFor={filterId}>Show</label>
          <select
            id={filterId}
            value={auditCategory ?? 'all'}
            onChange={(event) => setAuditCategory(event.target.value === 'all' ? null : (event.target.value as typeof auditCategory))}
          >
            {AUDIT_FILTERS.map(([value, label]) => (
              <option key={value ?? 'all'} value={value ?? 'all'}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {verification.ok ? (
        <p className="muted" data-audit-chain="intact" data-audit-head={verification.head ?? ''}>
          ✓ The log is intact: all {verification.checked} entries link up, none was changed or removed
          {verification.head === 'matched' && ', and the newest is the one noted outside the database'}.
          {verification.head === 'anchored-now' &&
            ' Its newest entry was not noted outside the database until now (first start of this version, or that note was removed), so entries cut off the end before today could not be seen.'}
        </p>
      ) : (
        <p className="notice notice--error" role="alert" data-audit-chain="broken">
          The log was tampered with at entry #{verification.brokenAt?.id}: {verification.brokenAt?.reason}. Entries from there on
          cannot be trusted.
        </p>
      )}
      {audit.length === 0 ? (
        <p className="muted">Nothing recorded{auditCategory ? ' of this kind' : ''} yet.</p>
      ) : (
        <ol className="audit" data-list="audit">
          {audit.map((entry) => (
            <li key={entry.id} data-action={entry.action} data-category={entry.category}>
              <time className="muted">
                {formatDateTime(entry.at)} · #{entry.id}
              </time>
              <bdi className="audit__summary">{entry.summary}</bdi>
            </li>
          ))}
        </ol>
      )}
      <div className="actions">
        {audit.length > 0 && audit.length % AUDIT_PAGE === 0 && (
          <button type="button" className="button button--small" onClick={() => void loadMoreAudit()}>
            Show older
          </button>
        )}
        <button type="button" className="button button--small" onClick={() => void exportAudit('csv')}>
          Export as CSV
        </button>
        <button type="button" className="button button--small" onClick={() => void exportAudit('json')}>
          Export as JSON
        </button>
      </div>
    </section>
  );
}
