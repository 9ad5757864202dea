/** The little of jsdom the inbox bench uses (the package ships no types). */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { pretendToBeVisual?: boolean });
    readonly window: Record<string, unknown> & { HTMLElement: { prototype: object }; close(): void };
  }
}
