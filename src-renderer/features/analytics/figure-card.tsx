import type { Figure } from '../../../src-preload/contract';
import { formatFullNumber, formatNumber } from '../../lib/format';
import { BASIS_TEXT, changeDirection, formatChange } from './figure-text';
import { Sparkline } from './sparkline';

interface FigureCardProps {
  figure: Figure;
  previousLabel: string;
  selected: boolean;
  onSelect?: () => void;
}

/** One figure: its value (or why there is none), change vs the previous period, and its definition. */
export function FigureCard({ figure: f, previousLabel, selected, onSelect }: FigureCardProps) {
  const direction = changeDirection(f);
  return (
    <div className="figure" data-figure={f.id} data-basis={f.basis} data-selected={selected || undefined}>
      <div className="figure__top">
        <h3 className="figure__label">{f.label}</h3>
        {f.series && onSelect && (
          <button type="button" className="link-button figure__chart-button" aria-pressed={selected} onClick={onSelect}>
            {selected ? 'Charted' : 'Chart'}
          </button>
        )}
      </div>
      {f.value === null ? (
        <p className="figure__missing" data-no-data="true">
          <span className="figure__value figure__value--none">No data</span>
          <span className="figure__reason">{f.missingReason}</span>
        </p>
      ) : (
        <p className="figure__value" title={formatFullNumber(f.value)} data-value={f.value}>
          {formatNumber(f.value)}
        </p>
      )}
      <p className="figure__meta">
        {direction !== 'none' && (
          <span className={`figure__change figure__change--${direction}`} title={`Previous period (${previousLabel}): ${formatFullNumber(f.previous)}`}>
            {formatChange(f.change)} vs previous
          </span>
        )}
        {direction === 'none' && f.value !== null && f.basis !== 'latest' && <span className="muted">No previous figure to compare</span>}
        {f.value !== null && <span className="figure__basis">{BASIS_TEXT[f.basis]}</span>}
        {f.note && <span className="figure__note">{f.note}</span>}
      </p>
      {f.parts && (
        <ul className="figure__parts" aria-label={`${f.label} by type`}>
          {f.parts.map((p) => (
            <li key={p.label}>
              {p.label} <b>{formatNumber(p.value)}</b>
            </li>
          ))}
        </ul>
      )}
      {f.series && <Sparkline current={f.series.current} previous={f.series.previous} />}
      <details className="figure__definition">
        <summary>What is this?</summary>
        <p>{f.definition}</p>
      </details>
    </div>
  );
}
