import { toErrorPayload } from '../core/app-error';

/** A mistake in how the command was called (an option missing or malformed): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `--graph-base-url` must be an http(s) URL: anything else would send the token who knows where. */
export function checkGraphBaseUrl(value: string | undefined): void {
  if (value === undefined) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--graph-base-url must be an http(s) URL, e.g. http://127.0.0.1:8787 (got "${value}").`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--graph-base-url must be an http(s) URL (got the ${url.protocol} scheme).`);
  }
}

/**
 * Exit code and message for a failure: 2 only for usage mistakes; everything else is 1 with its
 * cause by name (busy, disk full, permission denied, damaged database, not a folder, offline…).
 */
export function failure(error: unknown): { code: number; text: string } {
  if (error instanceof UsageError) return { code: 2, text: error.message };
  const payload = toErrorPayload(error);
  const detail = payload.code === 'INTERNAL' && error instanceof Error ? ` (${error.message})` : '';
  return { code: 1, text: `Error [${payload.code}]: ${payload.message}${detail}` };
}
