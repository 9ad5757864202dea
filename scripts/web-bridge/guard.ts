import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the bridge. It drives the real services over plain HTTP on 127.0.0.1, so
 * any local process or web page could otherwise reach the decrypted data: a per-start random
 * token (handed over once in the URL, then kept in an HttpOnly cookie) and a Host check
 * (DNS rebinding) keep it to the one browser tab we opened.
 */
export interface BridgeGuard {
  readonly token: string;
  /** Cookie names are per port because browsers share cookies between ports of one host. */
  readonly cookieName: string;
  readonly origin: string;
  hostAllowed(req: IncomingMessage): boolean;
  originAllowed(req: IncomingMessage): boolean;
  hasCookie(req: IncomingMessage): boolean;
  hasQueryToken(url: URL): boolean;
  setCookieHeader(): string;
}

export const TOKEN_PARAM = 'bridge-token';

export function createGuard(port: number): BridgeGuard {
  const token = randomBytes(32).toString('base64url');
  const cookieName = `social-desk-bridge-${port}`;
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;

  const matches = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  return {
    token,
    cookieName,
    origin,
    hostAllowed: (req) => req.headers.host === host,
    // Browsers send Origin on cross-origin requests and on every POST; if present it must be ours.
    originAllowed: (req) => req.headers.origin === undefined || req.headers.origin === origin,
    hasCookie: (req) => matches(readCookie(req.headers.cookie, cookieName)),
    hasQueryToken: (url) => matches(url.searchParams.get(TOKEN_PARAM) ?? undefined),
    setCookieHeader: () => `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
  };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
