/**
 * The preload: the only file that touches `ipcRenderer`. It exposes `window.api`, built from the
 * contract as one named function per channel — never a generic invoke — and event subscriptions
 * limited to the contract's event names.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from './contract';

const api = buildApi(
  (channel, args) => ipcRenderer.invoke(channel, args),
  (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => ipcRenderer.removeListener(event, forward);
  },
);

contextBridge.exposeInMainWorld('api', api);
