/** Origins the app may open in the system browser; everything else is refused. */
export const EXTERNAL_ORIGINS = new Set([
  'https://www.facebook.com',
  'https://business.facebook.com',
  'https://developers.facebook.com',
  'https://www.instagram.com',
  'https://help.instagram.com',
]);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_ORIGINS.has(parsed.origin) && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
