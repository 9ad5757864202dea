import type { ConversationSummary } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { CHANNEL_LABEL } from './conversation-row';
import { ReplyWindow } from './reply-window';
import { SafeText } from './safe-text';
import { TriageBar } from './triage-bar';

/** Who, on which brand account and channel, the reply window and a way to see the thread on Meta's site. */
export function ThreadHeader({ summary, fallbackTitle }: { summary: ConversationSummary | null; fallbackTitle: string }) {
  const site = summary?.platform === 'instagram' ? 'Instagram' : 'Facebook';
  return (
    <header className="thread__header">
      <div className="thread__title-row">
        <h2 id="thread-title">{summary ? <SafeText text={summary.personName} /> : fallbackTitle}</h2>
        {summary && (
          <a
            className="thread__open-link"
            href={summary.openUrl}
            onClick={(event) => {
              event.preventDefault();
              void getApi().shell.openExternal({ url: summary.openUrl });
            }}
          >
            Open on {site} ↗
          </a>
        )}
      </div>
      {summary && (
        <>
          <p className="thread__meta">
            <span className="badge badge--account">
              <SafeText text={summary.accountName} />
            </span>
            <span className={`badge badge--${summary.platform}`}>{CHANNEL_LABEL[summary.platform]}</span>
            {summary.personHandle && summary.personName !== `@${summary.personHandle}` && (
              <span className="muted">
                <SafeText text={`@${summary.personHandle}`} />
              </span>
            )}
          </p>
          <ReplyWindow conversation={summary} />
          <TriageBar key={summary.id} summary={summary} />
        </>
      )}
    </header>
  );
}
