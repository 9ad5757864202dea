import { AppError } from '../core/app-error';
import type { CommandContext } from './commands';
import { UsageError } from './errors';

/** `--account ID` of a stored account (the store must be open), or null when not given. */
export function accountOption(ctx: CommandContext): number | null {
  const raw = ctx.options.account;
  if (raw === undefined) return null;
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) throw new UsageError('--account must be an account id (see "accounts").');
  if (!ctx.core.repos.accounts.get(id)) throw new AppError('NOT_FOUND', `No account ${id}; "accounts" lists them.`);
  return id;
}

/** `--channel instagram|messenger`, or null when not given. */
export function channelOption(ctx: CommandContext): 'instagram' | 'messenger' | null {
  const raw = ctx.options.channel;
  if (raw === undefined) return null;
  if (raw !== 'instagram' && raw !== 'messenger') throw new UsageError('--channel must be instagram or messenger.');
  return raw;
}

/**
 * `--from` / `--to` as YYYY-MM-DD, inclusive whole days on this computer's clock, as the app's
 * date inputs read them: the start of `from`'s day to the last moment of `to`'s day.
 */
export function dayRangeOptions(ctx: CommandContext): { from: number | null; to: number | null } {
  const day = (name: 'from' | 'to'): Date | null => {
    const raw = ctx.options[name];
    if (raw === undefined) return null;
    const match = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) : null;
    const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
    if (!match || !date || date.getDate() !== Number(match[3])) throw new UsageError(`--${name} must be a date as YYYY-MM-DD, not "${String(raw)}".`);
    return date;
  };
  const fromDay = day('from');
  const toDay = day('to');
  const from = fromDay ? fromDay.getTime() : null;
  const to = toDay ? new Date(toDay.getFullYear(), toDay.getMonth(), toDay.getDate() + 1).getTime() - 1 : null;
  if (from !== null && to !== null && from > to) throw new UsageError('--from is after --to.');
  return { from, to };
}
