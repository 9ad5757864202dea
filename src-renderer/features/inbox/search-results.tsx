import { ErrorNotice } from '../../components/error-notice';
import { formatWhen } from '../../lib/format';
import { HighlightedSnippet } from './highlighted-snippet';
import { openSearchHit, useInboxStore } from './inbox-store';

export function SearchResults() {
  const search = useInboxStore((state) => state.search);
  const targetId = useInboxStore((state) => state.thread.target?.messageId ?? null);
  const hits = search.data ?? [];

  return (
    <div className="list-pane" data-search-status={search.status} aria-live="polite">
      {search.error && <ErrorNotice error={search.error} />}
      {search.status === 'loading' && hits.length === 0 && <p className="muted pad">Searching…</p>}
      {search.status === 'ready' && hits.length === 0 && (
        <p className="muted pad">No messages match &ldquo;{search.query.trim()}&rdquo;.</p>
      )}
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
                  <span className="item__name">{hit.personName}</span>
                  <time className="item__time">{formatWhen(hit.sentAt)}</time>
                </span>
                <span className="item__text">
                  <HighlightedSnippet snippet={hit.snippet} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
