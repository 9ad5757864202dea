import type { Result } from '../../src-preload/contract';
import { toErrorPayload } from './error-text';

/**
 * Run one bridge call. The contract promises calls never reject, but a missing bridge or a
 * bug must still end up as an error the UI can show, never as an unhandled rejection.
 */
export async function call<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (thrown) {
    return { ok: false, error: toErrorPayload(thrown) };
  }
}
