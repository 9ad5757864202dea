import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { AccountOverview, AnalyticsOverview } from '../../../src-preload/contract';
import { formatDateTime } from '../../lib/format';
import { figuresCsv, daysCsv } from '../../../src-preload/analytics-csv';
import { CsvButton } from './csv';
import { FigureCard } from './figure-card';

const FigureChart = lazy(() => import('./figure-chart'));

export function accountTitle(a: { network: string; name: string; handle: string | null }): string {
  return a.network === 'instagram' && a.handle ? `@${a.handle}` : a.name;
}

/** True once the element has come near the viewport: charts of sections further down are drawn when scrolled to. */
function useSeen<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    }, { rootMargin: '400px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  return [ref, seen];
}

function AccountSection({ overview, account }: { overview: AnalyticsOverview; account: AccountOverview }) {
  const [chartRef, chartSeen] = useSeen<HTMLDivElement>();
  const charted = account.figures.filter((f) => f.series);
  const [chosen, setChosen] = useState(charted[0]?.id ?? null);
  const figure = charted.find((f) => f.id === chosen) ?? null;
  const a = account.account;
  const slug = `${a.network}-${a.handle ?? a.id}`;
  return (
    <section className="panel account-overview" data-account-id={a.id} data-network={a.network} aria-labelledby={`overview-${a.id}`}>
      <div className="panel__header">
        <div>
          <h2 id={`overview-${a.id}`}>
            <span className={`badge badge--${a.network}`}>{a.network === 'facebook' ? 'Facebook Page' : 'Instagram'}</span> {accountTitle(a)}
          </h2>
          <p className="muted small">
            {a.brand !== a.name ? `${a.brand} · ` : ''}
            {account.dataAsOf ? `As of ${formatDateTime(account.dataAsOf)}` : 'Never synced'}
          </p>
        </div>
        <div className="toolbar">
          <CsvButton label="Figures CSV" fileName={`figures-${slug}-${overview.period.from}-${overview.period.to}.csv`} build={() => figuresCsv({ ...overview, accounts: [account] })} />
 <CsvButton label={account.bucketDays > 1 ? 'Weekly CSV' : 'Daily CSV'} fileName={`daily-${slug}-${overview.period.from}-${overview.period.to}.csv`} build={() => daysCsv({ ...overview, accounts: [account] })} />
        </div>
      </div>
      <div className="figures">
        {account.figures.map((f) => (
          <FigureCard key={f.id} figure={f} previousLabel={overview.period.previousLabel} selected={f.id === chosen} onSelect={f.series ? () => setChosen(f.id) : undefined} />
        ))}
      </div>
      <div ref={chartRef}>
        {figure && (
          <Suspense fallback={<div className="chart chart--loading" />}>
            {figure.value === null ? (
              <p className="muted" data-no-data="true">Nothing to chart for {figure.label}: {figure.missingReason}</p>
            ) : chartSeen ? (
              <FigureChart account={account} figure={figure} period={overview.period} />
            ) : (
              <div className="chart chart--loading" />
            )}
          </Suspense>
        )}
      </div>
    </section>
  );
}

/** One section per account, a brand's Page next to its Instagram account: figures are never added across networks. */
export function OverviewPanel({ overview }: { overview: AnalyticsOverview }) {
  return (
    <div className="stack" data-panel="overview">
      {overview.accounts.length > 1 && (
        <p className="muted small">Instagram and Facebook define their figures differently, so each account is shown on its own and nothing is added across them.</p>
      )}
      {overview.accounts.map((a) => (
        <AccountSection key={a.account.id} overview={overview} account={a} />
      ))}
    </div>
  );
}
