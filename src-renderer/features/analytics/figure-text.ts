import type { Figure, FigureBasis } from '../../../src-preload/contract';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const rate = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 });

/** "+12.5 %" against the previous period; empty when there is nothing to compare. */
export function formatChange(change: number | null): string {
  return change === null ? '' : percent.format(change);
}

export function formatRate(value: number | null): string {
  return value === null ? '\u2014' : rate.format(value);
}

/** How a figure was obtained, in words, under its value. */
export const BASIS_TEXT: Record<FigureBasis, string> = {
  'period-unique': "Meta's total for the period",
  'daily-sum': 'Sum of daily figures',
  'daily-summed-unique': 'Daily figures summed, not unique',
  latest: 'At the last sync',
  difference: 'Change over the period',
  count: 'Counted on this computer',
};

export function changeDirection(f: Figure): 'up' | 'down' | 'flat' | 'none' {
  if (f.change === null) return 'none';
  return f.change > 0 ? 'up' : f.change < 0 ? 'down' : 'flat';
}
