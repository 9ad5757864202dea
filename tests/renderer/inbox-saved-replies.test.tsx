// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SavedReply } from '../../src-preload/contract';
import { expandShortcut, findSavedReply, loadSavedReplies } from '../../src-renderer/features/inbox/saved-replies';
import { navigate } from '../../src-renderer/features/shell/nav-store';
import { appState, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

function savedRepliesBackend() {
  let replies: SavedReply[] = [{ id: 1, title: 'Thanks', body: 'Thank you for your order!', shortcut: 'thanks' }];
  return {
    'app:getState': () => ok(appState({ phase: 'ready' })),
    'savedReplies:list': () => ok(replies),
    'savedReplies:save': (reply: { id?: number; title: string; body: string; shortcut: string | null }) => {
      if (reply.shortcut === 'thanks' && reply.id !== 1) return { ok: false as const, error: { code: 'CONFLICT' as const, message: 'Another saved reply already uses the shortcut /thanks.' } };
      const saved = { id: reply.id ?? replies.length + 1, title: reply.title, body: reply.body, shortcut: reply.shortcut };
      replies = [...replies.filter((r) => r.id !== saved.id), saved];
      return ok(saved);
    },
    'savedReplies:remove': ({ id }: { id: number }) => {
      replies = replies.filter((r) => r.id !== id);
      return ok(null);
    },
  };
}

describe('saved replies', () => {
  it('are added, refused on a duplicate shortcut and deleted after confirmation in Settings', async () => {
    const fake = renderApp(savedRepliesBackend());
    await screen.findByRole('button', { name: /^Inbox/ });
    navigate('settings');
    const section = await waitFor(() => document.querySelector<HTMLElement>('[data-section="saved-replies"]') ?? Promise.reject(new Error('not yet')));
    expect(await within(section).findByText('Thank you for your order!')).toBeTruthy();

    fireEvent.change(within(section).getByLabelText('Title'), { target: { value: 'Opening hours' } });
    fireEvent.change(within(section).getByLabelText(/Shortcut/), { target: { value: 'thanks' } });
    fireEvent.change(within(section).getByLabelText('Reply text'), { target: { value: 'We open at 9.' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Add saved reply' }));
    expect(await within(section).findByRole('alert')).toBeTruthy();
    expect((within(section).getByLabelText('Reply text') as HTMLTextAreaElement).value, 'nothing typed is lost').toBe('We open at 9.');

    fireEvent.change(within(section).getByLabelText(/Shortcut/), { target: { value: 'hours' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Add saved reply' }));
    expect(await within(section).findByText('We open at 9.')).toBeTruthy();
    expect(fake.callsTo('savedReplies:save').at(-1)).toEqual({ title: 'Opening hours', body: 'We open at 9.', shortcut: 'hours' });

    // Each row's buttons name the reply they act on, so a list of many is not a column of "Delete".
    fireEvent.click(within(section).getByRole('button', { name: 'Delete saved reply Thanks' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Thanks');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete saved reply' }));
    await waitFor(() => expect(within(section).queryByText('Thank you for your order!')).toBeNull());
    expect(fake.callsTo('savedReplies:remove')).toEqual([{ id: 1 }]);
  });

  it('expand a trailing /shortcut for the composer', async () => {
    renderApp(savedRepliesBackend());
    await loadSavedReplies();
    expect(findSavedReply('/THANKS')?.id).toBe(1);
    expect(expandShortcut('Hi Mia! /thanks')).toBe('Hi Mia! Thank you for your order!');
    expect(expandShortcut('/thanks')).toBe('Thank you for your order!');
    expect(expandShortcut('see /unknown')).toBeNull();
    expect(expandShortcut('path/thanks')).toBeNull();
  });
});
