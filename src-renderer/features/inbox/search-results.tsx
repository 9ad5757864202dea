import { ErrorNotice } from '../../components/error-notice';
import { formatFullNumber, formatWhen } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import type { TextRun } from '../../../src-preload/contract';
import { CHANNEL_LABEL } from './conversation-row';
import { useInboxStore } from './inbox-store';
import { SafeText } from './safe-text';
import { loadMoreHits } from './search-actions';
import { SearchFilters } from './search-filters';
import { openSearchHit } from './thread-actions';

const WINDOW_LABEL = { open: 'Window open', 'human-agent': 'Human agent only', closed: 'Window closed' } as const;

/** Matches come from the main process as positions, so nothing in the text itself can fake one. */
export function HighlightedRuns({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((run, index) =>
        run.match ? (
          <mark key={index}>
            <SafeText text={run.text} />
          </mark>
        ) : (
          <SafeText key={index} text={run.text} />
        ),
      )}
    </>
  );
}

export function SearchResults() {
  const search = useInboxStore((state) => state.search);
  const targetId = useInboxStore((state) => state.thread.target?.messageId ?? null);
  const now = useNow();
  const hits = search.data ?? [];
  const total = search.total ?? 0;

  return (
    <div className="list-pane" data-search-status={search.status}>
      <SearchFilters />
      <p className="muted pad search-total" aria-live="polite" data-search-total={search.total ?? ''}>
        {search.status === 'loading' && hits.length === 0
          ? 'Searching…'
          : search.total !== null &&
            (total === 0
              ? `No messages match “${search.query.trim()}”.`
              : `${formatFullNumber(total)} message${total === 1 ? '' : 's'} match, newest first · showing ${formatFullNumber(hits.length)}`)}
      </p>
      {search.error && <ErrorNotice error={search.error} />}
      {hits.length > 0 && (
        <ul className="item-list" aria-label="Search results">
          {hits.map((hit) => (
            <li key={hit.messageId}>
              <button
                type="button"
                className="item"
                data-search-hit={hit.messageId}
                aria-current={hit.messageId === targetId ? 'true' : undefined}
                onClick={() => void openSearchHit(hit)}
              >
                <span className="item__top">
                  <span className="item__name">
                    <SafeText text={hit.personName} />
                  </span>
                  <time className="item__time">{formatWhen(hit.sentAt, now)}</time>
                </span>
                <span className="item__meta">
                  <span className="badge badge--account">
                    <SafeText text={hit.accountName} />
                  </span>
                  <span className={`badge badge--${hit.platform}`}>{CHANNEL_LABEL[hit.platform]}</span>
                  <span className={`badge badge--window-${hit.replyWindow}`} data-window={hit.replyWindow}>
                    {WINDOW_LABEL[hit.replyWindow]}
                  </span>
                </span>
                <span className="item__text">
                  {hit.direction === 'out' && 'You: '}
                  <HighlightedRuns runs={hit.runs} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {hits.length < total && (
        <div className="pad">
          <button type="button" className="button button--small" disabled={search.loadingMore} onClick={() => void loadMoreHits()}>
            {search.loadingMore ? 'Loading…' : `Show ${formatFullNumber(Math.min(50, total - hits.length))} more of ${formatFullNumber(total - hits.length)} left`}
          </button>
        </div>
      )}
    </div>
  );
}
