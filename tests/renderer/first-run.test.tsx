// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appState, deferred, ok, type Handlers } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';
import type { DemoSummary, Result } from '../../src-preload/contract';

afterEach(teardownApp);

const noKeychain = appState({
  keyProtection: { backend: 'none', osProtectionAvailable: false, osBackendName: 'basic_text' },
});

async function openKeyStep(handlers: Handlers) {
  const fake = renderApp(handlers);
  fireEvent.click(await screen.findByRole('button', { name: /Explore the demo workspace/ }));
  return fake;
}

describe('first run', () => {
  it('marks the document with the phase once the state arrives', async () => {
    renderApp();
    await screen.findByRole('heading', { name: 'Welcome to Social Desk' });
    expect(document.documentElement.dataset.appState).toBe('first-run');
  });

  it('explains the keychain when the computer has one, and creates the vault with it', async () => {
    const fake = await openKeyStep({});
    const step = await screen.findByText(/Your data is locked with a key kept in this computer's keychain/);
    expect(step.textContent).toContain('(GNOME Keyring)');
    expect(screen.queryByLabelText(/Passphrase/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Use the keychain and continue' }));
    await waitFor(() => expect(fake.callsTo('vault:create')).toEqual([{ mode: 'os-keychain' }]));
    await waitFor(() => expect(fake.callsTo('demo:load')).toHaveLength(1));
  });

  it('asks for a passphrase twice when there is no keychain it can trust, with a recovery warning', async () => {
    const fake = await openKeyStep({ 'app:getState': () => ok(noKeychain) });
    await screen.findByText(/This computer has no keychain Social Desk can trust/);
    expect(screen.getByText(/It cannot be recovered/)).toBeTruthy();
    expect(screen.queryByText(/keychain \(/)).toBeNull();

    const first = screen.getByLabelText(/Passphrase \(at least 8 characters\)/);
    const second = screen.getByLabelText('Type the passphrase again');
    const submit = screen.getByRole('button', { name: 'Set passphrase and continue' });

    fireEvent.change(first, { target: { value: 'short' } });
    fireEvent.change(second, { target: { value: 'short' } });
    fireEvent.click(submit);
    expect((await screen.findByRole('alert')).textContent).toBe('Use at least 8 characters.');

    fireEvent.change(first, { target: { value: 'correct horse' } });
    fireEvent.change(second, { target: { value: 'correct horsE' } });
    fireEvent.click(submit);
    expect((await screen.findByRole('alert')).textContent).toMatch(/don't match/);
    expect(fake.callsTo('vault:create')).toHaveLength(0);

    fireEvent.change(second, { target: { value: 'correct horse' } });
    fireEvent.click(submit);
    await waitFor(() =>
      expect(fake.callsTo('vault:create')).toEqual([{ mode: 'passphrase', passphrase: 'correct horse' }]),
    );
  });

  it('shows a vault error in plain words and stays on the key step', async () => {
    await openKeyStep({
      'vault:create': () => ({ ok: false, error: { code: 'DISK_FULL', message: 'ENOSPC' } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Use the keychain and continue' }));
    expect(await screen.findByText('This computer is out of disk space.')).toBeTruthy();
    expect(document.documentElement.dataset.appState).toBe('first-run');
  });

  it('"Connect an account" explains what comes next and that nothing goes anywhere but Meta', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: /Connect an account/ }));
    expect(screen.getByRole('heading', { name: 'Connect an account' })).toBeTruthy();
    expect(screen.getByText(/paste a\s+system-user token/)).toBeTruthy();
    expect(screen.getByText(/Nothing is sent anywhere but Meta/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { name: 'Welcome to Social Desk' })).toBeTruthy();
  });
});

describe('demo workspace', () => {
  it('skips vault creation when the vault exists, shows progress, then opens the shell', async () => {
    const load = deferred<Result<DemoSummary>>();
    let phase: 'first-run' | 'ready' = 'first-run';
    const vault = { backend: 'os-keychain', osProtectionAvailable: true, osBackendName: 'dpapi' } as const;
    const fake = renderApp({
      'app:getState': () => ok(appState({ phase, keyProtection: vault })),
      'demo:load': () => load.promise,
    });

    fireEvent.click(await screen.findByRole('button', { name: /Explore the demo workspace/ }));
    await screen.findByRole('heading', { name: 'Setting up the demo workspace' });
    expect(fake.callsTo('vault:create')).toHaveLength(0);
    expect(fake.callsTo('demo:load')).toHaveLength(1);

    fake.emit('sync:progress', { accountId: null, job: 'demo', done: 3, total: 10 });
    const bar = await waitFor(() => {
      const element = document.querySelector<HTMLProgressElement>('progress[value]');
      if (!element) throw new Error('no determinate progress bar yet');
      return element;
    });
    expect(bar.value).toBe(3);
    expect(bar.max).toBe(10);

    phase = 'ready';
    load.resolve(ok({ accounts: 2, posts: 10, conversations: 3, messages: 9, comments: 1, durationMs: 5 }));
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('ready'));
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('keeps the first-run screen (not an empty shell) while the demo loads after creating the vault', async () => {
    const load = deferred<Result<DemoSummary>>();
    const fake = await openKeyStep({ 'demo:load': () => load.promise });
    fireEvent.click(await screen.findByRole('button', { name: 'Use the keychain and continue' }));
    await waitFor(() => expect(fake.callsTo('demo:load')).toHaveLength(1));
    // vault:create answered phase "ready", yet the demo progress stays on screen.
    expect(document.documentElement.dataset.appState).toBe('first-run');
    expect(screen.getByRole('heading', { name: 'Setting up the demo workspace' })).toBeTruthy();
    fake.handle('app:getState', () => ok(appState({ phase: 'ready' })));
    load.resolve(ok({ accounts: 1, posts: 1, conversations: 1, messages: 1, comments: 0, durationMs: 1 }));
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('ready'));
  });

  it('shows a failed demo load in plain words with a retry', async () => {
    let attempts = 0;
    const fake = renderApp({
      'app:getState': () =>
        ok(appState({ keyProtection: { backend: 'passphrase', osProtectionAvailable: false, osBackendName: null } })),
      'demo:load': () => {
        attempts += 1;
        return { ok: false, error: { code: 'BUSY', message: 'sync running' } };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: /Explore the demo workspace/ }));
    expect(await screen.findByText('Social Desk is busy finishing another task.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(attempts).toBe(2));
    expect(fake.callsTo('vault:create')).toHaveLength(0);
  });
});
