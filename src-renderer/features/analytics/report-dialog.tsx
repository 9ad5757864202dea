import { useId, useRef, useState } from 'react';
import type { AnalyticsScope, ErrorPayload, LeadershipReportRequest, StatedPeriod } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { call } from '../../lib/call';
import { useFocusTrap } from '../../lib/use-focus-trap';

interface ReportDialogProps {
  scope: AnalyticsScope;
  scopeLabel: string;
  period: StatedPeriod;
  onClose: () => void;
}

/** The leadership report: accounts and period chosen here; aggregates only, saved as a PDF where the user chooses. */
export function ReportDialog({ scope, scopeLabel, period, onClose }: ReportDialogProps) {
  const ref = useRef<HTMLFormElement>(null);
  useFocusTrap(ref, onClose);
  const ids = { from: useId(), to: useId(), top: useId() };
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [topBy, setTopBy] = useState<LeadershipReportRequest['topBy']>('views');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    const result = await call(() => getApi().reports.saveLeadership({ scope, from, to, topBy }));
    setBusy(false);
    if (!result.ok) setError(result.error);
    else if (result.data) setSaved(result.data.path);
  };
  return (
    <div className="dialog-backdrop">
      <form ref={ref} className="dialog" role="dialog" aria-modal="true" aria-labelledby="report-title" data-dialog="report"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}>
        <h2 id="report-title" className="dialog__title">Report for leadership</h2>
        <p>
          Headline figures with their change, charts, top posts and an audience summary for <b>{scopeLabel}</b>. It holds aggregates only: no
          person's name, handle or message is ever in it.
        </p>
        <div className="toolbar">
          <div className="field"><label htmlFor={ids.from}>From</label><input id={ids.from} type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} required /></div>
          <div className="field"><label htmlFor={ids.to}>To</label><input id={ids.to} type="date" value={to} min={from} max={period.today} onChange={(e) => setTo(e.target.value)} required /></div>
          <div className="field">
            <label htmlFor={ids.top}>Top posts by</label>
            <select id={ids.top} value={topBy} onChange={(e) => setTopBy(e.target.value as LeadershipReportRequest['topBy'])}>
              <option value="views">Views</option>
              <option value="reach">Reach</option>
              <option value="engagementRate">Engagement rate</option>
            </select>
          </div>
        </div>
        {error && <ErrorNotice error={error} />}
        {saved && <p className="notice notice--success" role="status">Saved to {saved}</p>}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>{saved ? 'Close' : 'Cancel'}</button>
          <button type="submit" className="button button--primary" disabled={busy || !from || !to || from > to}>
            {busy ? 'Preparing the PDF…' : 'Save as PDF…'}
          </button>
        </div>
      </form>
    </div>
  );
}
