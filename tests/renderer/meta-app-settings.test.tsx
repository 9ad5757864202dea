// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArgsOf, MetaAppConfig } from '../../src-preload/contract';
import { appState, emptyMetaApp, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

const FB_SECRET = '0123456789abcdef0123456789abcdef';
const IG_SECRET = 'fedcba9876543210fedcba9876543210';

const stored: MetaAppConfig = {
  facebookAppId: '1234567890',
  hasFacebookAppSecret: true,
  instagramAppId: null,
  hasInstagramAppSecret: false,
  instagramRedirectUri: 'https://bluemug.example/ig-login',
};

/** A fake that keeps what is saved, like the main process: ids back as given, secrets only as "is set". */
function metaAppBackend(start: MetaAppConfig) {
  let config = start;
  return {
    'settings:getMetaApp': () => ok(config),
    'settings:setMetaApp': (patch: ArgsOf<'settings:setMetaApp'>) => {
      const text = (value: string | undefined, before: string | null) => (value === undefined ? before : value || null);
      const secret = (value: string | undefined, before: boolean) => (value === undefined ? before : value !== '');
      config = {
        facebookAppId: text(patch.facebookAppId, config.facebookAppId),
        hasFacebookAppSecret: secret(patch.facebookAppSecret, config.hasFacebookAppSecret),
        instagramAppId: text(patch.instagramAppId, config.instagramAppId),
        hasInstagramAppSecret: secret(patch.instagramAppSecret, config.hasInstagramAppSecret),
        instagramRedirectUri: text(patch.instagramRedirectUri, config.instagramRedirectUri),
      };
      return ok(config);
    },
  };
}

function section(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[data-settings-section="meta-app"]');
  if (!element) throw new Error('no Meta app section');
  return element;
}

function field(name: string): HTMLInputElement {
  const element = section().querySelector<HTMLInputElement>(`[data-meta-app-field="${name}"]`);
  if (!element) throw new Error(`no field ${name}`);
  return element;
}

async function openSettings(start: MetaAppConfig = stored, extra = {}) {
  const fake = renderApp({ 'app:getState': () => ok(appState({ phase: 'ready' })), ...metaAppBackend(start), ...extra });
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  await waitFor(() => expect(section().getAttribute('data-status')).toBe('ready'));
  return fake;
}

const save = () => fireEvent.click(within(section()).getByRole('button', { name: 'Save Meta app settings' }));

describe('Settings → Meta app', () => {
  it('explains what it is for, shows ids and only whether each secret is saved, in password fields', async () => {
    await openSettings();
    const text = section().textContent ?? '';
    expect(text).toMatch(/Facebook Login and Instagram Login from this computer/);
    expect(text).toMatch(/encrypted database/);
    expect(text).toMatch(/system-user token needs none of this/);

    expect(field('facebookAppId').value).toBe('1234567890');
    expect(field('instagramAppId').value).toBe('');
    expect(field('instagramRedirectUri').value).toBe('https://bluemug.example/ig-login');
    for (const secret of ['facebookAppSecret', 'instagramAppSecret']) {
      expect(field(secret).type).toBe('password');
      expect(field(secret).value).toBe('');
    }
    expect(within(section()).getByText('Secret saved')).toBeTruthy();
    expect(within(section()).getByText('No secret')).toBeTruthy();
    expect(screen.getByLabelText('Instagram Login redirect URI')).toBe(field('instagramRedirectUri'));
    // Nothing changed yet: nothing to save.
    expect((within(section()).getByRole('button', { name: 'Save Meta app settings' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('sends only the changed fields, clears an emptied id with "", and never shows a secret it was given', async () => {
    const fake = await openSettings();
    fireEvent.change(field('instagramAppId'), { target: { value: ' 987654321 ' } });
    fireEvent.change(field('instagramAppSecret'), { target: { value: IG_SECRET } });
    fireEvent.change(field('facebookAppId'), { target: { value: '' } });
    save();
    await waitFor(() =>
      expect(fake.callsTo('settings:setMetaApp')).toEqual([{ instagramAppId: '987654321', instagramAppSecret: IG_SECRET, facebookAppId: '' }]),
    );
    await waitFor(() => expect(within(section()).getAllByText('Secret saved')).toHaveLength(2));
    expect(field('instagramAppSecret').value).toBe('');
    expect(field('instagramAppId').value).toBe('987654321');
    expect(field('facebookAppId').value).toBe('');
    expect(document.body.innerHTML).not.toContain(IG_SECRET);
    expect(within(section()).getByText('Saved.')).toBeTruthy();
  });

  it('replaces a saved secret from its password field, and removes it only when asked', async () => {
    const fake = await openSettings();
    fireEvent.change(field('facebookAppSecret'), { target: { value: FB_SECRET } });
    save();
    await waitFor(() => expect(fake.callsTo('settings:setMetaApp')).toEqual([{ facebookAppSecret: FB_SECRET }]));
    await waitFor(() => expect(field('facebookAppSecret').value).toBe(''));

    fireEvent.click(within(section()).getByRole('button', { name: 'Remove saved secret' }));
    await waitFor(() => expect(fake.callsTo('settings:setMetaApp').at(-1)).toEqual({ facebookAppSecret: '' }));
    await waitFor(() => expect(within(section()).getAllByText('No secret')).toHaveLength(2));
    expect(document.body.innerHTML).not.toContain(FB_SECRET);
  });

  it('says what is wrong next to the field before sending, and shows INVALID_ARGUMENT from the app there too', async () => {
    const fake = await openSettings(emptyMetaApp(), {
      'settings:setMetaApp': () => ({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: 'Invalid arguments for settings:setMetaApp: instagramRedirectUri Invalid URL.' },
      }),
    });
    fireEvent.change(field('facebookAppId'), { target: { value: 'my-app' } });
    fireEvent.change(field('instagramRedirectUri'), { target: { value: 'http://bluemug.example/cb' } });
    save();
    expect(field('facebookAppId').getAttribute('aria-invalid')).toBe('true');
    expect(field('instagramRedirectUri').getAttribute('aria-invalid')).toBe('true');
    expect(within(section()).getByText(/only digits/)).toBeTruthy();
    expect(within(section()).getByText(/starting with https:\/\//)).toBeTruthy();
    expect(fake.callsTo('settings:setMetaApp')).toHaveLength(0);

    fireEvent.change(field('facebookAppId'), { target: { value: '1234' } });
    fireEvent.change(field('instagramRedirectUri'), { target: { value: 'https://bluemug.example/cb' } });
    expect(field('facebookAppId').getAttribute('aria-invalid')).toBe('false');
    save();
    await waitFor(() => expect(fake.callsTo('settings:setMetaApp')).toHaveLength(1));
    await waitFor(() => expect(field('instagramRedirectUri').getAttribute('aria-invalid')).toBe('true'));
    expect(field('facebookAppId').getAttribute('aria-invalid')).toBe('false');
    // Still what was typed, so it can be corrected; the technical message stays out of the text.
    expect(field('instagramRedirectUri').value).toBe('https://bluemug.example/cb');
    expect(section().textContent).not.toContain('Invalid URL');
  });
});
