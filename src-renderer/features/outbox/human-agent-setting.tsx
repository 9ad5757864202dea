import { useState } from 'react';
import type { ComposerWindow, ErrorPayload } from '../../../src-preload/contract';
import { HUMAN_AGENT_WINDOW_MS, STANDARD_WINDOW_MS } from '../../../src-preload/outbox-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { getApi } from '../../api';
import { call } from '../../lib/call';

/** Between 24 h and 7 days after their last message: the only time the Human Agent tag matters. */
function inHumanAgentSpan(window: ComposerWindow, now: number): boolean {
  const last = window.lastIncomingAt;
  return last !== null && now >= last + STANDARD_WINDOW_MS && now < last + HUMAN_AGENT_WINDOW_MS;
}

/**
 * The account's Human Agent setting where it matters, under the reply box: Meta lets a person
 * answer for up to 7 days with the HUMAN_AGENT tag only once it approved the feature for the app,
 * so turning it on asks first and says so. Also reachable on the command line (`human-agent`).
 */
export function HumanAgentSetting({ accountId, window, now }: { accountId: number; window: ComposerWindow; now: number }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  if (!inHumanAgentSpan(window, now)) return null;

  const set = async (allowed: boolean) => {
    setBusy(true);
    setError(null);
    const result = await call(() => getApi().outbox.setHumanAgent({ accountId, allowed }));
    setBusy(false);
    setAsking(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <div className="composer__human-agent" data-human-agent={window.humanAgentAllowed ? 'on' : 'off'}>
      {window.humanAgentAllowed ? (
        <button type="button" className="button button--small button--quiet" disabled={busy} onClick={() => void set(false)}>
          Turn off Human Agent replies for this account
        </button>
      ) : (
        <button type="button" className="button button--small" disabled={busy} onClick={() => setAsking(true)}>
          Meta approved Human Agent for this account…
        </button>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
      {asking && (
        <ConfirmDialog title="Turn on Human Agent replies?" confirmLabel="Turn on" busy={busy} onCancel={() => setAsking(false)} onConfirm={() => void set(true)}>
          <p>
            Only if Meta approved the Human Agent feature for your app (it is requested in Meta’s App Review). Then a person on your team can
            answer for up to 7 days after the customer’s last message; those replies are sent with Meta’s HUMAN_AGENT tag. Meta may restrict
            messaging for accounts that use the tag without approval, or for automated messages.
          </p>
          <p>It applies to every conversation of this account and can be turned off here again.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
