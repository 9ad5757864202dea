import { useId } from 'react';
import { AccountSelect, ChannelSelect } from './filter-selects';
import { useInboxStore } from './inbox-store';
import { setSearchFilters } from './search-actions';

const DAY = 86_400_000;

/** `YYYY-MM-DD` (the date input's value, read as local midnight) to unix ms, or null. */
function dayStart(value: string): number | null {
  if (!value) return null;
  const time = new Date(`${value}T00:00:00`).getTime();
  return Number.isNaN(time) ? null : time;
}

function dayValue(time: number | null): string {
  if (time === null) return '';
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Narrow search hits by account, channel and dates (inclusive). */
export function SearchFilters() {
  const filters = useInboxStore((state) => state.search.filters);
  const id = useId();
  const badRange = filters.from !== null && filters.to !== null && filters.from > filters.to;
  return (
    <div className="search-filters" role="group" aria-label="Filter search results">
      <AccountSelect value={filters.accountId} onChange={(accountId) => setSearchFilters({ accountId })} />
      <ChannelSelect value={filters.platform} onChange={(platform) => setSearchFilters({ platform })} />
      <span className="search-filters__dates">
      <label htmlFor={`${id}-from`}>From</label>
      <input id={`${id}-from`} type="date" value={dayValue(filters.from)} onChange={(e) => setSearchFilters({ from: dayStart(e.target.value) })} />
      <label htmlFor={`${id}-to`}>to</label>
      <input
        id={`${id}-to`}
        type="date"
        value={dayValue(filters.to === null ? null : filters.to - DAY + 1)}
        onChange={(e) => {
          const start = dayStart(e.target.value);
          setSearchFilters({ to: start === null ? null : start + DAY - 1 });
        }}
      />
      </span>
      {badRange && (
        <p className="field-error" role="alert">
          The start date is after the end date.
        </p>
      )}
    </div>
  );
}
