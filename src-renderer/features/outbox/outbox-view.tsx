import { useEffect, useState } from 'react';
import type { OutboxItem, OutboxKind } from '../../../src-preload/contract';
import { ErrorNotice } from '../../components/error-notice';
import { formatDateTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { loadAccounts, useAccountsStore } from '../accounts/accounts-store';
import { setTab } from '../inbox/inbox-store';
import { openConversation } from '../inbox/thread-actions';
import { navigate } from '../shell/nav-store';
import { DiscardDialog } from './discard-dialog';
import { itemStatus } from './outbox-text';
import { actOnOutbox, loadOutboxList, needsAttention, useOutboxStore } from './outbox-store';
import './outbox.css';
import './outbox-view.css';

const KIND_LABELS: Record<OutboxKind, string> = {
  message: 'Reply',
  private_reply: 'Private reply to a comment',
  comment_reply: 'Public reply to a comment',
  comment_hide: 'Hide a comment',
  comment_unhide: 'Unhide a comment',
  comment_delete: 'Delete a comment',
};

/** Waiting for a reconnect: the next step is on the Accounts screen. */
const needsReconnect = (item: OutboxItem) => item.state === 'queued' && item.nextAttemptAt === null && (item.reasonCode === 'token-expired' || item.reasonCode === 'permission-missing');

function openThread(conversationId: number): void {
  navigate('inbox');
  setTab('messages');
  openConversation(conversationId);
}

function OutboxEntry({ item, now, account, onDiscard }: { item: OutboxItem; now: number; account: string; onDiscard: (item: OutboxItem) => void }) {
  const status = itemStatus(item, now);
  const busy = useOutboxStore((s) => s.busyItem === item.id || s.busyItem === 'all');
  const unsent = item.state === 'failed' || item.state === 'queued';
  return (
    <li className={`outbox-item outbox-item--${status.tone}`} data-outbox-item={item.id} data-outbox-state={item.state} data-outbox-reason={item.reasonCode ?? undefined}>
      <p className="outbox-entry__what">
        <strong>{KIND_LABELS[item.kind]}</strong> · {account} · <time dateTime={new Date(item.createdAt).toISOString()}>{formatDateTime(item.createdAt)}</time>
        {item.tag === 'HUMAN_AGENT' && <span className="outbox-item__tag"> · Human Agent</span>}
      </p>
      {item.text !== null && <p className="outbox-item__text">{item.text}</p>}
      <p className="outbox-item__status">{status.label}</p>
      {status.detail && <p className="outbox-item__reason">{status.detail}</p>}
      <div className="outbox-item__actions">
        {unsent && (
          <button type="button" className="button button--small" disabled={busy} onClick={() => void actOnOutbox('retry', item.id)}>
            {item.state === 'failed' ? 'Try again' : 'Send now'}
          </button>
        )}
        {unsent && (
          <button type="button" className="button button--small" disabled={busy} onClick={() => onDiscard(item)}>
            Discard…
          </button>
        )}
        {needsReconnect(item) && (
          <button type="button" className="button button--small" onClick={() => navigate('accounts')}>
            Reconnect in Accounts
          </button>
        )}
        {item.conversationId !== null && (
          <button type="button" className="button button--small button--quiet" onClick={() => openThread(item.conversationId as number)}>
            Open conversation
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * Everything sent or waiting to go to Meta, across threads and comments: what waits or failed comes
 * first, each with its reason and next step (try again, discard after a confirmation, reconnect),
 * then the newest sent. Nothing here is lost when the app closes: it lives in the encrypted store.
 */
export function OutboxView() {
  const { data, status, error } = useOutboxStore((s) => s.all);
  const actionError = useOutboxStore((s) => s.allActionError);
  const busyAll = useOutboxStore((s) => s.busyItem === 'all');
  const accounts = useAccountsStore((s) => s.data);
  const [discarding, setDiscarding] = useState<OutboxItem | null>(null);
  const now = useNow(15_000);

  useEffect(() => {
    void loadOutboxList();
    if (useAccountsStore.getState().status === 'idle') void loadAccounts();
  }, []);

  const items = data ?? [];
  const unsent = items.filter((i) => i.state !== 'sent');
  const sent = items.filter((i) => i.state === 'sent');
  const accountName = (id: number) => {
    const a = accounts?.find((x) => x.id === id);
    return a ? `${a.name} (${a.network === 'instagram' ? 'Instagram' : 'Facebook'})` : `Account ${id}`;
  };
  const retryable = unsent.some((i) => i.state === 'failed' || i.state === 'queued');

  return (
    <section className="view" data-view="outbox" data-status={status} aria-labelledby="outbox-title">
      <header className="view__header">
        <h1 id="outbox-title">Outbox</h1>
        <button type="button" className="button" disabled={!retryable || busyAll} onClick={() => void actOnOutbox('retry', null)}>
          {busyAll ? 'Trying…' : 'Try all again now'}
        </button>
      </header>
      <p className="prose">
        Replies and comment actions are written to the encrypted store on this computer before they go to Meta. What could not go
        yet waits here with the reason and is retried on its own; what Meta refused stays until you try again or discard it.
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void loadOutboxList()} />}
      {actionError && <ErrorNotice error={actionError} />}
      {data && (
        <>
          <h2 className="outbox-view__heading" data-outbox-unsent={unsent.length}>
            Not sent yet ({unsent.length}
            {needsAttention(unsent) > 0 ? `, ${needsAttention(unsent)} need${needsAttention(unsent) === 1 ? 's' : ''} attention` : ''})
          </h2>
          {unsent.length === 0 ? (
            <p className="muted">Nothing is waiting: everything written has reached Meta.</p>
          ) : (
            <ol className="outbox-items" aria-label="Not sent yet">
              {unsent.map((item) => (
                <OutboxEntry key={item.id} item={item} now={now} account={accountName(item.accountId)} onDiscard={setDiscarding} />
              ))}
            </ol>
          )}
          <h2 className="outbox-view__heading">Sent ({sent.length === 0 ? 'none yet' : `newest ${sent.length}`})</h2>
          {sent.length > 0 && (
            <ol className="outbox-items" aria-label="Sent">
              {sent.map((item) => (
                <OutboxEntry key={item.id} item={item} now={now} account={accountName(item.accountId)} onDiscard={setDiscarding} />
              ))}
            </ol>
          )}
        </>
      )}
      {discarding && (
        <DiscardDialog
          item={discarding}
          title="Discard this from the outbox?"
          onCancel={() => setDiscarding(null)}
          onDiscard={(id) => {
            setDiscarding(null);
            void actOnOutbox('discard', id);
          }}
        >
          {KIND_LABELS[discarding.kind]} for {accountName(discarding.accountId)}. It has not reached Meta and will be removed from this computer; nothing is sent.
        </DiscardDialog>
      )}
    </section>
  );
}
