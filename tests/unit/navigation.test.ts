import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../src-main/core/external-links';
import { isAppUrl } from '../../src-main/core/navigation';

describe('navigation guard (will-navigate)', () => {
  const packaged = 'file:///opt/Social%20Desk/resources/app.asar/out/renderer/index.html';
  it('allows only the renderer file itself in a packaged app', () => {
    expect(isAppUrl(`${packaged}#/inbox`, packaged)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isAppUrl('https://evil.example/', packaged)).toBe(false);
    expect(isAppUrl('not a url', packaged)).toBe(false);
  });
  it('allows only the dev server origin in development', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('external links (shell.openExternal allow-list)', () => {
  it('opens only https links to Meta origins, without credentials', () => {
    expect(isAllowedExternalUrl('https://www.facebook.com/business/help')).toBe(true);
    expect(isAllowedExternalUrl('https://business.facebook.com/settings/system-users')).toBe(true);
    expect(isAllowedExternalUrl('http://www.facebook.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://www.facebook.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pass@www.facebook.com/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });
});
