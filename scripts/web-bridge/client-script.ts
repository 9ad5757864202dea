import { CHANNELS, EVENT_NAMES } from '../../src-preload/contract';

export const INVOKE_PREFIX = '/__bridge/invoke/';
export const EVENTS_PATH = '/__bridge/events';

/**
 * The browser half of the bridge, served as `/__bridge/client.js`. It builds `window.api` the
 * way `buildApi` in the contract does (one named function per channel, grouped by domain, plus
 * `on`), so the renderer cannot tell it from the Electron preload. Plain ES2020 with no
 * imports: it must run as a classic script before the app's module.
 */
export function clientScript(): string {
  return `(() => {
  'use strict';
  const CHANNELS = ${JSON.stringify(CHANNELS)};
  const EVENT_NAMES = ${JSON.stringify(EVENT_NAMES)};
  const listeners = new Map(EVENT_NAMES.map((name) => [name, new Set()]));

  // One stream for every event; the server wraps each as { event, payload }.
  const stream = new EventSource(${JSON.stringify(EVENTS_PATH)});
  stream.onmessage = (message) => {
    let parsed;
    try {
      parsed = JSON.parse(message.data);
    } catch {
      return;
    }
    const set = listeners.get(parsed.event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(parsed.payload);
      } catch (error) {
        console.error('[bridge] listener for ' + parsed.event + ' failed', error);
      }
    }
  };

  // Like ipcRenderer.invoke behind the preload: a transport failure becomes an error as data,
  // because the contract promises calls never reject.
  const invoke = async (channel, args) => {
    try {
      const response = await fetch(${JSON.stringify(INVOKE_PREFIX)} + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-social-desk-bridge': '1' },
        body: JSON.stringify({ args }),
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return await response.json();
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: 'The test bridge did not answer (' + String(error && error.message) + ').' } };
    }
  };

  const api = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':');
    api[domain] = api[domain] || {};
    api[domain][verb] = (args) => invoke(channel, args);
  }
  const on = (event, listener) => {
    if (!EVENT_NAMES.includes(event)) throw new Error('Unknown event ' + String(event));
    const set = listeners.get(event);
    set.add(listener);
    return () => set.delete(listener);
  };
  // contextBridge hands the renderer copies it cannot change; freezing is the closest match.
  for (const domain of Object.keys(api)) Object.freeze(api[domain]);
  Object.defineProperty(window, 'api', { value: Object.freeze({ ...api, on }), writable: false, configurable: false, enumerable: true });
})();
`;
}
