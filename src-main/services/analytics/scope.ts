import type { AnalyticsAccountRef, AnalyticsScope, PeriodChoice, StatedPeriod } from '../../../src-preload/contract';
import { AppError } from '../../core/app-error';
import type { AccountRecord } from '../../store/repositories/accounts';
import type { Repositories } from '../../store/repositories';
import { addDays, dayCount, dayInZone, isDay, periodLabel, previousPeriod } from './calendar';

/** Longest range a view reads: Meta keeps two years of insights. */
export const MAX_PERIOD_DAYS = 731;

/** The accounts a scope covers, a brand's Page before its Instagram account, brands together. */
export function scopeAccounts(repos: Repositories, scope: AnalyticsScope): AccountRecord[] {
  const all = repos.accounts.list().filter((a) => a.network !== 'whatsapp');
  const brandRoot = (a: AccountRecord): number => a.linkedAccountId ?? a.id;
  let chosen: AccountRecord[];
  if (scope.kind === 'all') chosen = all;
  else {
    const account = all.find((a) => a.id === scope.accountId);
    if (!account) throw new AppError('NOT_FOUND', 'That account is no longer connected.');
    chosen = scope.kind === 'account' ? [account] : all.filter((a) => brandRoot(a) === brandRoot(account));
  }
  return chosen.sort((a, b) => brandRoot(a) - brandRoot(b) || (a.network === 'facebook' ? -1 : 1) - (b.network === 'facebook' ? -1 : 1));
}

export function accountRef(repos: Repositories, a: AccountRecord): AnalyticsAccountRef {
  const root = a.linkedAccountId ? repos.accounts.get(a.linkedAccountId) : null;
  return { id: a.id, network: a.network, name: a.name, handle: a.handle, brand: root?.name ?? a.name };
}

/**
 * Resolves a period in the user's time zone. Presets are N finished days ending yesterday (as
 * Meta's own insights); a custom range may end today, which is then marked partial.
 */
export function statePeriod(choice: PeriodChoice, now: number, timeZone: string): StatedPeriod {
  const today = dayInZone(now, timeZone);
  let from: string;
  let to: string;
  if ('preset' in choice) {
    to = addDays(today, -1);
    from = addDays(to, -(choice.preset - 1));
  } else {
    ({ from, to } = choice);
    if (!isDay(from) || !isDay(to)) throw new AppError('INVALID_ARGUMENT', 'Dates must be written YYYY-MM-DD.');
    if (from > to) throw new AppError('INVALID_ARGUMENT', `The period starts (${from}) after it ends (${to}).`);
    if (to > today) throw new AppError('INVALID_ARGUMENT', `The period ends in the future (${to}); today is ${today}.`);
    if (dayCount(from, to) > MAX_PERIOD_DAYS) throw new AppError('INVALID_ARGUMENT', 'Choose at most two years: Meta keeps insights for two years.');
  }
  const prev = previousPeriod(from, to);
  return {
    from,
    to,
    days: dayCount(from, to),
    label: periodLabel(from, to),
    previousFrom: prev.from,
    previousTo: prev.to,
    previousLabel: periodLabel(prev.from, prev.to),
    includesToday: to === today,
    today,
    timeZone,
  };
}
