// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSummary, OutboxItem } from '../../src-preload/contract';
import { setApiForTests } from '../../src-renderer/api';
import { resetAccountsStore } from '../../src-renderer/features/accounts/accounts-store';
import { useInboxStore } from '../../src-renderer/features/inbox/inbox-store';
import { OutboxNavBadge } from '../../src-renderer/features/outbox/outbox-badge';
import { resetOutboxStore } from '../../src-renderer/features/outbox/outbox-store';
import { OutboxView } from '../../src-renderer/features/outbox/outbox-view';
import { useNavStore } from '../../src-renderer/features/shell/nav-store';
import { createFakeApi, ok, type Handlers } from './helpers/fake-api';
import { outboxItem } from './helpers/outbox-fixtures';

const now = Date.now();

afterEach(() => {
  cleanup();
  resetOutboxStore();
  resetAccountsStore();
  setApiForTests(null);
});

const item = (overrides: Partial<OutboxItem>): OutboxItem => outboxItem(now, overrides);

const account: AccountSummary = {
  id: 1,
  network: 'instagram',
  handle: 'mapleandmoss.cafe',
  name: 'Maple & Moss Café',
  followersCount: 100,
  mediaCount: 10,
  status: 'active',
  statusDetail: null,
  loginKind: 'demo',
  lastSyncedAt: now,
  isDemo: true,
};

const ITEMS = [
  item({ id: 4, text: 'Written offline', state: 'queued', reasonCode: 'offline', reason: 'No connection to Meta. It is kept here and sent when the connection is back.', nextAttemptAt: now + 90_000, sentAt: null }),
  item({ id: 3, text: 'After the token expired', state: 'queued', reasonCode: 'token-expired', reason: 'The account’s access to Meta expired. Reconnect the account.', nextAttemptAt: null, sentAt: null }),
  item({ id: 2, text: 'Too late', state: 'failed', reasonCode: 'window-closed', reason: 'Meta refused it: the reply window has closed. Wait for them to write again.', sentAt: null }),
  item({ id: 5, kind: 'comment_hide', conversationId: null, commentId: 44, text: null, state: 'sent' }),
  item({ id: 1, text: 'Thanks, on its way', state: 'sent' }),
];

function mount(handlers: Handlers) {
  const fake = createFakeApi({ 'accounts:list': () => ok([account]), ...handlers });
  setApiForTests(fake.api);
  render(
    <>
      <OutboxNavBadge />
      <OutboxView />
    </>,
  );
  return fake;
}

describe('the Outbox screen', () => {
  it('lists what is not sent first, each with its reason and next step, then what was sent; the nav badge counts what needs attention', async () => {
    mount({ 'outbox:list': () => ok(ITEMS) });
    const unsent = await screen.findByRole('list', { name: 'Not sent yet' });
    const rows = within(unsent).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-outbox-item'))).toEqual(['4', '3', '2']);
    expect(within(rows[0]!).getByText(/Waiting — trying again in 1 min/)).toBeTruthy();
    expect(within(rows[0]!).getByText(/No connection to Meta/)).toBeTruthy();
    expect(within(rows[1]!).getByText(/after the account is reconnected/)).toBeTruthy();
    expect(within(rows[1]!).getByRole('button', { name: 'Reconnect in Accounts' })).toBeTruthy();
    expect(within(rows[2]!).getByText('Not sent')).toBeTruthy();
    expect(within(rows[2]!).getByText(/reply window has closed/)).toBeTruthy();
    expect(within(rows[2]!).getByText(/Maple & Moss Café \(Instagram\)/)).toBeTruthy();
    const sent = screen.getByRole('list', { name: 'Sent' });
    expect(within(sent).getByText('Hide a comment')).toBeTruthy();
    expect(within(sent).queryByRole('button', { name: /Try again|Discard/ })).toBeNull();
    expect(screen.getByText(/Not sent yet \(3, 3 need attention\)/)).toBeTruthy();
    expect(document.querySelector('[data-outbox-badge]')?.getAttribute('data-outbox-badge')).toBe('3');
  });

  it('tries again one item or all; discards only after a confirmation that shows what goes', async () => {
    const fake = mount({ 'outbox:list': () => ok(ITEMS), 'outbox:retry': () => ok(ITEMS), 'outbox:discard': () => ok(null) });
    const failed = (await screen.findByText('Too late')).closest('li')!;
    fireEvent.click(within(failed).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(fake.callsTo('outbox:retry')).toEqual([{ id: 2 }]));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Try all again now' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Try all again now' }));
    await waitFor(() => expect(fake.callsTo('outbox:retry')).toEqual([{ id: 2 }, { id: null }]));
    await waitFor(() => expect((within(failed).getByRole('button', { name: 'Discard…' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(within(failed).getByRole('button', { name: 'Discard…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Too late')).toBeTruthy();
    expect(fake.callsTo('outbox:discard')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(fake.callsTo('outbox:discard')).toEqual([{ id: 2, confirm: 'DISCARD' }]));
  });

  it('opens the conversation of a reply in the Inbox', async () => {
    mount({ 'outbox:list': () => ok(ITEMS) });
    const failed = (await screen.findByText('Too late')).closest('li')!;
    fireEvent.click(within(failed).getByRole('button', { name: 'Open conversation' }));
    expect(useNavStore.getState().view).toBe('inbox');
    expect(useInboxStore.getState().selected?.id).toBe(7);
  });

  it('says plainly when nothing waits', async () => {
    mount({ 'outbox:list': () => ok([item({ id: 1, state: 'sent' })]) });
    expect(await screen.findByText(/Nothing is waiting/)).toBeTruthy();
    expect(document.querySelector('[data-outbox-badge]')).toBeNull();
  });
});
