import { useEffect, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { formatDateTime } from '../../lib/format';
import { loadAccounts, useAccountsStore } from '../accounts/accounts-store';
import { DemoOrConnect } from '../first-run/demo-or-connect';
import { AnalyticsFilters } from './analytics-filters';
import { loadAnalytics, setAnalyticsTab, TABS, useAnalyticsStore, type AnalyticsTab } from './analytics-store';
import { AudienceView } from './audience-view';
import { BestTimeView } from './best-time-view';
import { OverviewPanel } from './overview-panel';
import { PeopleView } from './people-view';
import { PostsView } from './posts-view';
import { ReportDialog } from './report-dialog';
import './analytics.css';

const TAB_LABELS: Record<AnalyticsTab, string> = {
  overview: 'Overview',
  posts: 'Posts',
  audience: 'Audience',
  people: 'Engaged people',
  'best-time': 'Best time to post',
};

export default function AnalyticsView() {
  const { data, status, error, scope, period, tab } = useAnalyticsStore();
  const accounts = useAccountsStore((state) => state.data);
  const [reporting, setReporting] = useState(false);

  useEffect(() => {
    if (useAnalyticsStore.getState().status === 'idle') void loadAnalytics();
    if (useAccountsStore.getState().status === 'idle') void loadAccounts();
  }, []);

  const shown = (accounts ?? []).filter((a) => a.network !== 'whatsapp' && data?.accounts.some((x) => x.account.id === a.id));
  const scopeLabel = scope.kind === 'all' ? 'all accounts' : (data?.accounts.map((a) => a.account.name).filter((n, i, all) => all.indexOf(n) === i).join(', ') ?? '');
  const empty = data !== null && data.accounts.length === 0;

  return (
    <section className="view" data-view="analytics" data-status={status} aria-labelledby="analytics-title">
      <header className="view__header">
        <h1 id="analytics-title">Analytics</h1>
        <p className="freshness" data-freshness={data?.dataAsOf ?? 'never'}>
          {data?.dataAsOf ? `As of the last sync, ${formatDateTime(data.dataAsOf)}` : 'Never synced'}
        </p>
        {data && !empty && (
          <button type="button" className="button button--small" onClick={() => setReporting(true)}>
            Report for leadership…
          </button>
        )}
      </header>
      {error && <ErrorNotice error={error} onRetry={() => void loadAnalytics()} />}
      {status === 'loading' && !data && <p className="muted">Reading figures from this computer…</p>}
      {empty && (
        <EmptyState title="No accounts yet — connect an account or explore the demo">
          <p>Figures appear here once an account has synced. Nothing is estimated or made up.</p>
          <DemoOrConnect />
        </EmptyState>
      )}
      {data && !empty && (
        <>
          <AnalyticsFilters accounts={(accounts ?? []).filter((a) => a.network !== 'whatsapp')} scope={scope} period={period} today={data.period.today} />
          <p className="period-line" data-period-from={data.period.from} data-period-to={data.period.to}>
            <b>{data.period.label}</b>
            {data.period.includesToday && <span className="badge badge--partial">Today is partial</span>} · compared with {data.period.previousLabel} · days in {data.period.timeZone}
          </p>
          <div className="tabs" role="tablist" aria-label="Analytics views">
            {TABS.map((t) => (
              <button key={t} type="button" role="tab" className="tabs__tab" aria-selected={t === tab} data-tab={t} onClick={() => setAnalyticsTab(t)}>
                {TAB_LABELS[t]}
              </button>
            ))}
          </div>
          <div role="tabpanel" aria-busy={status === 'loading'} aria-label={TAB_LABELS[tab]}>
            {tab === 'overview' && <OverviewPanel overview={data} />}
            {tab === 'posts' && <PostsView period={data.period} />}
            {tab === 'audience' && <AudienceView accounts={shown.filter((a) => a.network === 'instagram')} />}
            {tab === 'people' && <PeopleView />}
            {tab === 'best-time' && <BestTimeView />}
          </div>
        </>
      )}
      {reporting && data && <ReportDialog scope={scope} scopeLabel={scopeLabel} period={data.period} onClose={() => setReporting(false)} />}
    </section>
  );
}
