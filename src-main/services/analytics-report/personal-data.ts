import { AppError } from '../../core/app-error';
import type { Repositories } from '../../store/repositories';

/** The visible text of an HTML document, lower-cased, with entities for the characters `esc` writes decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase();
}

/**
 * Every stored identifier of a person and every stored message and comment text. The brand's own
 * accounts also appear as authors (replies by the Page), but their names are what the report is about.
 */
export function personalStrings(repos: Repositories): string[] {
  const own = new Set(repos.accounts.list().flatMap((a) => [a.name, a.handle ?? '']).map((s) => s.trim().toLocaleLowerCase()));
  const rows = repos.db.prepare(
    `SELECT username AS s FROM people UNION SELECT name FROM people UNION SELECT external_id FROM people
     UNION SELECT author_username FROM comments UNION SELECT text FROM comments UNION SELECT text FROM messages`,
  ).all() as Array<{ s: string | null }>;
  return rows.map((r) => r.s?.trim() ?? '').filter((s) => s.length >= 3 && !own.has(s.toLocaleLowerCase()));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Refuses a report whose text contains any stored person's name, handle or id, or any message or
 * comment text (as a whole word, so a person called "Ana" does not match "Canada").
 */
export function assertNoPersonalData(repos: Repositories, html: string): void {
  const text = visibleText(html);
  for (const s of personalStrings(repos)) {
    const needle = s.toLocaleLowerCase();
    if (!text.includes(needle)) continue;
    if (new RegExp(`(^|[^\\p{L}\\p{N}_])${escapeRe(needle)}($|[^\\p{L}\\p{N}_])`, 'u').test(text)) {
      throw new AppError('INTERNAL', 'The report would include personal data (a person or a message); it was not written.');
    }
  }
}
