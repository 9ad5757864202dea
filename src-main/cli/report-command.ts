import { writeFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AnalyticsScope } from '../../src-preload/contract';
import { audienceCsv, bestTimeCsv, CSV_VIEWS, daysCsv, figuresCsv, peopleCsv, postsCsv, type CsvView } from '../../src-preload/analytics-csv';
import type { Repositories } from '../store/repositories';
import { listPosts } from '../services/analytics/posts';
import { audienceReport, bestTimes, engagedPeople } from '../services/analytics/audience';
import { scopeAccounts } from '../services/analytics/scope';
import { readSettings } from '../settings/settings';
import { analyticsOverview } from '../services/analytics/overview';
import { isDay, resolveTimeZone } from '../services/analytics/calendar';
import { leadershipReportHtml } from '../services/analytics-report/leadership';
import { openStore, type Command } from './commands';

/** The CSV of one Analytics view for these accounts and days: the same file the view's "Export CSV" gives. */
export function viewCsv(repos: Repositories, view: CsvView, scope: AnalyticsScope, from: string, to: string, now: number, timeZone: string): string {
  const period = { from, to };
  switch (view) {
    case 'overview':
      return figuresCsv(analyticsOverview(repos, { scope, period }, now, timeZone));
    case 'days':
      return daysCsv(analyticsOverview(repos, { scope, period }, now, timeZone));
    case 'posts':
      return postsCsv(listPosts(repos, { scope, from, to, kind: null, search: '' }, timeZone));
    case 'best-time':
      return bestTimeCsv(bestTimes(repos, { scope, period }, now, timeZone));
    case 'people':
      return peopleCsv(engagedPeople(repos, scope));
    case 'audience':
      return audienceCsv(scopeAccounts(repos, scope).filter((a) => a.network === 'instagram').map((a) => audienceReport(repos, a.id)));
  }
}

export const reportCommand: Command = {
  usage: '--format pdf|csv [--view overview|days|posts|best-time|people|audience] --account ID|all --from YYYY-MM-DD --to YYYY-MM-DD --out FILE',
  summary: 'leadership report (aggregates only) as PDF, or one Analytics view as CSV (the overview\'s figures by default)',
  async run(ctx) {
    const { format, account, from, to, out, view = 'overview' } = ctx.options as Record<string, string | undefined>;
    if (format !== 'pdf' && format !== 'csv') throw new RangeError('--format must be pdf or csv.');
    if (!(CSV_VIEWS as readonly string[]).includes(view)) throw new RangeError(`--view must be one of: ${CSV_VIEWS.join(', ')}.`);
    if (format === 'pdf' && view !== 'overview') throw new RangeError('--view applies to --format csv; the PDF is the leadership report.');
    if (!account || !(account === 'all' || /^\d+$/.test(account))) throw new RangeError('--account must be an account id (see "accounts") or all.');
    if (!from || !to || !isDay(from) || !isDay(to)) throw new RangeError('--from and --to must be dates written YYYY-MM-DD.');
    if (!out) throw new RangeError('--out FILE is required.');
    await openStore(ctx);
    const scope: AnalyticsScope = account === 'all' ? { kind: 'all' } : { kind: 'account', accountId: Number(account) };
    const timeZone = resolveTimeZone(readSettings(ctx.core.settings()).timeZone);
    const file = resolve(out);
    if (format === 'csv') {
      const partial = `${file}.partial-${process.pid}`;
      writeFileSync(partial, viewCsv(ctx.core.repos, view as CsvView, scope, from, to, ctx.core.now(), timeZone));
      renameSync(partial, file);
    } else {
      const { html } = leadershipReportHtml(ctx.core.repos, { scope, from, to, topBy: 'views' }, ctx.core.now(), timeZone);
      const { htmlToPdfWithChromium } = await import('../services/analytics-report/pdf-chromium');
      await htmlToPdfWithChromium(html, file);
    }
    ctx.core.repos.audit.record(ctx.core.now(), 'report.saved', format === 'csv' ? `csv:${view}` : format, `${account} ${from}..${to}`);
    ctx.out(`Wrote the ${format === 'csv' ? `${view} CSV` : 'PDF report'} for ${from} – ${to} to ${file}`);
    return 0;
  },
};
