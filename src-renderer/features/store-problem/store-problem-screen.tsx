import { useEffect, useState } from 'react';
import type { StoreProblem } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { call } from '../../lib/call';
import { rememberSetAside, setAppState } from '../app/app-store';
import { useStartupActions } from '../app/startup-actions';
import { useWipe } from '../privacy/wipe';
import { BUSY_RETRY_MS, STORE_PROBLEM_TEXT, type StoreProblemChoice } from './store-problem-text';

const LABELS: Record<StoreProblemChoice, string> = {
  retry: 'Try again',
  'show-folder': 'Show data folder',
  'set-aside': 'Keep a copy and start fresh',
  'erase-again': 'Erase what is left',
  quit: 'Quit',
};

/** The store could not be opened although its key is fine: names the cause and offers only safe ways out. */
export function StoreProblemScreen({ problem }: { problem: StoreProblem }) {
  const text = STORE_PROBLEM_TEXT[problem.kind];
  const actions = useStartupActions();
  const erase = useWipe();
  const [confirmSetAside, setConfirmSetAside] = useState(false);
  const busy = actions.busy || erase.busy;
  const error = actions.error ?? erase.error;
  const { retry } = actions;

  // Another Social Desk usually finishes within seconds: keep trying without making the person click.
  useEffect(() => {
    if (problem.kind !== 'busy') return;
    const timer = setInterval(() => void retry(), BUSY_RETRY_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- retry is recreated each render; the interval follows the kind only.
  }, [problem.kind]);

  const setAside = async () => {
    actions.setBusy(true);
    actions.setError(null);
    const result = await call(() => getApi().store.setAsideAndStartFresh({ confirm: 'SET_ASIDE' }));
    actions.setBusy(false);
    setConfirmSetAside(false);
    if (!result.ok) return actions.setError(result.error);
    rememberSetAside(result.data.keptAt);
    setAppState(result.data.state);
  };

  const run: Record<StoreProblemChoice, () => void> = {
    retry: () => void actions.retry(),
    'show-folder': () => void actions.showDataFolder(),
    'set-aside': () => setConfirmSetAside(true),
    'erase-again': () => erase.setConfirming(true),
    quit: () => void actions.quit(),
  };

  return (
    <ScreenFrame name="store-problem">
      <section className="stack" data-store-problem={problem.kind}>
        <h1>{text.title}</h1>
        <p>{text.explanation}</p>
        <p className="reason" data-problem-detail="true">
          <strong>What Social Desk found:</strong> {problem.detail}
        </p>
        {problem.left.length > 0 && (
          <ul className="plain-list" data-wipe-left="true">
            {problem.left.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
        <p className="muted">
          Data folder: <code>{problem.dataDir}</code>
        </p>
        {problem.kind === 'busy' && (
          <p className="muted" role="status">
            {busy ? 'Trying again…' : 'Waiting for the other Social Desk…'}
          </p>
        )}
        {error && <ErrorNotice error={error} />}
        <div className="actions" data-problem-choices="true">
          {text.choices.map((choice, index) => (
            <button
              key={choice}
              type="button"
              className={choice === 'erase-again' ? 'button button--danger' : index === 0 ? 'button button--primary' : 'button'}
              onClick={run[choice]}
              disabled={busy}
            >
              {LABELS[choice]}
            </button>
          ))}
        </div>
      </section>
      {confirmSetAside && (
        <ConfirmDialog
          title="Keep a copy and start fresh?"
          confirmLabel={busy ? 'Moving…' : 'Keep a copy and start fresh'}
          busy={busy}
          onConfirm={() => void setAside()}
          onCancel={() => setConfirmSetAside(false)}
        >
          <p>
            The damaged database and its key move into a new dated folder inside the data folder. Nothing is erased.
            Social Desk then starts as new: set up protection, connect your accounts, and their history syncs again.
          </p>
        </ConfirmDialog>
      )}
      {erase.confirming && (
        <ConfirmDialog
          title="Erase what is left?"
          confirmLabel={erase.busy ? 'Erasing…' : 'Erase what is left'}
          danger
          busy={erase.busy}
          onConfirm={() => void erase.wipe()}
          onCancel={() => erase.setConfirming(false)}
        >
          <p>The items listed on this screen will be removed. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </ScreenFrame>
  );
}
