import { describe, expect, it } from 'vitest';
import { DeepLinkLogins } from '../../../src-main/desktop/deep-link-logins';
import { answerAsRedirect, deepLinkFromArgv, describeDeepLinkForLog, parseDeepLink } from '../../../src-main/desktop/deep-links';

const STATE = 'Qm9vZ2llLXN0YXRlLWZvci10ZXN0cy0xMjM0';
const CODE = 'AQBsecretcode123';

function parsed(raw: string) {
  const result = parseDeepLink(raw);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.link;
}

describe('parseDeepLink', () => {
  it('reads an Instagram answer: code and state, `#_` dropped', () => {
    const link = parsed(`social-desk://login/instagram?code=${CODE}&state=${STATE}#_`);
    expect(link.provider).toBe('instagram');
    expect(link.state).toBe(STATE);
    expect(Object.fromEntries(link.params)).toEqual({ code: CODE, state: STATE });
  });

  it('reads a Facebook answer with the token in the fragment, and a cancel as an error answer', () => {
    const token = parsed(`social-desk://login/facebook#access_token=EAAtoken&expires_in=5400&state=${STATE}`);
    expect(token.provider).toBe('facebook');
    expect(token.params.get('access_token')).toBe('EAAtoken');
    const cancel = parsed(`social-desk://login/facebook/?error=access_denied&error_reason=user_denied&state=${STATE}`);
    expect(cancel.params.get('error')).toBe('access_denied');
  });

  it('drops parameters Meta never sends', () => {
    const link = parsed(`social-desk://login/instagram?code=${CODE}&state=${STATE}&next=https://evil.example&redirect=x`);
    expect([...link.params.keys()].sort()).toEqual(['code', 'state']);
  });

  it.each([
    ['another scheme', `https://login/instagram?code=${CODE}&state=${STATE}`, /not a social-desk/],
    ['an unknown route', `social-desk://settings/reset?code=${CODE}&state=${STATE}`, /unknown route/],
    ['a route below a known one', `social-desk://login/instagram/extra?code=${CODE}&state=${STATE}`, /unknown route/],
    ['credentials in the link', `social-desk://user:pw@login/instagram?code=${CODE}&state=${STATE}`, /credentials/],
    ['no state', `social-desk://login/instagram?code=${CODE}`, /no valid state/],
    ['a state that is not ours in shape', `social-desk://login/instagram?code=${CODE}&state=<script>`, /no valid state/],
    ['no answer at all', `social-desk://login/instagram?state=${STATE}`, /neither a code/],
    ['a parameter given twice', `social-desk://login/instagram?code=a&code=b&state=${STATE}`, /given twice/],
    ['the state twice across query and fragment', `social-desk://login/facebook?state=${STATE}#access_token=x&state=${STATE}x`, /given twice/],
    ['an absurdly long link', `social-desk://login/instagram?code=${'a'.repeat(9000)}&state=${STATE}`, /longer than/],
    ['not a URL', 'social-desk:::', /not a URL|unknown route/],
  ])('refuses %s', (_name, raw, reason) => {
    const result = parseDeepLink(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('deepLinkFromArgv', () => {
  it('finds the link wherever the OS or Chromium put it, and nothing when there is none', () => {
    expect(deepLinkFromArgv(['C:\\Social Desk.exe', '--allow-file-access-from-files', 'social-desk://login/instagram?x=1'])).toBe('social-desk://login/instagram?x=1');
    expect(deepLinkFromArgv(['/usr/bin/social-desk', 'SOCIAL-DESK://login/facebook', '--no-sandbox'])).toBe('SOCIAL-DESK://login/facebook');
    expect(deepLinkFromArgv(['/usr/bin/social-desk', '--hidden'])).toBeNull();
  });
});

describe('describeDeepLinkForLog', () => {
  it('names the route and parameters, never the code, token or state', () => {
    const line = describeDeepLinkForLog(`social-desk://login/facebook?code=${CODE}&error_reason=user_denied&unknown=private#access_token=EAAtoken&state=${STATE}`);
    expect(line).toBe('social-desk://login/facebook?code=…&error_reason=user_denied&unknown=…#access_token=…&state=…');
    for (const secret of [CODE, 'EAAtoken', STATE, 'private']) expect(line).not.toContain(secret);
    expect(describeDeepLinkForLog(`not a url ${CODE}`)).toBe(`(not a URL, ${`not a url ${CODE}`.length} characters)`);
  });
});

describe('answerAsRedirect', () => {
  it('puts the answer on the registered redirect URI, as the login flow expects it', () => {
    const link = parsed(`social-desk://login/instagram?code=${CODE}&state=${STATE}`);
    expect(answerAsRedirect('https://brand.example/ig-login#frag', link.params)).toBe(`https://brand.example/ig-login?code=${CODE}&state=${STATE}`);
  });
});

describe('DeepLinkLogins (routing a link to the login that asked for it)', () => {
  const setup = () => {
    const logged: string[] = [];
    return { logged, logins: new DeepLinkLogins((line) => logged.push(line)) };
  };

  it('delivers an answer with the waiting login’s provider and state, once', async () => {
    const { logins, logged } = setup();
    const wait = logins.expect('instagram', STATE);
    const link = `social-desk://login/instagram?code=${CODE}&state=${STATE}`;
    expect(logins.deliver(link)).toBe('delivered');
    expect(Object.fromEntries((await wait.answer) ?? [])).toEqual({ code: CODE, state: STATE });
    expect(logins.waiting).toBe(0);
    // A replay of the same link finds nobody waiting.
    expect(logins.deliver(link)).toBe('ignored');
    expect(logged).toEqual(['[deep link] ignored social-desk://login/instagram?code=…&state=…: no instagram login is waiting for this answer']);
  });

  it('ignores a foreign state and the wrong provider; the login keeps waiting', async () => {
    const { logins, logged } = setup();
    const wait = logins.expect('instagram', STATE);
    expect(logins.deliver(`social-desk://login/instagram?code=${CODE}&state=${'x'.repeat(STATE.length)}`)).toBe('ignored');
    expect(logins.deliver(`social-desk://login/facebook?code=${CODE}&state=${STATE}`)).toBe('ignored');
    expect(logins.waiting).toBe(1);
    expect(logged.join('\n')).not.toContain(CODE);
    wait.cancel();
    expect(await wait.answer).toBeNull();
    expect(logins.waiting).toBe(0);
  });

  it('a cold start’s link (nothing pending) and a malformed link are logged and dropped', () => {
    const { logins, logged } = setup();
    expect(logins.deliver(`social-desk://login/instagram?code=${CODE}&state=${STATE}`)).toBe('ignored');
    expect(logins.deliver(`social-desk://wipe?code=${CODE}`)).toBe('ignored');
    expect(logged).toHaveLength(2);
    expect(logged[1]).toMatch(/unknown route "wipe"/);
    expect(logged.join('\n')).not.toContain(CODE);
  });

  it('a new login for the same provider ends the previous wait (its state can no longer be answered)', async () => {
    const { logins } = setup();
    const first = logins.expect('facebook', STATE);
    const other = logins.expect('instagram', STATE);
    const second = logins.expect('facebook', `${STATE}-2`);
    expect(await first.answer).toBeNull();
    expect(logins.deliver(`social-desk://login/facebook?code=${CODE}&state=${STATE}`)).toBe('ignored');
    expect(logins.deliver(`social-desk://login/facebook?code=${CODE}&state=${STATE}-2`)).toBe('delivered');
    expect((await second.answer)?.get('code')).toBe(CODE);
    expect(logins.waiting).toBe(1);
    other.cancel();
  });
});
