import { useId, useMemo, useState } from 'react';
import { getApi } from '../../api';
import { ErrorNotice } from '../../components/error-notice';
import { formatDateTime } from '../../lib/format';
import { ForgetPersonButton } from '../privacy/forget-person-button';
import { navigate } from '../shell/nav-store';
import { useAnalyticsStore } from './analytics-store';
import { CsvButton, toCsv } from './csv';
import { useAnalyticsQuery } from './use-query';

const SHOWN = 300;

/** Who commented or messaged, how often and when last; each opens their conversations in the Inbox. */
export function PeopleView() {
  const scope = useAnalyticsStore((s) => s.scope);
  const [filter, setFilter] = useState('');
  const [kind, setKind] = useState<'all' | 'comments' | 'messages'>('all');
  const filterId = useId();
  const q = useAnalyticsQuery(JSON.stringify(scope), () => getApi().analytics.listPeople({ scope }));
  const people = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return (q.data ?? []).filter((p) => (needle === '' || p.name.toLocaleLowerCase().includes(needle)) && (kind === 'all' || p[kind] > 0));
  }, [q.data, filter, kind]);
  if (q.error) return <ErrorNotice error={q.error} onRetry={q.reload} />;
  return (
    <section className="panel" data-panel="people">
      <div className="panel__header">
        <div>
          <h2>Engaged people</h2>
          <p className="muted small">People who commented on your posts or messaged you, as stored on this computer. Counts are of stored comments and incoming messages.</p>
        </div>
        <CsvButton fileName="engaged-people.csv" build={() => toCsv(['name', 'account_id', 'comments', 'messages', 'last_seen'], people.map((p) => [p.name, p.accountId, p.comments, p.messages, new Date(p.lastSeenAt).toISOString()]))} />
      </div>
      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor={filterId}>Name contains</label>
          <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <div className="segmented" role="group" aria-label="Who">
          {(['all', 'comments', 'messages'] as const).map((k) => (
            <button key={k} type="button" className="segmented__option" aria-pressed={kind === k} onClick={() => setKind(k)}>
              {k === 'all' ? 'Everyone' : k === 'comments' ? 'Commented' : 'Messaged'}
            </button>
          ))}
        </div>
        <p className="muted small" role="status">{people.length} people{people.length > SHOWN ? `, the ${SHOWN} most active shown (the CSV has all)` : ''}</p>
      </div>
      <div className="table-scroll">
        <table className="table table--compact">
          <thead><tr><th scope="col">Person</th><th scope="col" className="num">Comments</th><th scope="col" className="num">Messages</th><th scope="col">Last seen</th><th scope="col"><span className="visually-hidden">Open or forget</span></th></tr></thead>
          <tbody>
            {people.slice(0, SHOWN).map((p) => (
              <tr key={p.id} data-person-id={p.id}>
                <td>{p.name}</td>
                <td className="num">{p.comments}</td>
                <td className="num">{p.messages}</td>
                <td>{formatDateTime(p.lastSeenAt)}</td>
                <td className="people__actions">
                  {p.messages > 0 && <button type="button" className="link-button" onClick={() => navigate('inbox')}>Open Inbox</button>}
                  <ForgetPersonButton target={{ personId: p.id }} who={p.name} onForgotten={q.reload} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
