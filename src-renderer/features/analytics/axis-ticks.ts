/** Steps a y-axis may use, per power of ten: 1, 2, 2.5 and 5 read well (0, 2.5K, 5K, 7.5K…). */
const NICE_STEPS = [1, 2, 2.5, 5, 10];
const UNITS: Array<[number, string]> = [
  [1_000_000_000, 'B'],
  [1_000_000, 'M'],
  [1_000, 'K'],
];
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export interface AxisTicks {
  ticks: number[];
  /** Every tick in the unit of the top one (0, 0.5K, 1K, 1.5K — never 500 next to 1K). */
  format: (value: number) => string;
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = NICE_STEPS.find((candidate) => candidate * power >= rough) ?? 10;
  return step * power;
}

/** About `count` evenly spaced ticks from 0 to a round number at or above the largest value. */
export function axisTicks(values: ReadonlyArray<number | null>, count = 5): AxisTicks {
  const max = Math.max(0, ...values.filter((value): value is number => value !== null && Number.isFinite(value)));
  if (max === 0) return { ticks: [0, 1], format: (value) => oneDecimal.format(value) };
  const step = niceStep(max / count);
  const ticks = Array.from({ length: Math.ceil(max / step) + 1 }, (_, index) => index * step);
  const top = ticks.at(-1) ?? max;
  const [divisor, suffix] = UNITS.find(([size]) => top >= size) ?? [1, ''];
  return {
    ticks,
    format: (value) => (value === 0 ? '0' : `${oneDecimal.format(value / divisor)}${suffix}`),
  };
}
