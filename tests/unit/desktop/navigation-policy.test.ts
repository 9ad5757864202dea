import { describe, expect, it } from 'vitest';
import { mayNavigate } from '../../../src-main/desktop/navigation-policy';

const isAppUrl = (url: string) => url.startsWith('file:///app/index.html');

describe('mayNavigate', () => {
  it("keeps the app's window on the app's pages", () => {
    const main = { loginWindow: false, isAppUrl };
    expect(mayNavigate('file:///app/index.html#/inbox', main)).toBe(true);
    expect(mayNavigate('https://www.facebook.com/login/', main)).toBe(false);
  });

  it("lets Meta's login window follow a real login across Meta's https pages (it was locked like the app window, so a real password step could not proceed)", () => {
    const login = { loginWindow: true, isAppUrl };
    for (const url of [
      'https://www.facebook.com/login/device-based/regular/login/?login_attempt=1',
      'https://www.facebook.com/checkpoint/?next',
      'https://accountscenter.facebook.com/two_factor',
      'https://www.instagram.com/accounts/login/two_factor',
    ]) {
      expect(mayNavigate(url, login), url).toBe(true);
    }
    for (const url of ['http://www.facebook.com/login/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'social-desk://login/instagram', 'not a url']) {
      expect(mayNavigate(url, login), url).toBe(false);
    }
  });
});
