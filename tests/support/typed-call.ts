import type { ArgsOf, Channel, ResultOf } from '../../src-preload/contract';
import type { Dispatch } from '../../src-main/ipc/dispatch';

/** A channel's data through the real dispatch (validation included); an error result throws its words. */
export function typedCall(call: Dispatch) {
  return async <C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> => {
    const result = (await call(channel, args)) as { ok: true; data: ResultOf<C> } | { ok: false; error: { code: string; message: string } };
    if (!result.ok) throw Object.assign(new Error(`${channel}: [${result.error.code}] ${result.error.message}`), { code: result.error.code });
    return result.data;
  };
}
