// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-preload/contract';
import { ErrorNotice } from '../../src-renderer/components/error-notice';
import { errorText } from '../../src-renderer/lib/error-text';
import { appState, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(() => {
  cleanup();
  teardownApp();
});

describe('error codes in plain words', () => {
  it('gives every contract error code its own plain sentence and a next step, never the code itself', () => {
    const titles = new Set<string>();
    for (const code of ERROR_CODES) {
      const text = errorText(code);
      expect(text.title.length, code).toBeGreaterThan(10);
      expect(text.next.length, code).toBeGreaterThan(10);
      expect(`${text.title} ${text.next}`, code).not.toContain(code);
      titles.add(text.title);
    }
    expect(titles.size).toBe(ERROR_CODES.length);
  });

  it('renders OFFLINE inline as words with the next step, keeping the technical message out of the text', () => {
    render(<ErrorNotice error={{ code: 'OFFLINE', message: 'getaddrinfo ENOTFOUND graph.facebook.com' }} />);
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain("You're offline.");
    expect(notice.textContent).toContain(
      "Everything here is from this computer; new data will arrive when you're back online.",
    );
    expect(notice.textContent).not.toContain('ENOTFOUND');
    expect(notice.getAttribute('data-error-code')).toBe('OFFLINE');
  });

  it('shows a failing view load inline, with the store status exposed for tests', async () => {
    renderApp({
      'app:getState': () => ok(appState({ phase: 'ready' })),
      'analytics:getOverview': () => ({ ok: false, error: { code: 'DISK_FULL', message: 'SQLITE_FULL' } }),
    });
    await waitFor(() =>
      expect(document.querySelector('[data-view="analytics"]')?.getAttribute('data-status')).toBe('error'),
      { timeout: 10_000 },
    );
    expect(screen.getByText('This computer is out of disk space.')).toBeTruthy();
    expect(screen.queryByText(/SQLITE_FULL/)).toBeNull();
  });

  it('says a wrong passphrase plainly on the locked screen, and unlocks with the right one', async () => {
    const fake = renderApp({
      'app:getState': () => ok(appState({ phase: 'locked' })),
      'vault:unlock': ({ passphrase }) =>
        passphrase === 'open sesame'
          ? ok(appState({ phase: 'ready' }))
          : { ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'decrypt failed' } },
    });
    const input = await screen.findByLabelText('Passphrase');
    expect(document.documentElement.dataset.appState).toBe('locked');
    fireEvent.change(input, { target: { value: 'guess' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText("That passphrase didn't open your data.")).toBeTruthy();
    expect(fake.callsTo('vault:unlock')).toEqual([{ passphrase: 'guess' }]);

    fireEvent.change(input, { target: { value: 'open sesame' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('ready'));
  });

  it('shows a start-up error screen when the state cannot be read', async () => {
    renderApp({ 'app:getState': () => ({ ok: false, error: { code: 'INTERNAL', message: 'boom' } }) });
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('error'));
    expect(screen.getByText('Something went wrong inside Social Desk.')).toBeTruthy();
  });
});
