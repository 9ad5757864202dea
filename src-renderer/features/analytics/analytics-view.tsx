import { useEffect, useMemo } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorNotice } from '../../components/error-notice';
import { formatDateTime } from '../../lib/format';
import { loadAccounts, useAccountsStore } from '../accounts/accounts-store';
import { AnalyticsChart } from './analytics-chart';
import { AnalyticsFilters } from './analytics-filters';
import { hasAnalyticsData, selectChartSeries } from './analytics-selectors';
import { loadAnalytics, useAnalyticsStore } from './analytics-store';
import { TopPostsTable } from './top-posts-table';
import { TotalsCards } from './totals-cards';
import './analytics.css';

export function AnalyticsView() {
  const { data, status, error, accountId, days } = useAnalyticsStore();
  const accounts = useAccountsStore((state) => state.data);

  useEffect(() => {
    if (useAnalyticsStore.getState().status === 'idle') void loadAnalytics();
    if (useAccountsStore.getState().status === 'idle') void loadAccounts();
  }, []);

  const points = useMemo(() => (data ? selectChartSeries(data) : null), [data]);
  const showData = hasAnalyticsData(data);

  return (
    <section className="view" data-view="analytics" data-status={status} aria-labelledby="analytics-title">
      <header className="view__header">
        <h1 id="analytics-title">Analytics</h1>
        <p className="freshness" data-freshness={data?.dataAsOf ?? 'never'}>
          {data?.dataAsOf ? `Figures as of ${formatDateTime(data.dataAsOf)}` : 'Never synced'}
        </p>
      </header>
      <AnalyticsFilters accounts={accounts ?? []} accountId={accountId} days={days} />
      {error && <ErrorNotice error={error} onRetry={() => void loadAnalytics()} />}
      {status === 'loading' && !data && <p className="muted">Reading figures from this computer…</p>}
      {data && !showData && (
        <EmptyState title="No posts yet — connect an account or explore the demo">
          <p>Figures appear here once an account has synced. Nothing is estimated or made up.</p>
        </EmptyState>
      )}
      {showData && points && (
        <div className="stack" aria-busy={status === 'loading'}>
          <TotalsCards totals={data.totals} />
          <AnalyticsChart points={points} />
          <TopPostsTable posts={data.topPosts} />
        </div>
      )}
    </section>
  );
}
