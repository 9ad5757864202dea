import type { AccountSummary, AudienceBreakdown, AudienceReport } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { formatDay, formatFullNumber, formatNumber } from '../../lib/format';
import { audienceCsv } from '../../../src-preload/analytics-csv';
import { CsvButton } from './csv';
import { accountTitle } from './overview-panel';
import { useAnalyticsQuery } from './use-query';

const AUDIENCE = { follower: 'Followers', engaged: 'Engaged audience', reached: 'Reached audience' } as const;
const AUDIENCE_NOTE = {
  follower: 'People following the account, as Meta gave them',
  engaged: 'Accounts that liked, commented, shared, saved or replied',
  reached: 'Accounts that saw your content at least once',
} as const;
const TIMEFRAME: Record<string, string> = { this_week: 'last 7 days', this_month: 'last 30 days' };
const BREAKDOWN = { age: 'Age', gender: 'Gender', city: 'Top cities', country: 'Top countries' } as const;

const regions = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'region' }) : null;

/** Meta gives countries as ISO codes ("GB"): show their names. */
function bucketLabel(b: AudienceBreakdown, label: string): string {
  if (b.breakdown !== 'country' || !/^[A-Z]{2}$/.test(label)) return label;
  try {
    return regions?.of(label) ?? label;
  } catch {
    return label;
  }
}

function Bars({ b }: { b: AudienceBreakdown }) {
  const total = b.buckets.reduce((s, x) => s + x.value, 0) || 1;
  const shown = b.breakdown === 'city' || b.breakdown === 'country' ? [...b.buckets].sort((x, y) => y.value - x.value).slice(0, 8) : b.buckets;
  const max = Math.max(...shown.map((x) => x.value), 1);
  return (
    <figure className="bars" data-breakdown={`${b.audience}-${b.breakdown}`}>
      <figcaption>{BREAKDOWN[b.breakdown]}</figcaption>
      <ul>
        {shown.map((x) => (
          <li key={x.label} title={`${formatFullNumber(x.value)} people`}>
            <span className="bars__label" title={x.label}>{bucketLabel(b, x.label)}</span>
            <span className="bars__track"><span className="bars__fill" style={{ width: `${(x.value / max) * 100}%` }} /></span>
            <span className="bars__value">{Math.round((x.value / total) * 100)} %</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function AccountAudience({ accountId }: { accountId: number }) {
  const q = useAnalyticsQuery(`audience:${accountId}`, () => getApi().analytics.getAudience({ accountId }));
  const r: AudienceReport | null = q.data;
  if (q.error) return <ErrorNotice error={q.error} onRetry={q.reload} />;
  if (!r) return <p className="muted">Reading the audience…</p>;
  return (
    <section className="panel" data-audience-account={accountId}>
      <div className="panel__header">
        <div>
          <h2>{accountTitle(r.account)}</h2>
          <p className="muted small">
            {r.asOf ? `As Meta gave it on ${formatDay(r.asOf, true)}` : 'Never read'} · {formatNumber(r.followers)} followers. Meta reports only the biggest 45 groups, and only people who share these details, so groups add up to fewer than all followers.
          </p>
        </div>
        {r.breakdowns.length > 0 && (
          <CsvButton fileName={`audience-${r.account.handle ?? r.account.id}-${r.asOf}.csv`} build={() => audienceCsv([r])} />
        )}
      </div>
      {r.missingReason ? (
        <p className="notice" data-no-data="true">{r.missingReason}</p>
      ) : (
        (['follower', 'engaged', 'reached'] as const).map((audience) => {
          const note = r.audiences?.find((a) => a.audience === audience);
          return (
            <div key={audience} data-audience={audience}>
              <h3>{AUDIENCE[audience]}</h3>
              <p className="muted small">
                {AUDIENCE_NOTE[audience]}{note?.timeframe ? `, ${TIMEFRAME[note.timeframe] ?? note.timeframe}` : ''}{r.asOf ? ` · as of ${formatDay(r.asOf, true)}` : ''}
              </p>
              {note?.missingReason ? (
                <p className="notice" data-no-data="true">No data: {note.missingReason}</p>
              ) : (
                <div className="bars-grid">
                  {r.breakdowns.filter((b) => b.audience === audience).map((b) => <Bars key={b.breakdown} b={b} />)}
                </div>
              )}
            </div>
          );
        })
      )}
    </section>
  );
}

export function AudienceView({ accounts }: { accounts: AccountSummary[] }) {
  if (accounts.length === 0) return <p className="muted">No account in this view.</p>;
  return (
    <div className="stack" data-panel="audience">
      {accounts.map((a) => <AccountAudience key={a.id} accountId={a.id} />)}
    </div>
  );
}
