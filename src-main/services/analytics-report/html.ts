/** Small HTML helpers for the report: every value passes through `esc`, so stored text renders inert. */
import { sparklinePaths } from '../../../src-preload/sparkline-paths';

export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const whole = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function num(value: number | null): string {
  if (value === null) return 'no data';
  return Math.abs(value) >= 100_000 ? compact.format(value) : whole.format(Math.round(value));
}

export function pct(fraction: number | null, digits = 1): string {
  if (fraction === null) return '';
  const sign = fraction > 0 ? '+' : fraction < 0 ? '−' : '±';
  return `${sign}${Math.abs(fraction * 100).toFixed(digits)} %`;
}

/** A line chart as inline SVG: the period solid, the previous period faint; gaps where Meta gave nothing. */
export function sparkline(current: ReadonlyArray<number | null>, previous: ReadonlyArray<number | null>, width = 220, height = 48): string {
  const paths = sparklinePaths(current, previous, width, height);
  if (!paths) return '<p class="muted">No daily data</p>';
  return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Daily values">
    <path d="${paths.previous}" fill="none" stroke="#9aa4b2" stroke-width="1" stroke-dasharray="3 2"/>
    <path d="${paths.current}" fill="none" stroke="#2456c9" stroke-width="1.6"/></svg>`;
}

export const REPORT_CSS = `
  body { font: 11pt/1.4 system-ui, sans-serif; color: #1b1f24; margin: 0; }
  h1 { font-size: 20pt; margin: 0 0 4pt; } h2 { font-size: 14pt; margin: 18pt 0 6pt; } h3 { font-size: 12pt; margin: 12pt 0 4pt; }
  .muted { color: #5b6573; } .meta { color: #5b6573; font-size: 9.5pt; }
  .grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8pt; }
  .card { border: 1px solid #d8dde4; border-radius: 6pt; padding: 8pt; break-inside: avoid; }
  .card .value { font-size: 16pt; font-weight: 600; } .card .label { font-weight: 600; }
  .card .def { color: #5b6573; font-size: 8.5pt; }
  .up { color: #17753a; } .down { color: #b3261e; }
  table { border-collapse: collapse; width: 100%; font-size: 9.5pt; } th, td { text-align: left; padding: 3pt 6pt; border-bottom: 1px solid #e3e7ec; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  section.account { break-inside: avoid-page; }
`;
