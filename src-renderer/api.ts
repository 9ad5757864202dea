import type { Api } from '../src-preload/contract';

declare global {
  interface Window {
    /** Exposed by the preload (or the test bridge); reached only through `getApi()`. */
    api: Api;
  }
}

let override: Api | null = null;

/** The one place the renderer reaches `window.api`, so tests can swap it. */
export function getApi(): Api {
  if (override) return override;
  if (typeof window === 'undefined' || !window.api) {
    throw new Error('window.api is missing: the preload bridge did not load');
  }
  return window.api;
}

/** Replace the bridge in tests; pass null to go back to `window.api`. */
export function setApiForTests(api: Api | null): void {
  override = api;
}
