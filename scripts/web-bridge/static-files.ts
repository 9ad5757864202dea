import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export const CLIENT_SCRIPT_PATH = '/__bridge/client.js';

export type StaticResult =
  | { kind: 'file'; body: Buffer | string; contentType: string; isIndex: boolean }
  | { kind: 'not-found' }
  | { kind: 'forbidden' };

/**
 * Resolves a URL path inside the built renderer. Anything that decodes to a path outside the
 * root (`..`, encoded slashes, absolute paths, NUL) is refused rather than normalised away.
 */
export async function readStatic(rootDir: string, urlPath: string): Promise<StaticResult> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const full = resolve(root, relative);
  if (!full.startsWith(root + sep)) return { kind: 'forbidden' };
  if (!existsSync(full) || !statSync(full).isFile()) return { kind: 'not-found' };
  const contentType = CONTENT_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream';
  const isIndex = full === resolve(root, 'index.html');
  if (!isIndex) return { kind: 'file', body: await readFile(full), contentType, isIndex };
  return { kind: 'file', body: injectClientScript(await readFile(full, 'utf8')), contentType, isIndex };
}

/**
 * Adds the bridge client before the app's first module script, so `window.api` exists by the
 * time the app runs. A classic same-origin script satisfies the page's `script-src 'self'`.
 */
export function injectClientScript(html: string): string {
  const tag = `<script src="${CLIENT_SCRIPT_PATH}"></script>`;
  const at = html.search(/<script\b[^>]*type=["']?module/i);
  if (at < 0) throw new Error('The built index.html has no module script to put the bridge client before.');
  return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
}
