import { Fragment, useState } from 'react';

/**
 * Bidi controls (embeddings, overrides, isolates, marks) reorder the text that follows them:
 * "Invoice \u202Efdp.exe" displays as "Invoice exe.pdf". They are taken out of the text and shown
 * as visible tags instead, so what is shown is what was sent; the rest sits in a <bdi> so a
 * right-to-left name cannot flip the layout around it.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const CONTROL_NAMES: Record<string, string> = {
  '\u061C': 'ALM',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

/** Splits text into plain parts and the bidi controls found in it (for display and tests). */
export function splitBidi(text: string): Array<{ text: string; control: boolean }> {
  const parts: Array<{ text: string; control: boolean }> = [];
  let last = 0;
  for (const found of text.matchAll(BIDI_CONTROLS)) {
    if (found.index > last) parts.push({ text: text.slice(last, found.index), control: false });
    parts.push({ text: CONTROL_NAMES[found[0]] ?? 'BIDI', control: true });
    last = found.index + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), control: false });
  return parts;
}

/** Text from outside, rendered inert: React text nodes only, isolated, bidi controls made visible. */
export function SafeText({ text }: { text: string }) {
  return (
    <bdi className="safe-text">
      {splitBidi(text).map((part, index) =>
        part.control ? (
          <span key={index} className="bidi-control" title="Hidden text-direction character, shown so it cannot disguise the text">
            {part.text}
          </span>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </bdi>
  );
}

/** Characters of a message shown before "Show all": a 100,000-character message would stall the window. */
export const TEXT_PREVIEW_CHARS = 2000;
/** "Show all" renders in pieces this long, so no single text node is huge. */
const CHUNK_CHARS = 4000;

/** Where to cut `text` near `at` without splitting an emoji's surrogate pair. */
function cutPoint(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at + 1 : at;
}

/** Long text capped at TEXT_PREVIEW_CHARS with a "Show all" button. */
export function CappedText({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  if (text.length <= TEXT_PREVIEW_CHARS) return <SafeText text={text} />;
  if (!expanded) {
    return (
      <>
        <SafeText text={`${text.slice(0, cutPoint(text, TEXT_PREVIEW_CHARS))}…`} />{' '}
        <button type="button" className="link-button" data-show-all="true" onClick={() => setExpanded(true)}>
          Show all ({text.length.toLocaleString()} characters)
        </button>
      </>
    );
  }
  const chunks: string[] = [];
  for (let at = 0; at < text.length; ) {
    const end = cutPoint(text, at + CHUNK_CHARS);
    chunks.push(text.slice(at, end));
    at = end;
  }
  return (
    <span className="long-text">
      {chunks.map((chunk, index) => (
        <SafeText key={index} text={chunk} />
      ))}
    </span>
  );
}
