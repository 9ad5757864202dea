import { ErrorNotice } from '../../components/error-notice';
import { useWipe } from './wipe';
import { WipeConfirmDialog } from './wipe-confirm-dialog';

/** The one-click wipe: one button, one confirmation, then the report (and the app returns to first run). */
export function WipeSection() {
  const { confirming, setConfirming, busy, error, report, wipe } = useWipe();

  return (
    <section className="panel panel--danger" aria-labelledby="wipe-title" data-wipe-status={report ? 'done' : 'idle'}>
      <h2 id="wipe-title">Erase everything</h2>
      <p>
        Removes every account, post, figure, message and key Social Desk stored on this computer, and asks Meta to remove
        Social Desk&apos;s access to each connected account (when online). Your Instagram and Facebook accounts themselves are
        not touched.
      </p>
      {error && <ErrorNotice error={error} />}
      {report ? (
        <div className="notice notice--success" role="status">
          <p className="notice__title">Erased from this computer:</p>
          <ul className="plain-list">
            {report.removed.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ) : (
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          Erase everything on this computer
        </button>
      )}
      {confirming && (
        <WipeConfirmDialog busy={busy} onConfirm={() => void wipe()} onCancel={() => setConfirming(false)} />
      )}
    </section>
  );
}
