/**
 * The https page Meta's login dialogs send the person's browser back to when they log in to
 * Social Desk "in my browser". Meta redirects only to https URIs registered in the app dashboard
 * ("Enforce HTTPS", https://developers.facebook.com/blog/post/2018/06/08/enforce-https-facebook-login/;
 * Instagram: https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize),
 * so the desktop's `social-desk://` link cannot be the redirect URI itself. This page hands Meta's
 * answer (code or error, and state) on to `social-desk://login/<provider>` and says the person can
 * return to the app. It keeps nothing, exchanges nothing and logs nothing of the query: the app
 * checks the state and exchanges the code (with its PKCE verifier, or through this relay's paired
 * token exchange).
 */
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { RelayEnv } from './context';

/** What Meta puts on a code-flow redirect; nothing else is forwarded. */
const FORWARDED = ['code', 'state', 'error', 'error_code', 'error_reason', 'error_description'] as const;
const MAX_VALUE = 2048;
const PROVIDERS = { facebook: 'Facebook', instagram: 'Instagram' } as const;

/** The page must not be cached, framed, sent as a referrer or run anything. */
const HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
};

/** The deep link carrying Meta's answer, or null when the query is not one. */
export function loginDeepLink(provider: keyof typeof PROVIDERS, query: URLSearchParams): string | null {
  const forwarded = new URLSearchParams();
  for (const name of FORWARDED) {
    const values = query.getAll(name);
    if (values.length > 1) return null;
    const value = values[0];
    if (value === undefined) continue;
    if (value.length > MAX_VALUE) return null;
    forwarded.set(name, value);
  }
  if (!forwarded.get('state') || (!forwarded.get('code') && !forwarded.get('error'))) return null;
  return `social-desk://login/${provider}?${forwarded.toString()}`;
}

function page(c: Context, status: 200 | 400, title: string, body: ReturnType<typeof html>, refresh: string | null) {
  for (const [name, value] of Object.entries(HEADERS)) c.header(name, value);
  return c.html(
    html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${refresh ? html`<meta http-equiv="refresh" content="0;url=${refresh}">` : ''}
<title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2933}a.button{display:inline-block;padding:.5rem 1rem;border-radius:.375rem;background:#2457c5;color:#fff;text-decoration:none}@media (prefers-color-scheme:dark){body{background:#111827;color:#e5e7eb}}</style>
</head><body>${body}</body></html>`,
    status,
  );
}

export function oauthReturnRoutes(app: Hono<RelayEnv>): void {
  for (const provider of Object.keys(PROVIDERS) as Array<keyof typeof PROVIDERS>) {
    const name = PROVIDERS[provider];
    app.get(`/oauth/return/${provider}`, (c) => {
      const link = loginDeepLink(provider, new URL(c.req.url).searchParams);
      if (!link) {
        return page(
          c,
          400,
          'Nothing to hand on',
          html`<h1>Nothing to hand on</h1><p>This page passes a ${name} login answer on to Social Desk, and this address carries none. Start the login again from Social Desk.</p>`,
          null,
        );
      }
      return page(
        c,
        200,
        'You can return to Social Desk',
        html`<h1>You can return to Social Desk</h1>
<p>${name} answered. Your browser should now offer to open Social Desk, which finishes connecting your account. You can then close this tab.</p>
<p><a class="button" id="open-app" href="${link}">Open Social Desk</a></p>
<p>Nothing of this login is kept on this page or by the relay.</p>`,
        link,
      );
    });
  }
}
