/** Longest stretch of someone else's text a privacy view shows; the rest is cut with an ellipsis. */
const MAX_SHOWN = 120;

/**
 * Text written by someone outside the brand (a name, a handle, a request note). React renders it
 * as text, never HTML; `<bdi>` isolates right-to-left overrides so they cannot reorder what is
 * around them; a 100 KB name is cut; a name of nothing visible says so.
 */
export function SafeText({ text, fallback = 'No name' }: { text: string | null; fallback?: string }) {
  const visible = (text ?? '').replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '').trim();
  if (!visible) return <span className="muted">{fallback}</span>;
  const shown = visible.length > MAX_SHOWN ? `${visible.slice(0, MAX_SHOWN)}…` : visible;
  return (
    <bdi className="safe-text" title={visible.length > MAX_SHOWN ? `${visible.length.toLocaleString()} characters` : undefined}>
      {shown}
    </bdi>
  );
}
