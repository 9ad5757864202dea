// @vitest-environment jsdom
/**
 * "Log in in my browser" on the connect panel and the redirect URIs in Settings → Meta app:
 * offered only with a paired relay (else explained), waiting can be stopped, failures worded.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src-preload/contract';
import { account, workspace } from './accounts-fixtures';
import { ok, relayStatus, type Handlers } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

const paired: Handlers = { 'relay:getStatus': () => ok(relayStatus({ connection: 'connected', relayUrl: 'https://relay.bluemug.example', deviceId: 'dev_1', pairedAt: 1 })) };

async function openConnectPanel(extra: Handlers = {}) {
  const fake = renderApp({ ...workspace([]), ...extra });
  fireEvent.click(await screen.findByRole('button', { name: 'Accounts' }));
  await waitFor(() => expect(document.querySelector('[data-connect-method="facebook"]')).not.toBeNull());
  return fake;
}

const card = (method: string) => document.querySelector<HTMLElement>(`[data-connect-method="${method}"]`)!;

describe('log in in my browser', () => {
  it('without a relay: no browser button, and the card says why', async () => {
    await openConnectPanel();
    await waitFor(() => expect(card('facebook').textContent).toContain('pair your brand’s relay first'));
    expect(within(card('facebook')).queryByRole('button', { name: 'Log in in my browser' })).toBeNull();
    expect(within(card('facebook')).getByRole('button', { name: 'Log in with Facebook' })).toBeTruthy();
  });

  it('with a relay: starts the browser login, shows the wait with Stop waiting, then what was connected', async () => {
    let finish: (accounts: AccountSummary[]) => void = () => {};
    const fake = await openConnectPanel({
      ...paired,
      'accounts:connectInBrowser': () => new Promise((resolve) => (finish = (accounts) => resolve(ok(accounts)))),
    });
    fireEvent.click(await within(card('instagram')).findByRole('button', { name: 'Log in in my browser' }));
    expect(fake.callsTo('accounts:connectInBrowser')).toEqual([{ provider: 'instagram' }]);
    const waiting = await screen.findByText('Finish logging in to Instagram in your browser.');
    expect(waiting.closest('[data-browser-login-waiting]')?.getAttribute('data-browser-login-waiting')).toBe('instagram');
    expect((within(card('facebook')).getByRole('button', { name: 'Log in with Facebook' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Stop waiting' }));
    await waitFor(() => expect(fake.callsTo('accounts:cancelBrowserLogin')).toHaveLength(1));
    finish([account()]);
    expect(await screen.findByText(/Connected: 1 Instagram account/)).toBeTruthy();
  });

  it('a refusal is worded for the browser login, in its own card', async () => {
    await openConnectPanel({
      ...paired,
      'accounts:connectInBrowser': () => ({ ok: false, error: { code: 'CONFLICT', message: 'Facebook Login needs your brand’s Meta app id' } }),
    });
    fireEvent.click(await within(card('facebook')).findByRole('button', { name: 'Log in in my browser' }));
    const alert = await within(card('facebook')).findByRole('alert');
    expect(alert.textContent).toContain('Logging in with Facebook in your browser can’t start yet.');
    expect(alert.textContent).toContain('Settings → Relay');
  });

  it('Settings → Meta app lists the relay pages to register with Meta once a relay is paired', async () => {
    renderApp({ ...workspace([]), ...paired });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    expect((await screen.findByText('https://relay.bluemug.example/oauth/return/facebook')).getAttribute('data-return-uri')).toBe('facebook');
    expect(screen.getByText('https://relay.bluemug.example/oauth/return/instagram')).toBeTruthy();
  });
});
