/** Longest stretch of someone else's text a privacy view shows; the rest is cut with an ellipsis. */
const MAX_SHOWN = 120;

/** Their text without invisible and direction-changing characters. */
function visibleText(text: string | null): string {
  return (text ?? '').replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '').trim();
}

function shortText(visible: string): string {
  return visible.length > MAX_SHOWN ? `${visible.slice(0, MAX_SHOWN)}…` : visible;
}

/** The same, as a plain string for an attribute (an accessible name): cleaned and cut. */
export function safeLabel(text: string | null, fallback = 'this person'): string {
  return shortText(visibleText(text)) || fallback;
}

/**
 * Text written by someone outside the brand (a name, a handle, a request note). React renders it
 * as text, never HTML; `<bdi>` isolates right-to-left overrides so they cannot reorder what is
 * around them; a 100 KB name is cut; a name of nothing visible says so.
 */
export function SafeText({ text, fallback = 'No name' }: { text: string | null; fallback?: string }) {
  const visible = visibleText(text);
  if (!visible) return <span className="muted">{fallback}</span>;
  const shown = shortText(visible);
  return (
    <bdi className="safe-text" title={visible.length > MAX_SHOWN ? `${visible.length.toLocaleString()} characters` : undefined}>
      {shown}
    </bdi>
  );
}
