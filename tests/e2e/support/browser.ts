import type { Api } from '../../../src-preload/contract';

/**
 * The few browser globals that code passed to `page.evaluate` touches. tsconfig.node.json has
 * no DOM library on purpose (main-process code must not compile against it), so specs cast
 * `globalThis` to this inside the evaluated function; the cast is erased before it is sent.
 */
export interface BrowserGlobals {
  api: Api;
  document: {
    body: { append(node: unknown): void };
    createElement(tag: 'script'): { textContent: string | null };
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { effectiveDirective: string; blockedURI: string }) => void,
      options?: { once: boolean },
    ): void;
  };
  location: { href: string };
  open(url: string): unknown;
  fetch(url: string, init?: { method?: string; body?: string }): Promise<unknown>;
  requestAnimationFrame(callback: () => void): number;
  [name: string]: unknown;
}
