/**
 * One calendar for every figure: days are dates in the user's time zone (a setting, default the
 * system's). Plain `YYYY-MM-DD` strings, so day arithmetic never crosses a DST gap by accident.
 */
import { DAY_MS } from '../../core/time';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): boolean {
  return DAY_RE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** The time zone figures use: the setting when valid, else the system's. */
export function resolveTimeZone(setting: string | null | undefined): string {
  if (setting && isTimeZone(setting)) return setting;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' });
    partsCache.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Date, weekday (0 = Sunday) and hour of an instant in a time zone. */
export function zonedParts(ms: number, timeZone: string): { day: string; weekday: number; hour: number } {
  const offset = steadyOffset(ms, timeZone);
  if (offset !== null) {
    const local = new Date(ms + offset);
    return { day: local.toISOString().slice(0, 10), weekday: local.getUTCDay(), hour: local.getUTCHours() };
  }
  const p = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, weekday: WEEKDAYS.indexOf(p.weekday ?? ''), hour: Number(p.hour) };
}

/**
 * A zone's offset at the start of each UTC day, remembered: Intl's formatToParts costs microseconds
 * a call, and placing thousands of posts would otherwise call it thousands of times.
 */
const dayStartOffsets = new Map<string, number>();
function offsetAtUtcDay(utcDay: number, timeZone: string): number {
  const key = `${timeZone}|${utcDay}`;
  let offset = dayStartOffsets.get(key);
  if (offset === undefined) {
    if (dayStartOffsets.size > 50_000) dayStartOffsets.clear();
    offset = offsetAt(utcDay * DAY_MS, timeZone);
    dayStartOffsets.set(key, offset);
  }
  return offset;
}

/** The zone's offset at `ms` when it is the same all that UTC day; null on a day the offset changes (DST). */
function steadyOffset(ms: number, timeZone: string): number | null {
  const utcDay = Math.floor(ms / DAY_MS);
  const offset = offsetAtUtcDay(utcDay, timeZone);
  return offset === offsetAtUtcDay(utcDay + 1, timeZone) ? offset : null;
}

/**
 * Weekday (0 = Sunday) and hour of many instants in one zone, for best-time's thousands of posts:
 * the offset is looked up once per UTC day, and no date string is built.
 */
export function weekdayHours(instants: readonly number[], timeZone: string): Array<{ weekday: number; hour: number }> {
  const offsets = new Map<number, number | null>();
  return instants.map((ms) => {
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = offsets.get(utcDay);
    if (offset === undefined) offsets.set(utcDay, (offset = steadyOffset(ms, timeZone)));
    if (offset === null) {
      const { weekday, hour } = zonedParts(ms, timeZone);
      return { weekday, hour };
    }
    const local = ms + offset;
    // 1970-01-01 was a Thursday (4).
    return { weekday: (((Math.floor(local / DAY_MS) + 4) % 7) + 7) % 7, hour: Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 3_600_000) };
  });
}

export function dayInZone(ms: number, timeZone: string): string {
  return zonedParts(ms, timeZone).day;
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const dayStarts = new Map<string, number>();

/**
 * The instant a day starts in a zone (its first existing minute, across DST changes too),
 * remembered: every card and table bounds its days with it, and each answer costs two Intl calls.
 */
export function startOfDayInZone(day: string, timeZone: string): number {
  const key = `${timeZone}|${day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    if (dayStarts.size > 50_000) dayStarts.clear();
    start = computeStartOfDay(day, timeZone);
    dayStarts.set(key, start);
  }
  return start;
}

function computeStartOfDay(day: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  let guess = utcMidnight - offsetAt(utcMidnight, timeZone);
  // A second pass settles days where the offset changes between the guess and local midnight.
  guess = utcMidnight - offsetAt(guess, timeZone);
  return dayInZone(guess, timeZone) === day ? guess : guess + 3_600_000;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The period of equal length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const n = dayCount(from, to);
  return { from: addDays(from, -n), to: addDays(from, -1) };
}

/** "Nov 1 – Nov 30, 2026" (the year once when both ends share it). */
const withYear = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const withoutYear = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export function periodLabel(from: string, to: string): string {
  const f = (d: string, year: boolean) => (year ? withYear : withoutYear).format(new Date(`${d}T12:00:00Z`));
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return from === to ? f(to, true) : `${f(from, !sameYear)} – ${f(to, true)}`;
}
