import { Fragment } from 'react';

/** Split a search snippet where matches are wrapped in `[` and `]` into text and matches. */
export function splitSnippet(snippet: string): Array<{ text: string; match: boolean }> {
  const parts: Array<{ text: string; match: boolean }> = [];
  const pattern = /\[([^\]]*)\]/g;
  let last = 0;
  for (const found of snippet.matchAll(pattern)) {
    const start = found.index;
    if (start > last) parts.push({ text: snippet.slice(last, start), match: false });
    if (found[1]) parts.push({ text: found[1], match: true });
    last = start + found[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}

/** Rendered as text nodes and <mark>, never as HTML, so message text can't inject markup. */
export function HighlightedSnippet({ snippet }: { snippet: string }) {
  return (
    <>
      {splitSnippet(snippet).map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
