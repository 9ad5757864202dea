// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src-preload/contract';
import { account, NOW, tokenHealth, workspace } from './accounts-fixtures';
import { appState, ok, type Handlers } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

async function openAccounts(accounts: AccountSummary[], extra: Handlers = {}) {
  const fake = renderApp({ ...workspace(accounts), ...extra });
  fireEvent.click(await screen.findByRole('button', { name: 'Accounts' }));
  await waitFor(() => expect(document.querySelector('[data-view="accounts"]')?.getAttribute('data-status')).toBe('ready'));
  return fake;
}

function row(id: number): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-account-id="${id}"]`);
  if (!element) throw new Error(`no row for account ${id}`);
  return element;
}

describe('accounts list', () => {
  it('shows each account with its network, followers, status and last sync; demo accounts offer Sync now and Remove', async () => {
    await openAccounts([account(), account({ id: 2, name: 'Demo Café', isDemo: true, loginKind: 'demo', network: 'facebook', handle: null })]);
    const real = row(1);
    expect(real.getAttribute('data-account-status')).toBe('active');
    expect(real.textContent).toMatch(/Instagram · @bluemug\.studio · 12\.4K followers/);
    expect(real.textContent).toContain('Last synced 5 min ago');
    for (const name of ['Sync now', 'Check token', 'Revoke access at Meta', 'Remove account…']) {
      expect(within(real).getByRole('button', { name })).toBeTruthy();
    }
    const demo = row(2);
    expect(within(demo).getByText('Demo')).toBeTruthy();
    // The demo is live: it syncs against the built-in emulator, and has no token to check or revoke.
    expect(within(demo).getAllByRole('button').map((button) => button.textContent)).toEqual(['Sync now', 'Remove account…']);
  });

  it('needs_reconnect shows the exact next step and a Reconnect action that opens the fitting connect method', async () => {
    await openAccounts([
      account({ status: 'needs_reconnect', statusDetail: 'Meta revoked the token (code 190). Paste a new system-user token.' }),
    ]);
    const broken = row(1);
    expect(broken.getAttribute('data-account-status')).toBe('needs_reconnect');
    expect(within(broken).getByText('Meta revoked the token (code 190). Paste a new system-user token.')).toBeTruthy();
    expect((within(broken).getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(true);
    expect(document.querySelector('[data-connect-method]')).toBeNull();

    fireEvent.click(within(broken).getByRole('button', { name: 'Reconnect' }));
    expect(screen.getByRole('heading', { name: 'Reconnect Blue Mug Studio' })).toBeTruthy();
    expect(screen.getByText(/Everything already saved for it stays on this computer/)).toBeTruthy();
    const token = document.querySelector('[data-connect-method="token"]');
    expect(token?.className).toContain('connect-method--suggested');
    expect(document.activeElement).toBe(token?.querySelector('h3'));
  });

  it('Sync now and Sync all call sync:run for one account or all', async () => {
    const fake = await openAccounts([account()]);
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(fake.callsTo('sync:run')).toEqual([{ accountId: 1 }]));
    fireEvent.click(screen.getByRole('button', { name: 'Sync all' }));
    await waitFor(() => expect(fake.callsTo('sync:run')).toEqual([{ accountId: 1 }, { accountId: null }]));
  });

  it('a refused sync is said in plain words', async () => {
    await openAccounts([account()], { 'sync:run': () => ({ ok: false, error: { code: 'OFFLINE', message: 'ENOTFOUND' } }) });
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText("You're offline.")).toBeTruthy();
  });
});

describe('token health', () => {
  it('explains a system-user token in plain words with scopes and granted assets', async () => {
    const fake = await openAccounts([account()]);
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Check token' }));
    await waitFor(() => expect(document.querySelector('[data-token-health]')?.getAttribute('data-token-health')).toBe('valid'));
    expect(fake.callsTo('accounts:checkHealth')).toEqual([{ accountId: 1 }]);
    const panel = document.querySelector<HTMLElement>('[data-token-health]')!;
    expect(within(panel).getByText('System user token — never expires')).toBeTruthy();
    expect(within(panel).getByText('instagram_manage_insights')).toBeTruthy();
    expect(within(panel).getByText('Blue Mug (Page)')).toBeTruthy();
  });

  it('groups granted assets that arrive one per scope, so each Page or account shows once', async () => {
    await openAccounts([account()], {
      'accounts:checkHealth': () =>
        ok(tokenHealth({ grantedAssets: ['pages_show_list: 1704', 'read_insights: 1704', 'instagram_basic: 1784'] })),
    });
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Check token' }));
    const panel = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-token-health="valid"]');
      if (!element) throw new Error('no health yet');
      return element;
    });
    const items = within(panel).getAllByRole('listitem').filter((item) => /^17/.test(item.textContent ?? ''));
    expect(items.map((item) => item.textContent)).toEqual(['1704 · 2 permissions', '1784 · 1 permission']);
  });

  it('counts down an expiring token and shows Meta’s advice when it is rejected', async () => {
    await openAccounts([account()], {
      'accounts:checkHealth': () =>
        ok(tokenHealth({ tokenKind: 'user', isValid: false, expiresAt: NOW + 12.5 * 86_400_000, advice: 'Log in with Facebook again.' })),
    });
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Check token' }));
    await waitFor(() => expect(document.querySelector('[data-token-health="invalid"]')).toBeTruthy());
    expect(screen.getByText('Personal Facebook login — expires in 12 days')).toBeTruthy();
    expect(screen.getByText('Meta no longer accepts this token.')).toBeTruthy();
    expect(screen.getByText('Log in with Facebook again.')).toBeTruthy();
  });
});

describe('removing and revoking', () => {
  it('Remove needs confirmation, says what is deleted here and not at Meta, sends {confirm: "REMOVE"} and shows the counts', async () => {
    const fake = await openAccounts([account()]);
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Remove account…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Blue Mug Studio from this computer?' });
    expect(within(dialog).getByText(/its conversations, messages and comments/)).toBeTruthy();
    expect(within(dialog).getByText('Nothing is deleted at Meta.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('accounts:remove')).toHaveLength(0);

    fireEvent.click(within(row(1)).getByRole('button', { name: 'Remove account…' }));
    fake.handle('accounts:list', () => ok([]));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove it' }));
    await waitFor(() => expect(fake.callsTo('accounts:remove')).toEqual([{ accountId: 1, confirm: 'REMOVE' }]));
    const report = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-removal-report]');
      if (!element) throw new Error('no removal report yet');
      return element;
    });
    expect(report.textContent).toMatch(/Removed Blue Mug Studio from this computer/);
    expect(report.textContent).toContain('1,234 messages');
    expect(report.textContent).toContain('Nothing was deleted at Meta.');
    await waitFor(() => expect(document.querySelector('[data-account-id="1"]')).toBeNull());
  });

  it('Revoke access asks first, then calls accounts:revoke', async () => {
    const fake = await openAccounts([account()]);
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Revoke access at Meta' }));
    const dialog = screen.getByRole('alertdialog', { name: /Revoke Social Desk's access to Blue Mug Studio at Meta\?/ });
    expect(within(dialog).getByText(/What is already on this computer stays/)).toBeTruthy();
    expect(fake.callsTo('accounts:revoke')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, revoke access' }));
    await waitFor(() => expect(fake.callsTo('accounts:revoke')).toEqual([{ accountId: 1 }]));
    expect(await screen.findByText(/Access revoked at Meta/)).toBeTruthy();
  });

  it('a revoke Meta cannot do from here says where to do it instead, and the dialog stays', async () => {
    await openAccounts([account()], {
      'accounts:revoke': () => ({ ok: false, error: { code: 'CONFLICT', message: 'no user id' } }),
    });
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Revoke access at Meta' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, revoke access' }));
    const dialog = screen.getByRole('alertdialog');
    expect(await within(dialog).findByText(/so it can’t be revoked from here/)).toBeTruthy();
    expect(within(dialog).getByText(/Remove Social Desk in Meta Business settings/)).toBeTruthy();
  });
});

describe('connect panel', () => {
  it('is shown when there is no account; the token form calls accounts:connectToken and clears the field', async () => {
    const connected = [
      account({ id: 5 }),
      account({ id: 6, handle: 'bluemug.shop' }),
      account({ id: 7, network: 'facebook', handle: null }),
      account({ id: 8, network: 'facebook', handle: null }),
    ];
    const fake = await openAccounts([], { 'accounts:connectToken': () => ok(connected) });
    const method = document.querySelector<HTMLElement>('[data-connect-method="token"]')!;
    expect(within(method).getByText('instagram_manage_messages')).toBeTruthy();
    const field = within(method).getByLabelText('System-user access token') as HTMLInputElement;
    expect(field.type).toBe('password');

    fireEvent.change(field, { target: { value: ' EAAsecret123 ' } });
    fake.handle('accounts:list', () => ok(connected));
    fireEvent.click(within(method).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(fake.callsTo('accounts:connectToken')).toEqual([{ token: 'EAAsecret123' }]));
    await waitFor(() => expect(field.value).toBe(''));
    expect(await screen.findByText('Connected: 2 Instagram accounts, 2 Pages — first sync started')).toBeTruthy();
    expect(document.body.innerHTML).not.toContain('EAAsecret123');
    await waitFor(() => expect(document.querySelectorAll('[data-account-id]')).toHaveLength(4));
  });

  it('closes with Escape when there are accounts to go back to', async () => {
    await openAccounts([account()]);
    fireEvent.click(screen.getByRole('button', { name: 'Connect an account' }));
    await waitFor(() => expect(document.querySelector('[data-connect-method="token"]')).toBeTruthy());
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('[data-connect-method="token"]')).toBeNull());
  });

  it('does not send an empty token', async () => {
    const fake = await openAccounts([]);
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Paste the token first.');
    expect(fake.callsTo('accounts:connectToken')).toHaveLength(0);
  });

  it('says connect errors in plain words: an expired token, and Facebook Login outside the desktop app', async () => {
    const fake = await openAccounts([], {
      'accounts:connectToken': () => ({ ok: false, error: { code: 'AUTH_EXPIRED', message: '(#190) Error validating access token' } }),
    });
    fireEvent.change(screen.getByLabelText('System-user access token'), { target: { value: 'EAAold' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText('That token is expired or was revoked.')).toBeTruthy();
    expect(screen.queryByText(/#190/)).toBeNull();
    // A failed check keeps the paste, so the token need not be copied again after fixing it at Meta.
    expect((screen.getByLabelText('System-user access token') as HTMLInputElement).value).toBe('EAAold');

    fireEvent.click(screen.getByRole('button', { name: 'Log in with Facebook' }));
    await waitFor(() => expect(fake.callsTo('accounts:connectFacebook')).toHaveLength(1));
    const facebook = document.querySelector<HTMLElement>('[data-connect-method="facebook"]')!;
    expect(await within(facebook).findByText('Log in with Facebook works only in the Social Desk desktop app.')).toBeTruthy();
    expect(screen.queryByText('That token is expired or was revoked.')).toBeNull();
  });

  it('Log in with Instagram calls accounts:connectInstagram and shows what was connected', async () => {
    const connected = [account({ id: 9, handle: 'bluemug.ceramics', loginKind: 'instagram' })];
    const fake = await openAccounts([], { 'accounts:connectInstagram': () => ok(connected) });
    const instagram = document.querySelector<HTMLElement>('[data-connect-method="instagram"]')!;
    expect(within(instagram).queryByText(/Not available yet/)).toBeNull();
    fake.handle('accounts:list', () => ok(connected));
    fireEvent.click(within(instagram).getByRole('button', { name: 'Log in with Instagram' }));
    await waitFor(() => expect(fake.callsTo('accounts:connectInstagram')).toEqual([undefined]));
    expect(await screen.findByText('Connected: 1 Instagram account — first sync started')).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-account-id="9"]')).toBeTruthy());
  });

  it('Instagram Login without the Meta app settings (CONFLICT) points to Settings → Meta app', async () => {
    const fake = await openAccounts([], {
      'accounts:connectInstagram': () => ({
        ok: false,
        error: { code: 'CONFLICT', message: 'Instagram Login needs your Instagram app id, app secret and registered redirect URI (Settings → Meta app).' },
      }),
    });
    const instagram = document.querySelector<HTMLElement>('[data-connect-method="instagram"]')!;
    fireEvent.click(within(instagram).getByRole('button', { name: 'Log in with Instagram' }));
    expect(await within(instagram).findByText('Log in with Instagram needs your brand’s Meta app first.')).toBeTruthy();
    expect(within(instagram).queryByText(/changed somewhere else/)).toBeNull();

    fireEvent.click(within(instagram).getByRole('button', { name: 'Open Settings → Meta app' }));
    await waitFor(() => expect(document.querySelector('[data-view="settings"]')).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Meta app'));
    expect(document.activeElement?.closest('[data-settings-section="meta-app"]')).toBeTruthy();
    expect(fake.callsTo('settings:getMetaApp').length).toBeGreaterThan(0);
  });

  it('Facebook Login without an app id (CONFLICT) points to Settings too; a cancelled login does not', async () => {
    const fake = await openAccounts([], {
      'accounts:connectFacebook': () => ({
        ok: false,
        error: { code: 'CONFLICT', message: "Facebook Login needs your brand's Meta app id: add it in Settings → Meta app." },
      }),
    });
    const facebook = document.querySelector<HTMLElement>('[data-connect-method="facebook"]')!;
    fireEvent.click(within(facebook).getByRole('button', { name: 'Log in with Facebook' }));
    expect(await within(facebook).findByText('Log in with Facebook needs your brand’s Meta app first.')).toBeTruthy();
    expect(within(facebook).getByRole('button', { name: 'Open Settings → Meta app' })).toBeTruthy();

    fake.handle('accounts:connectFacebook', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'Facebook Login was cancelled; nothing changed.' },
    }));
    fireEvent.click(within(facebook).getByRole('button', { name: 'Log in with Facebook' }));
    expect(await within(facebook).findByText('The login was closed before it finished.')).toBeTruthy();
    expect(within(facebook).queryByRole('button', { name: 'Open Settings → Meta app' })).toBeNull();
  });

  it('Instagram Login in the web preview (FORBIDDEN) says it needs the desktop app', async () => {
    await openAccounts([]);
    const instagram = document.querySelector<HTMLElement>('[data-connect-method="instagram"]')!;
    fireEvent.click(within(instagram).getByRole('button', { name: 'Log in with Instagram' }));
    expect(await within(instagram).findByText('Log in with Instagram works only in the Social Desk desktop app.')).toBeTruthy();
  });

  it('a login window closed early (no accounts) is not called a success', async () => {
    await openAccounts([], { 'accounts:connectInstagram': () => ok([]) });
    fireEvent.click(screen.getByRole('button', { name: 'Log in with Instagram' }));
    const result = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-connect-result="0"]');
      if (!element) throw new Error('no result yet');
      return element;
    });
    expect(result.className).toContain('notice--warning');
    expect(result.textContent).toMatch(/Nothing was connected/);
  });

  it('is reached from first run: Connect an account → key step → the Accounts view with the panel', async () => {
    const fake = renderApp({ ...workspace([]), 'app:getState': () => ok(appState()) });
    fireEvent.click(await screen.findByRole('button', { name: /Connect an account/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fake.handle('app:getState', () => ok(appState({ phase: 'ready' })));
    fireEvent.click(await screen.findByRole('button', { name: 'Use the keychain and continue' }));
    await waitFor(() => expect(document.documentElement.dataset.appState).toBe('ready'));
    expect(fake.callsTo('demo:load')).toHaveLength(0);
    await waitFor(() => expect(document.querySelector('[data-view="accounts"]')).toBeTruthy());
    expect(document.querySelector('[data-connect-method="token"]')).toBeTruthy();
  });
});
