// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appState, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

const recovery = appState({
  phase: 'key-recovery',
  keyProtection: { backend: 'os-keychain', osProtectionAvailable: true, osBackendName: 'keychain' },
  recoveryReason: 'The keychain entry for Social Desk is missing.',
});

async function renderRecovery() {
  const fake = renderApp({ 'app:getState': () => ok(recovery) });
  await screen.findByRole('heading', { name: "Your local data can't be opened" });
  return fake;
}

describe('key recovery', () => {
  it('explains the reason and offers try again first, the data folder, quit and, last, start fresh', async () => {
    await renderRecovery();
    expect(document.documentElement.dataset.appState).toBe('key-recovery');
    expect(screen.getByText('The keychain entry for Social Desk is missing.')).toBeTruthy();
    expect(screen.getByText(/can no longer be opened/)).toBeTruthy();
    const names = screen.getAllByRole('button').map((button) => button.textContent);
    expect(names).toEqual(['Try again', 'Show data folder', 'Quit', 'Start fresh (erase local data)']);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByLabelText(/passphrase/i)).toBeNull();
  });

  it('"Try again" reopens (the keychain was only locked) and lands where main says, erasing nothing', async () => {
    const fake = await renderRecovery();
    fake.handle('app:retryOpen', () => ok(appState({ phase: 'locked', keyProtection: { backend: 'passphrase', osProtectionAvailable: false, osBackendName: null } })));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('locked'));
    expect(fake.callsTo('app:retryOpen')).toHaveLength(1);
    expect(fake.callsTo('privacy:wipe')).toHaveLength(0);
  });

  it('"Show data folder" asks main to show it; a failure is shown, not swallowed', async () => {
    const fake = await renderRecovery();
    fake.handle('app:showDataFolder', () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'The data folder could not be shown' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Show data folder' }));
    await waitFor(() => expect(fake.callsTo('app:showDataFolder')).toHaveLength(1));
    expect((await screen.findByRole('alert')).getAttribute('data-error-code')).toBe('NOT_FOUND');
  });

  it('"Quit" calls app:quit', async () => {
    const fake = await renderRecovery();
    fireEvent.click(screen.getByRole('button', { name: 'Quit' }));
    await waitFor(() => expect(fake.callsTo('app:quit')).toHaveLength(1));
    expect(fake.callsTo('privacy:wipe')).toHaveLength(0);
  });

  it('"Start fresh" asks once, then wipes with {confirm: "WIPE"} and returns to first run', async () => {
    const fake = await renderRecovery();
    fireEvent.click(screen.getByRole('button', { name: 'Start fresh (erase local data)' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Erase the local data and start fresh?' });
    expect(fake.callsTo('privacy:wipe')).toHaveLength(0);

    fake.handle('app:getState', () => ok(appState()));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Erase and start fresh' }));
    await waitFor(() => expect(fake.callsTo('privacy:wipe')).toEqual([{ confirm: 'WIPE' }]));
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('first-run'));
    expect(screen.getByRole('heading', { name: 'Welcome to Social Desk' })).toBeTruthy();
  });

  it('cancelling the confirmation erases nothing', async () => {
    const fake = await renderRecovery();
    fireEvent.click(screen.getByRole('button', { name: 'Start fresh (erase local data)' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('privacy:wipe')).toHaveLength(0);
  });
});
