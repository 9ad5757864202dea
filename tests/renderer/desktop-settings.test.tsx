// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appState, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(() => teardownApp());

const ready = () => ok(appState({ phase: 'ready' }));

describe('desktop settings and menu', () => {
  it('saves what closing the window does and launch at login', async () => {
    const fake = renderApp({ 'app:getState': ready });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const close = (await screen.findByLabelText('When the window is closed')) as HTMLSelectElement;
    expect(close.value).toBe('default');
    expect([...close.options].map((option) => option.text)).toEqual([
      'Keep syncing on Windows and macOS, quit on Linux',
      'Keep syncing in the tray / menu bar',
      'Quit Social Desk',
    ]);
    fireEvent.change(close, { target: { value: 'quit' } });
    await waitFor(() => expect(fake.callsTo('settings:update')).toContainEqual({ whenWindowCloses: 'quit' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Start when I log in/ }));
    await waitFor(() => expect(fake.callsTo('settings:update')).toContainEqual({ launchAtLogin: true }));
  });

  it('Help → Privacy and your data (app:show-view) opens the Privacy view', async () => {
    const fake = renderApp({ 'app:getState': ready });
    await screen.findByRole('button', { name: 'Settings' });
    expect(document.querySelector('[data-view="privacy"]')).toBeNull();
    fake.emit('app:show-view', { view: 'privacy' });
    await waitFor(() => expect(document.querySelector('[data-view="privacy"]')).not.toBeNull());
  });
});
