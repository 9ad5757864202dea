// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appState, defaultSettings, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';
import { useAnalyticsStore } from '../../src-renderer/features/analytics/analytics-store';

afterEach(() => {
  teardownApp();
  delete document.documentElement.dataset.theme;
  localStorage.clear();
});

const ready = () => ok(appState({ phase: 'ready' }));

describe('shell', () => {
  it('has a skip link that moves focus to the content, and every view has its marker', async () => {
    renderApp({ 'app:getState': ready });
    const skip = await screen.findByRole('link', { name: 'Skip to content' });
    fireEvent.click(skip);
    expect(document.activeElement?.id).toBe('main-content');

    for (const [label, view] of [
      ['Inbox', 'inbox'],
      ['Accounts', 'accounts'],
      ['Privacy', 'privacy'],
      ['Settings', 'settings'],
      ['Analytics', 'analytics'],
    ] as const) {
      fireEvent.click(screen.getByRole('button', { name: label }));
      await waitFor(() => expect(document.querySelector(`[data-view="${view}"]`)?.getAttribute('data-status')).toBe('ready'), { timeout: 10_000 });
      expect(screen.getByRole('button', { name: label }).getAttribute('aria-current')).toBe('page');
    }
  });

  it('opens each screen at its top, not at the previous screen’s scroll position', async () => {
    renderApp({ 'app:getState': ready });
    await screen.findByRole('navigation', { name: 'Main' });
    const main = screen.getByRole('main');
    const scrolledTo: unknown[] = [];
    main.scrollTo = ((options: unknown) => scrolledTo.push(options)) as typeof main.scrollTo;
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await waitFor(() => expect(scrolledTo).toContainEqual({ top: 0 }));
  });

  it('shows sync progress once, in the navigation’s sync indicator, with no second bar above the view', async () => {
    const fake = renderApp({ 'app:getState': ready });
    await screen.findByRole('navigation', { name: 'Main' });
    fake.emit('sync:status', { online: true, accounts: [{ accountId: 1, running: true, pausedUntil: null, lastRun: null }], budget: [], backgroundFailure: null });
    fake.emit('sync:progress', { accountId: 1, job: 'posts', done: 2, total: 8 });
    const bar = await waitFor(() => {
      const element = document.querySelector<HTMLProgressElement>('[data-sync-state="running"] progress[value]');
      if (!element) throw new Error('no progress in the indicator yet');
      return element;
    });
    expect(bar.value).toBe(2);
    expect(bar.max).toBe(8);
    expect(bar.closest('nav')).toBeTruthy();
    expect(document.querySelectorAll('progress')).toHaveLength(1);
  });

  it('forgets what it showed when the app locks, and asks for the passphrase', async () => {
    const fake = renderApp({ 'app:getState': ready });
    await waitFor(() => expect(document.querySelector('[data-view="analytics"]')?.getAttribute('data-status')).toBe('ready'), { timeout: 10_000 });
    fake.emit('app:state-changed', appState({ phase: 'locked' }));
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('locked'));
    expect(screen.getByLabelText('Passphrase')).toBeTruthy();
    expect(useAnalyticsStore.getState()).toMatchObject({ data: null, status: 'idle' });

    const before = fake.callsTo('analytics:getOverview').length;
    fake.emit('app:state-changed', appState({ phase: 'ready' }));
    await waitFor(() => expect(fake.callsTo('analytics:getOverview').length).toBe(before + 1));
  });
});

describe('settings', () => {
  it('loads on entering the workspace and applies the theme to <html data-theme>', async () => {
    const fake = renderApp({
      'app:getState': ready,
      'settings:get': () => ok({ ...defaultSettings, theme: 'dark' }),
    });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('radio', { name: 'Light' }));
    await waitFor(() => expect(fake.callsTo('settings:update')).toEqual([{ theme: 'light' }]));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
  });

  it('saves the sync interval and auto-lock through settings:update; retention is not changed here', async () => {
    const fake = renderApp({ 'app:getState': ready });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    fireEvent.change(await screen.findByLabelText('Lock Social Desk'), { target: { value: '15' } });
    await waitFor(() => expect(fake.callsTo('settings:update')).toContainEqual({ autoLockMinutes: 15 }));
    fireEvent.change(screen.getByLabelText('Fetch new data from Meta'), { target: { value: '180' } });
    await waitFor(() => expect(fake.callsTo('settings:update')).toContainEqual({ syncIntervalMinutes: 180 }));
    expect(screen.queryByRole('checkbox', { name: /Text-only messages/ })).toBeNull();
    expect(screen.getByText(/are in Privacy, where you see what would be removed/)).toBeTruthy();
  });

  it('turns inbox notifications off and says they carry counts only, never names or text', async () => {
    const fake = renderApp({ 'app:getState': ready });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const toggle = await screen.findByRole('checkbox', { name: /Notify me of new messages and comments/ });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    expect(document.querySelector('[data-notify-privacy]')?.textContent).toMatch(/never a name or message text, so nothing private shows\s+on a locked screen/);
    fireEvent.click(toggle);
    await waitFor(() => expect(fake.callsTo('settings:update')).toContainEqual({ notifyNewMessages: false }));
  });
});
