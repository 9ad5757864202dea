// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appState, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

async function openPrivacy() {
  const fake = renderApp({
    'app:getState': () => ok(appState({ phase: 'ready' })),
    'privacy:listAudit': () => ok([{ id: 1, at: Date.UTC(2025, 0, 2), action: 'demo.loaded', category: 'sync', summary: 'Demo workspace loaded' }]),
    'privacy:wipe': () => ok({ removed: ['Encrypted database', 'Database key', 'Settings'], left: [], durationMs: 40 }),
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Privacy' }));
  await waitFor(() => expect(document.querySelector('[data-view="privacy"]')?.getAttribute('data-status')).toBe('ready'));
  return fake;
}

describe('privacy view and the one-click wipe', () => {
  it('marks the active navigation item and shows what is stored in plain words', async () => {
    await openPrivacy();
    expect(screen.getByRole('button', { name: 'Privacy' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: 'Analytics' }).getAttribute('aria-current')).toBeNull();
    expect(screen.getByText(/Locked with a key kept in this computer's keychain/)).toBeTruthy();
    expect(screen.getByText('/home/sam/.config/Social Desk')).toBeTruthy();
    const messages = document.querySelector('[data-count="messages"]');
    expect(messages?.textContent).toMatch(/Messages\s*1,234/);
    expect(document.querySelector('[data-action="demo.loaded"] .audit__summary')?.textContent).toBe('Demo workspace loaded');
  });

  it('needs the confirmation: Escape cancels, nothing is erased', async () => {
    const fake = await openPrivacy();
    fireEvent.click(screen.getByRole('button', { name: 'Erase everything on this computer' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Erase everything on this computer?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('privacy:wipe')).toHaveLength(0);
  });

  it('keeps Tab inside the dialog', async () => {
    await openPrivacy();
    fireEvent.click(screen.getByRole('button', { name: 'Erase everything on this computer' }));
    const dialog = screen.getByRole('alertdialog');
    const confirm = within(dialog).getByRole('button', { name: 'Yes, erase everything' });
    confirm.focus();
    fireEvent.keyDown(confirm, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
  });

  it('confirming calls privacy:wipe with {confirm: "WIPE"}, then the app returns to first run with the report', async () => {
    const fake = await openPrivacy();
    fireEvent.click(screen.getByRole('button', { name: 'Erase everything on this computer' }));
    fake.handle('app:getState', () => ok(appState()));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, erase everything' }));
    await waitFor(() => expect(fake.callsTo('privacy:wipe')).toEqual([{ confirm: 'WIPE' }]));
    fake.emit('app:state-changed', appState());
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('first-run'));
    const report = document.querySelector('[data-wipe-report]');
    expect(report?.textContent).toContain('Encrypted database');
    expect(report?.textContent).toContain('Database key');
  });

  it('a failed wipe is shown in plain words and the workspace stays', async () => {
    const fake = await openPrivacy();
    fake.handle('privacy:wipe', () => ({ ok: false, error: { code: 'BUSY', message: 'sync in progress' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Erase everything on this computer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, erase everything' }));
    expect(await screen.findByText('Social Desk is busy finishing another task.')).toBeTruthy();
    expect(document.documentElement.dataset.appState).toBe('ready');
  });
});
