// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxItem, SavedReply, ThreadOutbox } from '../../src-preload/contract';
import { setApiForTests } from '../../src-renderer/api';
import { CommentActions, type CommentForActions } from '../../src-renderer/features/comments/comment-actions';
import { useSavedRepliesStore } from '../../src-renderer/features/inbox/saved-replies';
import { idle } from '../../src-renderer/lib/loadable';
import { ReplyComposer } from '../../src-renderer/features/inbox/reply-composer';
import { ReplyWindow } from '../../src-renderer/features/inbox/reply-window';
import { initOutbox, resetOutboxStore } from '../../src-renderer/features/outbox/outbox-store';
import { createFakeApi, ok, type Handlers } from './helpers/fake-api';
import { outboxItem } from './helpers/outbox-fixtures';

const HOUR = 3_600_000;
const now = Date.now();

afterEach(() => {
  cleanup();
  resetOutboxStore();
  setApiForTests(null);
});

const item = (overrides: Partial<OutboxItem>): OutboxItem => outboxItem(now, overrides);

function thread(lastIncomingAt: number | null, items: OutboxItem[] = [], humanAgentAllowed = false, platform: ThreadOutbox['platform'] = 'instagram'): ThreadOutbox {
  return { accountId: 1, platform, window: { state: 'open', closesAt: null, lastIncomingAt, humanAgentAllowed, refusal: null }, items };
}

function mount(handlers: Handlers, ui = <ReplyComposer conversationId={7} />) {
  const fake = createFakeApi(handlers);
  setApiForTests(fake.api);
  render(ui);
  return fake;
}

describe('reply composer', () => {
  it('counts the window down and sends on Enter (not Shift+Enter)', async () => {
    let items: OutboxItem[] = [];
    const fake = mount({
      'outbox:forThread': () => ok(thread(now - 2 * HOUR, items)),
      'outbox:send': ({ text }) => {
        items = [item({ id: 9, text, state: 'sent' })];
        return ok(items[0]!);
      },
    });
    expect(await screen.findByText(/You can reply for another 21 h 5\d min/)).toBeTruthy();
    const box = screen.getByRole('textbox', { name: 'Reply' });
    fireEvent.change(box, { target: { value: 'On its way 📦' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(fake.callsTo('outbox:send')).toEqual([]);
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(fake.callsTo('outbox:send')).toEqual([{ conversationId: 7, text: 'On its way 📦' }]));
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));
    // Sent replies show in the thread itself; the outbox list keeps only what is not sent yet.
    expect(screen.queryByRole('list', { name: 'Your replies in the outbox' })).toBeNull();
  });

  it('counts down live: the text changes as the clock moves, and the box closes when the window does', async () => {
    const start = Date.UTC(2026, 11, 1, 12, 0, 0);
    vi.useFakeTimers({ now: start, shouldAdvanceTime: true });
    try {
      mount({ 'outbox:forThread': () => ok(thread(start - 2 * HOUR)) });
      expect(await screen.findByText('You can reply for another 22 h 0 min')).toBeTruthy();
      await act(async () => {
        vi.advanceTimersByTime(16 * 60_000);
      });
      expect(screen.getByText('You can reply for another 21 h 44 min')).toBeTruthy();
      await act(async () => {
        vi.advanceTimersByTime(22 * HOUR);
      });
      expect(screen.getByText('You can’t reply in this conversation now')).toBeTruthy();
      expect((screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).disabled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a reply longer than Meta allows before sending, saying why: Messenger 2,000 characters, Instagram 1,000 bytes', async () => {
    const fake = mount({ 'outbox:forThread': () => ok(thread(now - HOUR, [], false, 'messenger')) });
    const box = await screen.findByRole('textbox', { name: 'Reply' });
    await waitFor(() => expect((box as HTMLTextAreaElement).disabled).toBe(false));
    fireEvent.change(box, { target: { value: '😀'.repeat(2000) } });
    // 2,000 emoji are 2,000 characters on Messenger: still allowed.
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(box, { target: { value: 'a'.repeat(2001) } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Messenger accepts at most 2,000 characters, and this is 2,001/);
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(fake.callsTo('outbox:send')).toEqual([]);
    cleanup();
    resetOutboxStore();
    const ig = mount({ 'outbox:forThread': () => ok(thread(now - HOUR)) });
    const igBox = await screen.findByRole('textbox', { name: 'Reply' });
    await waitFor(() => expect((igBox as HTMLTextAreaElement).disabled).toBe(false));
    fireEvent.change(igBox, { target: { value: '😀'.repeat(251) } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Instagram accepts at most 1,000 bytes .*this is 1,004/);
    fireEvent.keyDown(igBox, { key: 'Enter' });
    expect(ig.callsTo('outbox:send')).toEqual([]);
  });

  it('explains why it cannot send after 24 h without Human Agent, and offers Human Agent where allowed', async () => {
    mount({ 'outbox:forThread': () => ok(thread(now - 30 * HOUR)) });
    expect(await screen.findByText(/Human Agent feature for this account/)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).disabled).toBe(true);
    cleanup();
    resetOutboxStore();
    mount({ 'outbox:forThread': () => ok(thread(now - 30 * HOUR, [], true)) });
    expect(await screen.findByText(/Human Agent reply: 5 d 17 h left/)).toBeTruthy();
  });

  it('turns Human Agent replies on for the account only after saying what Meta requires, then offers the 7-day reply', async () => {
    let allowed = false;
    const fake = mount({
      'outbox:forThread': () => ok(thread(now - 30 * HOUR, [], allowed)),
      'outbox:setHumanAgent': (args) => {
        allowed = args.allowed;
        return ok(null);
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Meta approved Human Agent for this account…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/Only if Meta approved the Human Agent feature/)).toBeTruthy();
    expect(fake.callsTo('outbox:setHumanAgent')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Turn on' }));
    await waitFor(() => expect(fake.callsTo('outbox:setHumanAgent')).toEqual([{ accountId: 1, allowed: true }]));
    // Main reports the change; the composer re-reads the window.
    const stop = initOutbox();
    fake.emit('store:changed', { what: ['outbox', 'accounts'] });
    expect(await screen.findByText(/Human Agent reply: 5 d 17 h left/)).toBeTruthy();
    stop();
    fireEvent.click(screen.getByRole('button', { name: 'Turn off Human Agent replies for this account' }));
    await waitFor(() => expect(fake.callsTo('outbox:setHumanAgent').at(-1)).toEqual({ accountId: 1, allowed: false }));
    cleanup();
    resetOutboxStore();
    // Inside the 24 hours, or past 7 days, the tag changes nothing: no setting shown.
    mount({ 'outbox:forThread': () => ok(thread(now - HOUR)) });
    await screen.findByText(/You can reply for another/);
    expect(screen.queryByRole('button', { name: /Human Agent/ })).toBeNull();
  });

  it('the thread header counts the Human Agent time in days and hours, as the reply box does', () => {
    render(<ReplyWindow conversation={{ lastIncomingAt: now - 30 * HOUR, replyWindowEndsAt: null, humanAgentAllowed: true }} />);
    expect(screen.getByText(/a human agent may still answer for another 5 d 1[78] h/)).toBeTruthy();
  });

  it('shows a waiting reply with its reason; a failed one can be retried or discarded after confirmation', async () => {
    const fake = mount({
      'outbox:forThread': () =>
        ok(
          thread(now - HOUR, [
            item({ id: 2, text: 'Queued while offline', state: 'queued', reasonCode: 'offline', reason: 'No connection to Meta.', nextAttemptAt: now + 90_000 }),
            item({ id: 3, text: 'Refused one', state: 'failed', reasonCode: 'person-unavailable', reason: 'This person isn’t available right now.' }),
          ]),
        ),
    });
    expect(await screen.findByText(/Waiting — trying again in 1 min/)).toBeTruthy();
    expect(screen.getByText('No connection to Meta.')).toBeTruthy();
    expect(screen.getByText('This person isn’t available right now.')).toBeTruthy();
    const failed = screen.getByText('Refused one').closest('li')!;
    fireEvent.click(within(failed).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(fake.callsTo('outbox:retry')).toEqual([{ id: 3 }]));
    fireEvent.click(within(failed).getByRole('button', { name: 'Discard' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Refused one')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(fake.callsTo('outbox:discard')).toEqual([{ id: 3, confirm: 'DISCARD' }]));
  });

  it('shows a refusal from main in its own words and keeps the draft', async () => {
    mount({
      'outbox:forThread': () => ok(thread(now - HOUR)),
      'outbox:send': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'The reply window has closed.' } }),
    });
    const box = await screen.findByRole('textbox', { name: 'Reply' });
    await waitFor(() => expect((box as HTMLTextAreaElement).disabled).toBe(false));
    fireEvent.change(box, { target: { value: 'Too late' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The reply window has closed.');
    expect((box as HTMLTextAreaElement).value).toBe('Too late');
  });

  it('inserts an emoji from the picker', async () => {
    mount({ 'outbox:forThread': () => ok(thread(now - HOUR)) });
    const box = await screen.findByRole('textbox', { name: 'Reply' });
    await waitFor(() => expect((box as HTMLTextAreaElement).disabled).toBe(false));
    fireEvent.change(box, { target: { value: 'Thanks ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert emoji' }));
    fireEvent.click(screen.getByRole('button', { name: 'Insert 🌿' }));
    expect((box as HTMLTextAreaElement).value).toBe('Thanks 🌿');
  });
  it('inserts a saved reply from the list, or by its /shortcut and Tab', async () => {
    useSavedRepliesStore.setState(idle<SavedReply[]>());
    mount({
      'outbox:forThread': () => ok(thread(now - HOUR)),
      'savedReplies:list': () => ok([{ id: 3, title: 'Thanks', body: 'Thank you for your order!', shortcut: 'thanks' }]),
    });
    const box = (await screen.findByRole('textbox', { name: 'Reply' })) as HTMLTextAreaElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    const picker = await screen.findByRole('combobox', { name: 'Insert a saved reply' });
    fireEvent.change(box, { target: { value: 'Hi Mia!' } });
    fireEvent.change(picker, { target: { value: '3' } });
    expect(box.value).toBe('Hi Mia! Thank you for your order!');
    fireEvent.change(box, { target: { value: 'Hi /thanks' } });
    fireEvent.keyDown(box, { key: 'Tab' });
    expect(box.value).toBe('Hi Thank you for your order!');
    fireEvent.change(box, { target: { value: 'Hi /unknown' } });
    fireEvent.keyDown(box, { key: 'Tab' });
    expect(box.value).toBe('Hi /unknown');
    useSavedRepliesStore.setState(idle<SavedReply[]>());
  });
});

describe('comment actions', () => {
  const comment: CommentForActions = { id: 44, network: 'instagram', author: 'mia.c', text: 'Do you ship to Canada?', createdAt: now - 2 * HOUR, hidden: false, isOwn: false, privateReplied: false };

  it('deletes only after a confirmation that shows the comment', async () => {
    const fake = mount({ 'comments:act': () => ok(item({ kind: 'comment_delete', commentId: 44, text: null })) }, <CommentActions comment={comment} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/Do you ship to Canada\?/)).toBeTruthy();
    expect(fake.callsTo('comments:act')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete comment' }));
    await waitFor(() => expect(fake.callsTo('comments:act')).toEqual([{ commentId: 44, action: 'delete', confirm: 'DELETE' }]));
    expect(await screen.findByText(/^Sent/)).toBeTruthy();
  });

  it('says how many replies go with a deleted comment, and nothing of replies where it has none', async () => {
    mount({}, <CommentActions comment={{ ...comment, replyCount: 3 }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('removed on Instagram for everyone, with its 3 replies, and from this computer.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    cleanup();
    mount({}, <CommentActions comment={{ ...comment, replyCount: 0 }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('removed on Instagram for everyone and from this computer.');
  });

  it('hides, replies publicly and privately', async () => {
    const fake = mount({ 'comments:act': ({ action }) => ok(item({ kind: action === 'hide' ? 'comment_hide' : 'comment_reply', commentId: 44 })) }, <CommentActions comment={comment} />);
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(fake.callsTo('comments:act')[0]).toEqual({ commentId: 44, action: 'hide' }));
    // The buttons wait while an action is in flight; its result ends the wait.
    await screen.findByText(/^Sent/);
    fireEvent.click(screen.getByRole('button', { name: 'Private reply' }));
    const field = screen.getByRole('textbox', { name: 'Private message to mia.c' });
    fireEvent.change(field, { target: { value: 'Yes! DMing you the rates' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(fake.callsTo('comments:act')[1]).toEqual({ commentId: 44, action: 'private-reply', text: 'Yes! DMing you the rates' }));
  });

  it('offers no second private reply: Meta allows one per comment, and the button says it was sent', async () => {
    const fake = mount({ 'comments:act': () => ok(item({ kind: 'private_reply', commentId: 44 })) }, <CommentActions comment={comment} />);
    fireEvent.click(screen.getByRole('button', { name: 'Private reply' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Private message to mia.c' }), { target: { value: 'DMing you' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send privately' }));
    const sent = await screen.findByRole('button', { name: 'Private reply sent' });
    expect((sent as HTMLButtonElement).disabled).toBe(true);
    expect(sent.getAttribute('title')).toMatch(/one private reply per comment/);
    expect(fake.callsTo('comments:act')).toHaveLength(1);
    cleanup();
    mount({}, <CommentActions comment={{ ...comment, privateReplied: true }} />);
    expect((screen.getByRole('button', { name: 'Private reply sent' }) as HTMLButtonElement).disabled).toBe(true);
    // Said in visible text, not only in a tooltip.
    expect(screen.getByText('Private reply sent: Meta allows one per comment.')).toBeTruthy();
  });

  it('offers no private reply after 7 days and no reply to a hidden comment', () => {
    mount({}, <CommentActions comment={{ ...comment, createdAt: now - 8 * 24 * HOUR, hidden: true }} />);
    const privateReply = screen.getByRole('button', { name: 'Private reply' }) as HTMLButtonElement;
    expect(privateReply.disabled).toBe(true);
    expect(screen.getByText('No private reply: Meta allows one only within 7 days of the comment.')).toBeTruthy();
    expect(privateReply.getAttribute('aria-describedby')).toBe(screen.getByText(/No private reply/).id);
    expect((screen.getByRole('button', { name: 'Reply' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Unhide' })).toBeTruthy();
  });
});
