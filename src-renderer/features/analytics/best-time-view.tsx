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

type NetworkMap = HeatmapReport['networks'][number];
const NETWORK_NAMES: Record<NetworkMap['network'], string> = { instagram: 'Instagram', facebook: 'Facebook Pages' };

/** One network's weekday × hour map, coloured on its own scale. */
function NetworkHeatmap({ map, minPosts, label }: { map: NetworkMap; minPosts: number; label: string }) {
  const max = Math.max(0, ...map.cells.map((c) => c.medianRate ?? 0));
  const best = [...map.cells].filter((c) => c.medianRate !== null).sort((a, b) => b.medianRate! - a.medianRate!).slice(0, 3);
  const name = NETWORK_NAMES[map.network];
  return (
    <div className="heatmap-network" data-heatmap-network={map.network}>
      <h3>
        <span className={`badge badge--${map.network}`}>{name}</span> {map.posts} posts {label}
      </h3>
      {map.posts === 0 ? (
        <p className="muted">No {name} posts were published in this period.</p>
      ) : best.length > 0 ? (
        <p data-best-times={map.network}>Best so far: {best.map((c) => `${WEEKDAYS[c.weekday]} ${c.hour}:00 (${formatRate(c.medianRate)}, ${c.posts} posts)`).join(' · ')}</p>
      ) : (
        <p className="muted">No hour has {minPosts} or more {name} posts in this period yet: choose a longer period.</p>
      )}
      {map.posts > 0 && (
        <div className="heatmap-scroll">
          <table className="heatmap" aria-label={`${name}: median engagement rate by weekday and hour`}>
            <thead>
              <tr><th scope="col"><span className="visually-hidden">Weekday</span></th>{HOURS.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
            </thead>
            <tbody>
              {WEEKDAYS.map((day, w) => (
                <tr key={day}>
                  <th scope="row">{day.slice(0, 3)}</th>
                  {HOURS.map((h) => {
                    const c = map.cells[w * 24 + h]!;
                    return (
                      <td key={h} style={cellStyle(c.medianRate, max)} data-cell={`${w}-${h}`} data-posts={c.posts}
                        title={`${day} ${h}:00 – ${h + 1}:00: ${c.posts} posts${c.medianRate === null ? (c.posts > 0 ? `, fewer than ${minPosts}: not rated` : '') : `, median engagement rate ${formatRate(c.medianRate)}`}`}>
                        {c.posts > 0 ? c.posts : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/**
 * Weekday × hour of posting in the user's time zone, coloured by median engagement rate once a cell
 * has enough posts: one map per network, as Instagram and Facebook rates are not comparable.
 */
export function BestTimeView() {
  const { scope, period } = useAnalyticsStore();
  const q = useAnalyticsQuery(JSON.stringify({ scope, period }), () => getApi().analytics.getBestTimes({ scope, period }));
  const r: HeatmapReport | null = q.data;
  if (q.error) return <ErrorNotice error={q.error} onRetry={q.reload} />;
  if (!r) return <p className="muted">Reading posts…</p>;
  return (
    <section className="panel" data-panel="best-time">
      <div className="panel__header">
        <div>
          <h2>Best time to post</h2>
          <p className="muted small">
            By weekday and hour in {r.period.timeZone}. Colour = median engagement rate of the posts published in that hour; a cell is coloured only with at least {r.minPosts} posts, and shows how many posts are behind it.
            {r.networks.length > 1 && ' Instagram and Facebook count reach differently, so each has its own map and scale.'}
          </p>
        </div>
        <CsvButton fileName={`best-time-${r.period.from}-${r.period.to}.csv`} build={() => bestTimeCsv(r)} />
      </div>
      {r.networks.length === 0 && <p className="muted">No Instagram account or Facebook Page is in this view.</p>}
      {r.networks.map((map) => (
        <NetworkHeatmap key={map.network} map={map} minPosts={r.minPosts} label={`published ${r.period.label}`} />
      ))}
    </section>
  );
}
