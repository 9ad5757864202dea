import { useId } from 'react';
import type { AccountSummary } from '../../../src-preload/contract';
import { PERIODS, setAnalyticsAccount, setAnalyticsPeriod, type PeriodDays } from './analytics-store';

interface AnalyticsFiltersProps {
  accounts: AccountSummary[];
  accountId: number | null;
  days: PeriodDays;
}

const ALL = 'all';

export function AnalyticsFilters({ accounts, accountId, days }: AnalyticsFiltersProps) {
  const accountFieldId = useId();
  return (
    <div className="toolbar">
      <div className="field field--inline">
        <label htmlFor={accountFieldId}>Account</label>
        <select
          id={accountFieldId}
          value={accountId === null ? ALL : String(accountId)}
          onChange={(event) => setAnalyticsAccount(event.target.value === ALL ? null : Number(event.target.value))}
        >
          <option value={ALL}>All accounts</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.handle ? `@${account.handle}` : account.name}
              {account.isDemo ? ' (demo)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="segmented" role="group" aria-label="Period">
        {PERIODS.map((period) => (
          <button
            key={period}
            type="button"
            className="segmented__option"
            aria-pressed={period === days}
            data-period={period}
            onClick={() => setAnalyticsPeriod(period)}
          >
            {period} days
          </button>
        ))}
      </div>
    </div>
  );
}
