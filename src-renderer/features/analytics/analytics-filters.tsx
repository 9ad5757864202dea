import { useId, useState } from 'react';
import type { AccountSummary, AnalyticsScope, PeriodChoice } from '../../../src-preload/contract';
import { PRESETS, setAnalyticsPeriod, setAnalyticsScope } from './analytics-store';

interface AnalyticsFiltersProps {
  accounts: AccountSummary[];
  scope: AnalyticsScope;
  period: PeriodChoice;
  today: string | null;
}

const PRESET_LABELS: Record<(typeof PRESETS)[number], string> = { 7: '7 days', 28: '28 days', 90: '90 days', 365: 'A year' };

function scopeValue(scope: AnalyticsScope): string {
  return scope.kind === 'all' ? 'all' : `${scope.kind}:${scope.accountId}`;
}

function parseScope(value: string): AnalyticsScope {
  if (value === 'all') return { kind: 'all' };
  const [kind, id] = value.split(':');
  return { kind: kind === 'brand' ? 'brand' : 'account', accountId: Number(id) };
}

export function AnalyticsFilters({ accounts, scope, period, today }: AnalyticsFiltersProps) {
  const scopeId = useId();
  const fromId = useId();
  const toId = useId();
  const custom = 'from' in period;
  const [showCustom, setShowCustom] = useState(custom);
  const [from, setFrom] = useState(custom ? period.from : '');
  const [to, setTo] = useState(custom ? period.to : (today ?? ''));
  const pages = accounts.filter((a) => a.network === 'facebook');
  const label = (a: AccountSummary) => (a.network === 'instagram' && a.handle ? `@${a.handle} (Instagram)` : `${a.name} (Facebook Page)`);
  const invalid = !from || !to || from > to || (today !== null && to > today);
  return (
    <div className="toolbar analytics-filters">
      <div className="field field--inline">
        <label htmlFor={scopeId}>Show</label>
        <select id={scopeId} value={scopeValue(scope)} onChange={(e) => setAnalyticsScope(parseScope(e.target.value))}>
          <option value="all">All accounts, side by side</option>
          {pages.length > 0 && (
            <optgroup label="Brands (Page + Instagram)">
              {pages.map((p) => (
                <option key={`b${p.id}`} value={`brand:${p.id}`}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Accounts">
            {accounts.map((a) => (
              <option key={a.id} value={`account:${a.id}`}>
                {label(a)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="segmented" role="group" aria-label="Period">
        {PRESETS.map((preset) => (
          <button key={preset} type="button" className="segmented__option" data-period={preset} aria-pressed={!showCustom && 'preset' in period && period.preset === preset}
            onClick={() => {
              setShowCustom(false);
              setAnalyticsPeriod({ preset });
            }}>
            {PRESET_LABELS[preset]}
          </button>
        ))}
        <button type="button" className="segmented__option" data-period="custom" aria-pressed={showCustom} onClick={() => setShowCustom(true)}>
          Custom
        </button>
      </div>
      {showCustom && (
        <form className="toolbar" onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) setAnalyticsPeriod({ from, to });
        }}>
          <div className="field field--inline">
            <label htmlFor={fromId}>From</label>
            <input id={fromId} type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} required />
          </div>
          <div className="field field--inline">
            <label htmlFor={toId}>To</label>
            <input id={toId} type="date" value={to} min={from || undefined} max={today ?? undefined} onChange={(e) => setTo(e.target.value)} required />
          </div>
          <button type="submit" className="button button--small" disabled={invalid}>
            Apply
          </button>
        </form>
      )}
    </div>
  );
}
