import { formatFullNumber } from '../../lib/format';
import { cancelExport } from './privacy-actions';
import { usePrivacyStore } from './privacy-store';

/** While "Export everything" runs: which table, how many rows of it, and Cancel (which removes what was written). */
export function ExportProgress() {
  const progress = usePrivacyStore((s) => s.exporting);
  if (!progress) return null;
  const { table, rowsDone, rowsTotal, tablesDone, tablesTotal } = progress;
  return (
    <div className="notice export-progress" role="status" data-export-progress={table}>
      <p className="notice__title">Exporting everything…</p>
      <progress max={tablesTotal} value={tablesDone + (rowsTotal > 0 ? rowsDone / rowsTotal : 1)} aria-label="Export progress" />
      <p className="muted">
        Table {tablesDone + 1} of {tablesTotal} ({table}): {formatFullNumber(rowsDone)} of {formatFullNumber(rowsTotal)} rows
      </p>
      <button type="button" className="button button--small" onClick={() => void cancelExport()}>
        Cancel export
      </button>
    </div>
  );
}
