import { writeFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AnalyticsOverview, AnalyticsScope } from '../../src-preload/contract';
import { csvCell } from '../privacy/export';
import { readSettings } from '../settings/settings';
import { analyticsOverview } from '../services/analytics/overview';
import { isDay, resolveTimeZone } from '../services/analytics/calendar';
import { leadershipReportHtml } from '../services/analytics-report/leadership';
import { openStore, type Command } from './commands';

/** One row per account and figure, with its definition: the same numbers the Overview shows. */
export function overviewCsv(o: AnalyticsOverview): string {
  const header = ['account_id', 'network', 'account', 'handle', 'figure', 'value', 'previous_period_value', 'change', 'basis', 'from', 'to', 'previous_from', 'previous_to', 'time_zone', 'missing_reason', 'definition'];
  const rows = o.accounts.flatMap((a) =>
    a.figures.map((f) => [a.account.id, a.account.network, a.account.name, a.account.handle, f.label, f.value, f.previous, f.change, f.basis,
      o.period.from, o.period.to, o.period.previousFrom, o.period.previousTo, o.period.timeZone, f.missingReason, f.definition]),
  );
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const reportCommand: Command = {
  usage: '--format pdf|csv --account ID|all --from YYYY-MM-DD --to YYYY-MM-DD --out FILE',
  summary: 'leadership report (aggregates only) as PDF, or its figures as CSV',
  async run(ctx) {
    const { format, account, from, to, out } = ctx.options as Record<string, string | undefined>;
    if (format !== 'pdf' && format !== 'csv') throw new RangeError('--format must be pdf or csv.');
    if (!account || !(account === 'all' || /^\d+$/.test(account))) throw new RangeError('--account must be an account id (see "accounts") or all.');
    if (!from || !to || !isDay(from) || !isDay(to)) throw new RangeError('--from and --to must be dates written YYYY-MM-DD.');
    if (!out) throw new RangeError('--out FILE is required.');
    await openStore(ctx);
    const scope: AnalyticsScope = account === 'all' ? { kind: 'all' } : { kind: 'account', accountId: Number(account) };
    const timeZone = resolveTimeZone(readSettings(ctx.core.settings()).timeZone);
    const file = resolve(out);
    if (format === 'csv') {
      const partial = `${file}.partial-${process.pid}`;
      writeFileSync(partial, overviewCsv(analyticsOverview(ctx.core.repos, { scope, period: { from, to } }, ctx.core.now(), timeZone)));
      renameSync(partial, file);
    } else {
      const { html } = leadershipReportHtml(ctx.core.repos, { scope, from, to, topBy: 'views' }, ctx.core.now(), timeZone);
      const { htmlToPdfWithChromium } = await import('../services/analytics-report/pdf-chromium');
      await htmlToPdfWithChromium(html, file);
    }
    ctx.core.repos.audit.record(ctx.core.now(), 'report.saved', format, `${account} ${from}..${to}`);
    ctx.out(`Wrote the ${format.toUpperCase()} report for ${from} – ${to} to ${file}`);
    return 0;
  },
};
