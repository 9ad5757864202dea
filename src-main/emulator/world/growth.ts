/** Audience size over time: pure functions so any past or future instant can be asked. */
import { DAY_MS } from './time';

interface GrowthCurve {
  historyStart: number;
  growthRatePerDay: number;
}

/** Exponential growth with a gentle 45-day wobble, so some days net-lose followers. */
function curve(start: number, c: GrowthCurve, t: number): number {
  const days = (t - c.historyStart) / DAY_MS;
  return start * Math.exp(c.growthRatePerDay * days) * (1 + 0.012 * Math.sin((2 * Math.PI * days) / 45));
}

/** IG followers at time t (fractional; round for display). */
export function followersAt(account: GrowthCurve & { followersStart: number }, t: number): number {
  return curve(account.followersStart, account, t);
}

/** Page followers (fans) at time t. */
export function fansAt(page: GrowthCurve & { fansStart: number }, t: number): number {
  return curve(page.fansStart, page, t);
}

/** Daily rate that grows `start` into `end` over `days`. */
export function growthRate(start: number, end: number, days: number): number {
  return Math.log(end / start) / days;
}
