import { useId } from 'react';
import type { ConversationFilter } from '../../../src-preload/contract';
import { CLOSING_SOON_MS, HOUR_MS } from '../../../src-preload/outbox-types';
import { formatFullNumber } from '../../lib/format';
import { AccountSelect, ChannelSelect } from './filter-selects';
import { useInboxStore } from './inbox-store';
import { setFilter } from './list-actions';
import { markAllRead } from './triage-actions';

type Toggle = 'unread' | 'needsReply' | 'windowOpen' | 'closingSoon';
const TOGGLES: Array<{ key: Toggle; label: string; title?: string }> = [
  { key: 'unread', label: 'Unread' },
  { key: 'needsReply', label: 'Needs reply' },
  { key: 'windowOpen', label: 'Window open' },
  { key: 'closingSoon', label: 'Closing soon', title: `Meta's 24-hour reply window ends within ${CLOSING_SOON_MS / HOUR_MS} hours` },
];

/** Filters with how many conversations each would show (each counted over all conversations). */
export function ListFilters() {
  const filter = useInboxStore((state) => state.list.filter);
  const total = useInboxStore((state) => state.list.total);
  const counts = useInboxStore((state) => state.counts);
  const id = useId();
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${formatFullNumber(n)})`);
  const selectValue = (value: string) => (value === '' ? null : value);

  return (
    <div className="list-filters" role="group" aria-label="Filter conversations">
      <div className="list-filters__selects">
        <AccountSelect value={filter.accountId} onChange={(accountId) => setFilter({ accountId })} showCounts />
        <ChannelSelect value={filter.platform} onChange={(platform) => setFilter({ platform })} showCounts />
        <label className="visually-hidden" htmlFor={`${id}-label`}>
          Label
        </label>
        <select id={`${id}-label`} value={filter.label ?? ''} onChange={(event) => setFilter({ label: selectValue(event.target.value) })}>
          <option value="">Any label</option>
          {counts?.byLabel.map((l) => (
            <option key={l.label} value={l.label}>
              {l.label}
              {count(l.count)}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${id}-state`}>
          Done
        </label>
        <select id={`${id}-state`} value={filter.state} onChange={(event) => setFilter({ state: event.target.value as ConversationFilter['state'] })}>
          <option value="all">Open and done</option>
          <option value="open">Not done{counts ? count(counts.total - counts.done) : ''}</option>
          <option value="done">Done{count(counts?.done)}</option>
        </select>
      </div>
      <div className="list-filters__toggles">
        {TOGGLES.map((toggle) => (
          <button
            key={toggle.key}
            type="button"
            className="chip"
            aria-pressed={filter[toggle.key]}
            data-filter={toggle.key}
            title={toggle.title}
            onClick={() => setFilter({ [toggle.key]: !filter[toggle.key] })}
          >
            {toggle.label}
            {count(counts?.[toggle.key])}
          </button>
        ))}
      </div>
      <p className="list-filters__summary muted" aria-live="polite" data-list-total={total ?? ''}>
        {total === null ? 'Counting…' : `${formatFullNumber(total)} conversation${total === 1 ? '' : 's'}`}
        {counts && counts.emptiedByRetention > 0 && ` · ${formatFullNumber(counts.emptiedByRetention)} emptied by retention`}
        {counts && counts.unread > 0 && (
          <button type="button" className="link-button" onClick={() => void markAllRead()}>
            Mark all read
          </button>
        )}
      </p>
    </div>
  );
}
