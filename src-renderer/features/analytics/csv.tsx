/** CSV export from a view: what the view shows, one row per item, downloaded as a file. */
import { useState } from 'react';

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

/** A view's export button; `build` may read from the local store first (the posts table holds only the rows in view). */
export function CsvButton({ fileName, build, label = 'Export CSV' }: { fileName: string; build: () => string | Promise<string>; label?: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      downloadCsv(fileName, await build());
    } catch (error) {
      setProblem(`The CSV could not be made: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button--small" data-export-csv={fileName} disabled={busy} onClick={() => void run()}>
        {label}
      </button>
      {problem && <span role="alert" className="small error-text">{problem}</span>}
    </>
  );
}
