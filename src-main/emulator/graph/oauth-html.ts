/** The tiny consent pages standing in for facebook.com / instagram.com login dialogs. */
import type { OpResult } from './router';

/** HTML-escapes text and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Appends query params to a redirect URI (keeping any existing query). */
export function withQuery(uri: string, params: Record<string, string>): string {
  const qs = new URLSearchParams(params).toString();
  return `${uri}${uri.includes('?') ? '&' : '?'}${qs}`;
}

/** A consent page with one link per choice (ids are stable so tests and e2e can click them). */
export function consentPage(title: string, lines: string[], choices: Array<{ id: string; label: string; href: string }>): OpResult {
  const links = choices.map((c) => `<p><a id="${escapeHtml(c.id)}" href="${escapeHtml(c.href)}">${escapeHtml(c.label)}</a></p>`).join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body data-emulator-dialog="1">
<h1>${escapeHtml(title)}</h1>
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
${links}
</body></html>`;
  return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: html };
}

/** A plain error page (Meta shows these instead of redirecting when the request itself is bad). */
export function errorPage(message: string): OpResult {
  return consentPage('Sorry, something went wrong', [message], []);
}
