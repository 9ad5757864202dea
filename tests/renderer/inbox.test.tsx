// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationSummary, MessageItem } from '../../src-preload/contract';
import { splitSnippet } from '../../src-renderer/features/inbox/highlighted-snippet';
import { replyWindowText } from '../../src-renderer/features/inbox/reply-window';
import { appState, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

const now = Date.now();
const HOUR = 3_600_000;

const conversations: ConversationSummary[] = [
  {
    id: 7,
    accountId: 1,
    platform: 'instagram',
    personName: 'Mia Chen',
    lastMessageAt: now - HOUR,
    lastMessageText: 'Is the blue mug back in stock?',
    messageCount: 3,
    replyWindowEndsAt: now + 5 * HOUR + 10 * 60_000,
  },
  {
    id: 3,
    accountId: 1,
    platform: 'messenger',
    personName: 'Omar Haddad',
    lastMessageAt: now - 3 * 24 * HOUR,
    lastMessageText: 'Thanks!',
    messageCount: 1,
    replyWindowEndsAt: null,
  },
];

const messagesNewestFirst: MessageItem[] = [
  { id: 103, conversationId: 7, direction: 'in', sentAt: now - HOUR, text: 'Is the blue mug back in stock?', hasAttachments: false, isDeleted: false },
  { id: 102, conversationId: 7, direction: 'in', sentAt: now - 2 * HOUR, text: null, hasAttachments: false, isDeleted: true },
  { id: 101, conversationId: 7, direction: 'out', sentAt: now - 3 * HOUR, text: 'Hi Mia!', hasAttachments: false, isDeleted: false },
];

function renderInbox() {
  const fake = renderApp({
    'app:getState': () => ok(appState({ phase: 'ready' })),
    'inbox:listConversations': () => ok(conversations),
    'inbox:getMessages': ({ conversationId }) =>
      ok(messagesNewestFirst.filter((message) => message.conversationId === conversationId)),
    'inbox:search': ({ query }) =>
      ok(
        query === 'blue mug'
          ? [{ messageId: 103, conversationId: 7, personName: 'Mia Chen', sentAt: now - HOUR, snippet: 'Is the [blue] [mug] back in stock?' }]
          : [],
      ),
  });
  return fake;
}

async function openInbox() {
  const fake = renderInbox();
  fireEvent.click(await screen.findByRole('button', { name: 'Inbox' }));
  await waitFor(() => expect(document.querySelector('[data-view="inbox"]')?.getAttribute('data-status')).toBe('ready'));
  return fake;
}

describe('inbox', () => {
  it('lists conversations and opens a thread with the newest message at the bottom', async () => {
    const fake = await openInbox();
    const list = screen.getByRole('list', { name: 'Conversations' });
    const names = within(list).getAllByRole('button').map((button) => button.querySelector('.item__name')?.textContent);
    expect(names).toEqual(['Mia Chen', 'Omar Haddad']);

    fireEvent.click(within(list).getByRole('button', { name: /Mia Chen/ }));
    const thread = await screen.findByRole('list', { name: 'Messages with Mia Chen' });
    await waitFor(() => expect(within(thread).getAllByRole('listitem')).toHaveLength(3));
    const ids = within(thread).getAllByRole('listitem').map((item) => item.getAttribute('data-message-id'));
    expect(ids).toEqual(['101', '102', '103']);
    expect(within(thread).getByText('Message unsent')).toBeTruthy();
    expect(fake.callsTo('inbox:getMessages')).toEqual([{ conversationId: 7, limit: 50, before: null }]);
    expect(screen.getByText('You can reply for another 5 h')).toBeTruthy();
  });

  it('says the reply window is closed when Meta no longer allows a reply', async () => {
    await openInbox();
    fireEvent.click(screen.getByRole('button', { name: /Omar Haddad/ }));
    expect(await screen.findByText('Reply window closed')).toBeTruthy();
  });

  it('searches (debounced) and highlights the [match] parts with <mark>; a hit opens its conversation', async () => {
    const fake = await openInbox();
    const box = screen.getByRole('searchbox', { name: 'Search messages' });
    fireEvent.change(box, { target: { value: 'blue' } });
    fireEvent.change(box, { target: { value: 'blue mug' } });

    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(fake.callsTo('inbox:search')).toEqual([{ query: 'blue mug', limit: 20 }]);
    const marks = Array.from(results.querySelectorAll('mark')).map((mark) => mark.textContent);
    expect(marks).toEqual(['blue', 'mug']);
    expect(results.textContent).toContain('Is the blue mug back in stock?');
    expect(results.textContent).not.toContain('[');

    fireEvent.click(within(results).getByRole('button', { name: /Mia Chen/ }));
    await screen.findByRole('list', { name: 'Messages with Mia Chen' });
    await waitFor(() => expect(fake.callsTo('inbox:getMessages')[0]?.conversationId).toBe(7));
  });

  it('opening a search hit older than the first page loads older pages, then scrolls to and highlights that message', async () => {
    // 120 messages in conversation 7, one a minute; the hit is the 10th oldest, so two older pages are needed.
    const long: MessageItem[] = Array.from({ length: 120 }, (_, index) => ({
      id: 1000 + index,
      conversationId: 7,
      direction: index % 2 === 0 ? 'in' : 'out',
      sentAt: now - (120 - index) * 60_000,
      text: index === 9 ? 'Do you ship the blue mug to Norway?' : `Message ${index}`,
      hasAttachments: false,
      isDeleted: false,
    }));
    const hit = long[9]!;
    const fake = renderApp({
      'app:getState': () => ok(appState({ phase: 'ready' })),
      'inbox:listConversations': () => ok(conversations),
      'inbox:getMessages': ({ limit, before }) =>
        ok(long.filter((message) => before === null || message.sentAt < before).reverse().slice(0, limit)),
      'inbox:search': () =>
        ok([{ messageId: hit.id, conversationId: 7, personName: 'Mia Chen', sentAt: hit.sentAt, snippet: 'Do you ship the [blue] mug to Norway?' }]),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Inbox' }));
    fireEvent.change(await screen.findByRole('searchbox', { name: 'Search messages' }), { target: { value: 'blue' } });
    const results = await screen.findByRole('list', { name: 'Search results' });
    const button = within(results).getByRole('button', { name: /Mia Chen/ });
    fireEvent.click(button);

    const row = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-highlighted="true"]');
      if (!element) throw new Error('no highlighted message yet');
      return element;
    });
    expect(row.getAttribute('data-message-id')).toBe(String(hit.id));
    expect(row.textContent).toContain('Do you ship the blue mug to Norway?');
    expect(document.querySelectorAll('[data-highlighted]')).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(row));
    expect(row.tabIndex).toBe(-1);
    expect(button.getAttribute('aria-current')).toBe('true');
    // Newest page, then older pages by `before` until the hit was there; no more than needed.
    const pages = fake.callsTo('inbox:getMessages');
    expect(pages.map((call) => call.before)).toEqual([null, long[70]!.sentAt, long[20]!.sentAt]);
    expect(document.querySelector('[data-target-missing]')).toBeNull();

    // Opening a conversation from the list shows no highlight.
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search messages' }), { target: { value: '' } });
    fireEvent.click(await screen.findByRole('button', { name: /Omar Haddad/ }));
    await screen.findByRole('list', { name: 'Messages with Omar Haddad' });
    expect(document.querySelector('[data-highlighted]')).toBeNull();
  });

  it('says so when a search hit’s message is no longer in the conversation', async () => {
    renderApp({
      'app:getState': () => ok(appState({ phase: 'ready' })),
      'inbox:listConversations': () => ok(conversations),
      'inbox:getMessages': ({ conversationId }) => ok(messagesNewestFirst.filter((message) => message.conversationId === conversationId)),
      'inbox:search': () => ok([{ messageId: 99, conversationId: 7, personName: 'Mia Chen', sentAt: now - 4 * HOUR, snippet: '[gone]' }]),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Inbox' }));
    fireEvent.change(await screen.findByRole('searchbox', { name: 'Search messages' }), { target: { value: 'gone' } });
    fireEvent.click(within(await screen.findByRole('list', { name: 'Search results' })).getByRole('button', { name: /Mia Chen/ }));
    await waitFor(() => expect(document.querySelector('[data-target-missing]')).toBeTruthy());
    expect(document.querySelectorAll('[data-message-id]')).toHaveLength(3);
    expect(document.querySelector('[data-highlighted]')).toBeNull();
  });

  it('shows the honest empty state when there are no conversations', async () => {
    renderApp({ 'app:getState': () => ok(appState({ phase: 'ready' })) });
    fireEvent.click(await screen.findByRole('button', { name: 'Inbox' }));
    expect(await screen.findByText('No messages yet — connect an account or explore the demo')).toBeTruthy();
  });

  it('refetches when the main process says messages changed', async () => {
    const fake = await openInbox();
    const before = fake.callsTo('inbox:listConversations').length;
    fake.emit('store:changed', { what: ['messages'] });
    await waitFor(() => expect(fake.callsTo('inbox:listConversations').length).toBe(before + 1));
    fake.emit('store:changed', { what: ['insights'] });
    expect(fake.callsTo('inbox:listConversations').length).toBe(before + 1);
  });
});

describe('inbox helpers', () => {
  it('splits snippets into text and matches without interpreting markup', () => {
    expect(splitSnippet('a [b] c [<i>d</i>]')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c ', match: false },
      { text: '<i>d</i>', match: true },
    ]);
  });

  it('words the reply window in hours, minutes or closed', () => {
    expect(replyWindowText(1_000 + 5 * HOUR + 59 * 60_000, 1_000)).toBe('You can reply for another 5 h');
    expect(replyWindowText(1_000 + 40 * 60_000, 1_000)).toBe('You can reply for another 40 min');
    expect(replyWindowText(500, 1_000)).toBe('Reply window closed');
    expect(replyWindowText(null, 1_000)).toBe('Reply window closed');
  });
});
