const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat(undefined);
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dayShort = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayLong = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Numbers up to 9,999 in full, bigger ones compact (12.3K); null as a dash, never a fake 0. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '\u2014';
  return Math.abs(value) >= 10_000 ? compact.format(value) : plain.format(value);
}

export function formatFullNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '\u2014';
  return plain.format(value);
}

export function formatDateTime(epochMs: number): string {
  return dateTime.format(new Date(epochMs));
}

export function formatDate(epochMs: number): string {
  return dateOnly.format(new Date(epochMs));
}

/** Time today, date and time otherwise: for message lists. */
export function formatWhen(epochMs: number, now: number = Date.now()): string {
  const then = new Date(epochMs);
  const today = new Date(now);
  const sameDay = then.toDateString() === today.toDateString();
  return sameDay ? timeOnly.format(then) : dateTime.format(then);
}

/** A `YYYY-MM-DD` UTC day as a short axis label (Mar 4). */
export function formatDay(day: string, long = false): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return (long ? dayLong : dayShort).format(date);
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** "5 h", "40 min": how long is left, rounded down, never negative. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.max(1, minutes)} min`;
}
