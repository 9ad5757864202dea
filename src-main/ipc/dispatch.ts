import type { ArgsOf, Channel, Result, ResultOf } from '../../src-preload/contract';
import { CHANNELS } from '../../src-preload/contract';
import { AppError, toErrorPayload } from '../core/app-error';
import { ARG_SCHEMAS } from './schemas';

export type Handlers = { [C in Channel]: (args: ArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>> };

export type Dispatch = (channel: string, rawArgs: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Called with anything that became INTERNAL, so it reaches a log (never the renderer). */
  onInternalError?: (channel: string, error: unknown) => void;
}

/**
 * Validates the channel and its arguments, runs the handler and wraps the outcome as data.
 * Both transports (Electron IPC and the test bridge) go through here, so they behave alike.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const known = new Set<string>(CHANNELS);
  return async (channel, rawArgs) => {
    try {
      if (!known.has(channel)) throw new AppError('INVALID_ARGUMENT', `Unknown channel "${channel}".`);
      const c = channel as Channel;
      const parsed = ARG_SCHEMAS[c].safeParse(rawArgs);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('INVALID_ARGUMENT', `Invalid arguments for ${c}: ${issue ? `${issue.path.join('.') || 'value'} ${issue.message}` : 'rejected'}.`);
      }
      const handler = handlers[c] as (args: unknown) => unknown;
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      const payload = toErrorPayload(error);
      if (payload.code === 'INTERNAL') options.onInternalError?.(channel, error);
      return { ok: false, error: payload };
    }
  };
}
