/**
 * The one Node API the renderer tests use (reading style sheets as text: Vitest empties CSS imports,
 * `?raw` included). The web tsconfig has no Node types, so only this is declared.
 */
declare module 'node:fs' {
  export function readFileSync(path: URL, encoding: 'utf8'): string;
}
