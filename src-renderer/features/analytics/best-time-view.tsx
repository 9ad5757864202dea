import type { HeatmapReport } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { useAnalyticsStore } from './analytics-store';
import { bestTimeCsv } from '../../../src-preload/analytics-csv';
import { CsvButton } from './csv';
import { formatRate } from './figure-text';
import { useAnalyticsQuery } from './use-query';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

function cellStyle(rate: number | null, max: number): { background?: string; color?: string } {
  if (rate === null || max <= 0) return {};
  const strength = Math.round(15 + (rate / max) * 85);
  // Text stays readable: the theme's text colour on pale cells, the accent's contrast colour on strong ones.
  return { background: `color-mix(in srgb, var(--chart-1) ${strength}%, var(--surface-2))`, color: strength > 55 ? 'var(--accent-contrast)' : 'var(--text)' };
}

/** Weekday × hour of posting in the user's time zone, coloured by median engagement rate once a cell has enough posts. */
export function BestTimeView() {
  const { scope, period } = useAnalyticsStore();
  const q = useAnalyticsQuery(JSON.stringify({ scope, period }), () => getApi().analytics.getBestTimes({ scope, period }));
  const r: HeatmapReport | null = q.data;
  if (q.error) return <ErrorNotice error={q.error} onRetry={q.reload} />;
  if (!r) return <p className="muted">Reading posts…</p>;
  const max = Math.max(0, ...r.cells.map((c) => c.medianRate ?? 0));
  const best = [...r.cells].filter((c) => c.medianRate !== null).sort((a, b) => b.medianRate! - a.medianRate!).slice(0, 3);
  return (
    <section className="panel" data-panel="best-time">
      <div className="panel__header">
        <div>
          <h2>Best time to post</h2>
          <p className="muted small">
            {r.posts} posts published {r.period.label}, by weekday and hour in {r.period.timeZone}. Colour = median engagement rate of the posts published in that hour; a cell is coloured only with at least {r.minPosts} posts, and shows how many posts are behind it.
          </p>
        </div>
        <CsvButton fileName={`best-time-${r.period.from}-${r.period.to}.csv`} build={() => bestTimeCsv(r)} />
      </div>
      {best.length > 0 ? (
        <p data-best-times="true">Best so far: {best.map((c) => `${WEEKDAYS[c.weekday]} ${c.hour}:00 (${formatRate(c.medianRate)}, ${c.posts} posts)`).join(' · ')}</p>
      ) : (
        <p className="muted">No hour has {r.minPosts} or more posts in this period yet: choose a longer period.</p>
      )}
      <div className="heatmap-scroll">
        <table className="heatmap" aria-label="Median engagement rate by weekday and hour">
          <thead>
            <tr><th scope="col"><span className="visually-hidden">Weekday</span></th>{HOURS.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day, w) => (
              <tr key={day}>
                <th scope="row">{day.slice(0, 3)}</th>
                {HOURS.map((h) => {
                  const c = r.cells[w * 24 + h]!;
                  return (
                    <td key={h} style={cellStyle(c.medianRate, max)} data-cell={`${w}-${h}`} data-posts={c.posts}
                      title={`${day} ${h}:00 – ${h + 1}:00: ${c.posts} posts${c.medianRate === null ? (c.posts > 0 ? `, fewer than ${r.minPosts}: not rated` : '') : `, median engagement rate ${formatRate(c.medianRate)}`}`}>
                      {c.posts > 0 ? c.posts : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
