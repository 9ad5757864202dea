/** CSV export from a view: what the view shows, one row per item, downloaded as a file. */

/** Quotes a cell; text a spreadsheet would run as a formula is defused with a leading quote mark. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

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
