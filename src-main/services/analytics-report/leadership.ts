/**
 * The leadership report: headline figures with change, charts, top posts by a chosen figure and an
 * audience summary, for chosen accounts and period. Aggregates only: it is built from figures and
 * post metrics, never from people, comments or messages, and `assertNoPersonalData` checks the
 * finished text against every stored person and message before it leaves this function.
 */
import type { AccountOverview, Figure, LeadershipReportRequest, PostRow } from '../../../src-preload/contract';
import { AppError } from '../../core/app-error';
import type { Repositories } from '../../store/repositories';
import { audienceReport } from '../analytics/audience';
import { analyticsOverview } from '../analytics/overview';
import { listPosts } from '../analytics/posts';
import { esc, num, pct, REPORT_CSS, sparkline } from './html';
import { assertNoPersonalData } from './personal-data';

const TOP_LABEL = { views: 'views', reach: 'reach', engagementRate: 'engagement rate' } as const;

function figureCard(f: Figure): string {
  const change = f.change === null ? '' : `<span class="${f.change >= 0 ? 'up' : 'down'}">${esc(pct(f.change))}</span> vs previous period`;
  const parts = f.parts ? `<div class="meta">${f.parts.map((p) => `${esc(p.label)} ${esc(num(p.value))}`).join(' · ')}</div>` : '';
  return `<div class="card" data-figure="${esc(f.id)}"><div class="label">${esc(f.label)}</div>
    <div class="value">${esc(num(f.value))}</div><div class="meta">${change}${f.missingReason ? esc(f.missingReason) : ''}${f.note ? ` · ${esc(f.note)}` : ''}</div>
    ${parts}${f.series ? sparkline(f.series.current, f.series.previous) : ''}<div class="def">${esc(f.definition)}</div></div>`;
}

function topPosts(posts: PostRow[], by: LeadershipReportRequest['topBy'], timeZone: string): string {
  const value = (p: PostRow) => (by === 'engagementRate' ? p.engagementRate : p[by]);
  const top = posts.filter((p) => value(p) !== null).sort((a, b) => (value(b) ?? 0) - (value(a) ?? 0)).slice(0, 5);
  if (top.length === 0) return '<p class="muted">No post of this period has this figure yet.</p>';
  const date = (ms: number) => new Date(ms).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone });
  const rows = top.map((p) => `<tr><td>${esc(p.kind)}</td><td>${esc(date(p.publishedAt))}</td><td class="num">${esc(num(p.views))}</td>
    <td class="num">${esc(num(p.reach))}</td><td class="num">${esc(p.engagementRate === null ? 'no data' : pct(p.engagementRate).replace('+', ''))}</td></tr>`);
  return `<table><thead><tr><th>Type</th><th>Published</th><th class="num">Views</th><th class="num">Reach</th><th class="num">Engagement rate</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function audienceSummary(repos: Repositories, accountId: number): string {
  const a = audienceReport(repos, accountId);
  if (a.missingReason) return `<p class="muted">${esc(a.missingReason)}</p>`;
  const line = (breakdown: string, n: number) => {
    const b = a.breakdowns.find((x) => x.audience === 'follower' && x.breakdown === breakdown);
    if (!b) return '';
    const total = b.buckets.reduce((s, x) => s + x.value, 0) || 1;
    const top = [...b.buckets].sort((x, y) => y.value - x.value).slice(0, n);
    return `<div><b>${esc(breakdown[0]!.toUpperCase() + breakdown.slice(1))}:</b> ${top.map((x) => `${esc(x.label)} ${Math.round((x.value / total) * 100)} %`).join(', ')}</div>`;
  };
  return `<p class="meta">Followers' demographics as Meta gave them on ${esc(a.asOf)}.</p>${line('age', 3)}${line('gender', 3)}${line('country', 5)}${line('city', 5)}`;
}

function accountSection(repos: Repositories, a: AccountOverview, posts: PostRow[], req: LeadershipReportRequest, timeZone: string): string {
  const title = a.account.network === 'facebook' ? `${a.account.name} — Facebook Page` : `${a.account.handle ? `@${a.account.handle}` : a.account.name} — Instagram`;
  return `<section class="account" data-account="${a.account.id}"><h2>${esc(title)}</h2>
    <div class="grid">${a.figures.map(figureCard).join('')}</div>
    <h3>Top posts by ${esc(TOP_LABEL[req.topBy])}</h3>${topPosts(posts.filter((p) => p.accountId === a.account.id), req.topBy, timeZone)}
    <h3>Audience</h3>${audienceSummary(repos, a.account.id)}</section>`;
}

export function leadershipReportHtml(repos: Repositories, req: LeadershipReportRequest, now: number, timeZone: string): { html: string; fileName: string } {
  const overview = analyticsOverview(repos, { scope: req.scope, period: { from: req.from, to: req.to } }, now, timeZone);
  if (overview.accounts.length === 0) throw new AppError('NOT_FOUND', 'There is no account to report on: connect one or explore the demo.');
  const posts = listPosts(repos, { scope: req.scope, from: req.from, to: req.to, kind: null, search: '' }, timeZone).posts;
  const p = overview.period;
  const asOf = overview.dataAsOf ? new Date(overview.dataAsOf).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }) : 'never synced';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Social media report ${esc(p.label)}</title><style>${REPORT_CSS}</style></head><body>
    <h1>Social media report</h1>
    <p class="meta">${esc(p.label)}${p.includesToday ? ' (today so far: partial)' : ''} · compared with ${esc(p.previousLabel)} · days in ${esc(timeZone)} · figures as of ${esc(asOf)}</p>
    <p class="meta">Instagram and Facebook count differently, so their figures are shown side by side and never added together.</p>
    ${overview.accounts.map((a) => accountSection(repos, a, posts, req, timeZone)).join('')}
    </body></html>`;
  assertNoPersonalData(repos, html);
  return { html, fileName: `social-media-report-${p.from}-to-${p.to}.pdf` };
}
