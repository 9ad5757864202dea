// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreProblem, StoreProblemKind } from '../../src-preload/contract';
import { BUSY_RETRY_MS } from '../../src-renderer/features/store-problem/store-problem-text';
import { appState, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(() => {
  vi.useRealTimers();
  teardownApp();
});

function problem(kind: StoreProblemKind, extra: Partial<StoreProblem> = {}): StoreProblem {
  return { kind, detail: `cause of ${kind}`, dataDir: '/home/ana/.config/Social Desk/data', left: [], ...extra };
}

const problemState = (p: StoreProblem) =>
  appState({ phase: 'store-problem', keyProtection: { backend: 'os-keychain', osProtectionAvailable: true, osBackendName: 'keychain' }, storeProblem: p });

async function renderProblem(p: StoreProblem) {
  const fake = renderApp({ 'app:getState': () => ok(problemState(p)) });
  await waitFor(() => expect(document.documentElement.dataset.appState).toBe('store-problem'));
  return fake;
}

const buttons = () => screen.getAllByRole('button').map((b) => b.textContent);

describe('store problem screen', () => {
  it.each([
    ['busy', 'Social Desk is already open', ['Try again', 'Quit']],
    ['disk-full', 'The disk is full', ['Try again', 'Show data folder', 'Quit']],
    ['read-only', "Social Desk can't write to its data folder", ['Try again', 'Show data folder', 'Quit']],
    ['damaged', 'The local database is damaged', ['Keep a copy and start fresh', 'Show data folder', 'Quit']],
    ['newer-version', 'This data needs a newer Social Desk', ['Show data folder', 'Quit']],
    ['unreadable', "Your data couldn't be opened", ['Try again', 'Show data folder', 'Quit']],
  ] as const)('%s: names the cause, shows the data folder, and never offers to erase', async (kind, title, choices) => {
    await renderProblem(problem(kind));
    expect(screen.getByRole('heading', { name: title })).toBeTruthy();
    expect(screen.getByText(`cause of ${kind}`)).toBeTruthy();
    expect(screen.getByText('/home/ana/.config/Social Desk/data')).toBeTruthy();
    expect(buttons()).toEqual(choices);
    expect(document.body.textContent).not.toMatch(/erase/i);
  });

  it('busy: tries again by itself and opens once the other Social Desk is gone', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const fake = await renderProblem(problem('busy'));
    expect(screen.getByText(/Another Social Desk/)).toBeTruthy();
    fake.handle('app:retryOpen', () => ok(problemState(problem('busy'))));
    await act(async () => vi.advanceTimersByTime(BUSY_RETRY_MS));
    await waitFor(() => expect(fake.callsTo('app:retryOpen')).toHaveLength(1));
    fake.handle('app:retryOpen', () => ok(appState({ phase: 'locked' })));
    await act(async () => vi.advanceTimersByTime(BUSY_RETRY_MS));
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('locked'));
    expect(fake.callsTo('privacy:wipe')).toHaveLength(0);
  });

  it('damaged: "Keep a copy and start fresh" asks first, moves the file aside (no wipe) and says where the copy is', async () => {
    const fake = await renderProblem(problem('damaged', { detail: 'The local database file is empty (0 bytes).' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep a copy and start fresh' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Keep a copy and start fresh?' });
    expect(dialog.textContent).toMatch(/Nothing is erased/);
    expect(fake.callsTo('store:setAsideAndStartFresh')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep a copy and start fresh' }));
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('first-run'));
    expect(fake.callsTo('store:setAsideAndStartFresh')).toEqual([{ confirm: 'SET_ASIDE' }]);
    expect(fake.callsTo('privacy:wipe')).toHaveLength(0);
    expect(screen.getByText('/data/set-aside-2025-03-04')).toBeTruthy();
  });

  it('wipe incomplete: lists what is left with its cause and erases again only after asking', async () => {
    const left = ['social-desk.db — Permission denied or read-only (EROFS)'];
    const fake = await renderProblem(problem('wipe-incomplete', { left }));
    expect(screen.getByText(left[0]!)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Erase what is left' }));
    expect(fake.callsTo('privacy:wipe')).toHaveLength(0);
    fake.handle('app:getState', () => ok(appState()));
    fireEvent.click(within(screen.getByRole('alertdialog', { name: 'Erase what is left?' })).getByRole('button', { name: 'Erase what is left' }));
    await waitFor(() => expect(fake.callsTo('privacy:wipe')).toEqual([{ confirm: 'WIPE' }]));
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('first-run'));
  });

  it('hostile text in the cause renders inert', async () => {
    await renderProblem(problem('unreadable', { detail: '<img src=x onerror="window.__pwned=1">' }));
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror="window.__pwned=1">')).toBeTruthy();
  });
});
