// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appState, ok, relayStatus } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

function section(): HTMLElement {
  const legend = screen.getByText('Relay', { selector: 'legend' });
  return legend.closest('fieldset') as HTMLElement;
}

async function openSettings(extra = {}) {
  const fake = renderApp({ 'app:getState': () => ok(appState({ phase: 'ready' })), ...extra });
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  await waitFor(() => expect(section().dataset.relayConnection).toBe('not-paired'));
  return fake;
}

describe('Settings → Relay', () => {
  it('pairs with the address and code typed, then follows the live status from relay:status events', async () => {
    const fake = await openSettings();
    const pair = within(section()).getByRole('button', { name: 'Pair with relay' });
    expect((pair as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(section()).getByLabelText('Relay address'), { target: { value: ' https://relay.bluemug.example ' } });
    fireEvent.change(within(section()).getByLabelText('Pairing code'), { target: { value: 'K7QF-2MXD-9RTA' } });
    fireEvent.click(pair);
    await waitFor(() => expect(section().dataset.relayConnection).toBe('connecting'));
    expect(fake.callsTo('relay:pair')).toEqual([{ url: 'https://relay.bluemug.example', code: 'K7QF-2MXD-9RTA' }]);

    const now = Date.now();
    act(() =>
      fake.emit('relay:status', relayStatus({ connection: 'connected', relayUrl: 'https://relay.bluemug.example', deviceId: 'dev_1', pairedAt: now, eventsReceived: 3, lastEventAt: now, lastLagMs: 120, messagesRecoveredBySync: 2 })),
    );
    await waitFor(() => expect(section().dataset.relayConnection).toBe('connected'));
    expect(section().textContent).toContain('Live');
    expect(section().textContent).toContain('Last event just now, 120 ms after the relay got it');
    expect(section().textContent).toMatch(/Messages recovered by sync\s*2/);
    // The sync indicator shows the relay too.
    expect(document.querySelector('.relay-line')?.textContent).toContain('Relay: Live');
    // Behind a proxy that blocks streams the app long-polls, and says so.
    act(() => fake.emit('relay:status', relayStatus({ connection: 'connected', relayUrl: 'https://relay.bluemug.example', deviceId: 'dev_1', pairedAt: now, transport: 'long-poll' })));
    await waitFor(() => expect(document.querySelector('.relay-line')?.textContent).toContain('Relay: Live (long polling)'));
  });

  it('says why pairing failed, in plain words, and keeps what was typed', async () => {
    await openSettings({ 'relay:pair': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'The relay refused that pairing code (unknown, already used or expired).' } }) });
    fireEvent.change(within(section()).getByLabelText('Relay address'), { target: { value: 'https://relay.example' } });
    fireEvent.change(within(section()).getByLabelText('Pairing code'), { target: { value: 'AAAA-AAAA-AAAA' } });
    fireEvent.click(within(section()).getByRole('button', { name: 'Pair with relay' }));
    await waitFor(() => expect(section().textContent).toContain('refused that pairing code'));
    expect((within(section()).getByLabelText('Pairing code') as HTMLInputElement).value).toBe('AAAA-AAAA-AAAA');
  });

  it('asks before unpairing, and renders hostile text from the relay inert', async () => {
    const paired = relayStatus({ connection: 'offline', relayUrl: 'https://relay.example', deviceId: 'dev_9', pairedAt: 1, lastError: '<img src=x onerror="window.hacked=1">' });
    const fake = renderApp({ 'app:getState': () => ok(appState({ phase: 'ready' })), 'relay:getStatus': () => ok(paired) });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    await waitFor(() => expect(section().dataset.relayConnection).toBe('offline'));
    expect(section().querySelector('img')).toBeNull();
    expect(section().textContent).toContain('<img src=x');
    fireEvent.click(within(section()).getByRole('button', { name: 'Unpair this computer…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('devices revoke dev_9');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('relay:unpair')).toEqual([]);
    fireEvent.click(within(section()).getByRole('button', { name: 'Unpair this computer…' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Unpair' }));
    await waitFor(() => expect(section().dataset.relayConnection).toBe('not-paired'));
    expect(fake.callsTo('relay:unpair')).toEqual([{ confirm: 'UNPAIR' }]);
  });
});
