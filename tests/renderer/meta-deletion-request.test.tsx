// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appState, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

const NOTE =
  "Meta's data-deletion callback: this Facebook user removed the app and asked for their data to be deleted. This Facebook user connected: Maple & Moss Studio (Facebook Page). Carrying the request out also removes those accounts' access tokens (the accounts stay, to be reconnected by someone else).";

describe('Privacy → Deletion requests: a request from Meta\'s callback', () => {
  it('shows, while open, the whole note naming the logins whose tokens carrying it out removes; once done, no note and no id', async () => {
    renderApp({
      'app:getState': () => ok(appState({ phase: 'ready' })),
      'privacy:listRequests': () =>
        ok([
          { code: 'MD-7K3M-Q9XD-2HRT-B4CD', receivedAt: 1, source: 'meta_callback', requester: '10223344', status: 'open', doneAt: null, receiptCode: null, note: NOTE, statusUrl: null },
          { code: 'MD-AAAA-BBBB-CCCC-DDDD', receivedAt: 1, source: 'meta_callback', requester: null, status: 'done', doneAt: 2, receiptCode: 'FG-7K3M-Q9XD-2H', note: NOTE, statusUrl: null },
        ]),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Privacy' }));
    await waitFor(() => expect(document.querySelector('[data-request="MD-7K3M-Q9XD-2HRT-B4CD"]')).not.toBeNull());
    const open = document.querySelector('[data-request="MD-7K3M-Q9XD-2HRT-B4CD"]') as HTMLElement;
    expect(open.textContent).toContain("Meta's data-deletion callback");
    expect(open.querySelector('[data-request-note]')?.textContent).toBe(NOTE);
    const done = document.querySelector('[data-request="MD-AAAA-BBBB-CCCC-DDDD"]') as HTMLElement;
    expect(done.querySelector('[data-request-note]')).toBeNull();
    expect(done.textContent).not.toContain('Maple & Moss');
  });
});
