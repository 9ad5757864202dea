import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, type EventName, type Events } from '../../src-preload/contract';
import type { Dispatch } from '../ipc/dispatch';

/**
 * The only file that touches `ipcMain`. Registers one handler per contract channel, each
 * checking that the call comes from our own renderer's main frame before dispatching.
 */
export function registerIpc(dispatch: Dispatch, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from Social Desk.' } };
      }
      return dispatch(channel, args);
    });
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Sends a contract event to a renderer. */
export function sendEvent<E extends EventName>(contents: WebContents, event: E, payload: Events[E]): void {
  if (!contents.isDestroyed()) contents.send(event, payload);
}
