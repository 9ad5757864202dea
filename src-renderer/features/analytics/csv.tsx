/** CSV export from a view: what the view shows, one row per item, downloaded as a file. */

export { csvCell, toCsv } from '../../../src-preload/analytics-csv';

/** Saves text as a file through the browser's download (Electron asks where to save). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CsvButton({ fileName, build, label = 'Export CSV' }: { fileName: string; build: () => string; label?: string }) {
  return (
    <button type="button" className="button button--small" data-export-csv={fileName} onClick={() => downloadCsv(fileName, build())}>
      {label}
    </button>
  );
}
