import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const sheet = (name: string) => readFileSync(new URL(`../../src-renderer/styles/${name}`, import.meta.url), 'utf8');
const theme = sheet('theme.css');
const controls = sheet('controls.css');

/** The custom properties of one `selector { … }` block in theme.css. */
function palette(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((match) => [match[1], match[2]!.trim()]));
}

function luminance(hex: string): number {
  const channels = hex.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (!channels) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = channels.slice(1).map((part) => {
    const value = parseInt(part, 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The declarations of the rule whose selector list is exactly `selectors`. */
function rule(css: string, selectors: string): Record<string, string> {
  const start = css.indexOf(`${selectors} {`);
  if (start < 0) throw new Error(`no rule ${selectors}`);
  const body = css.slice(start + selectors.length + 2, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/([\w-]+):\s*([^;]+);/g)].map((match) => [match[1], match[2]!.trim()]));
}

describe('styles', () => {
  it('keeps a disabled primary button readable (≥ 4.5:1) in light and dark, without fading it', () => {
    const disabled = rule(controls, '.button--primary:disabled,\n.button--danger:disabled');
    expect(disabled.color).toBe('var(--text-muted)');
    expect(disabled.background).toBe('var(--surface-2)');
    expect(controls).not.toMatch(/:disabled\s*{[^}]*opacity/);
    for (const selector of [':root', ":root[data-theme='dark']"]) {
      const colours = palette(theme, selector);
      expect(contrast(colours['text-muted']!, colours['surface-2']!)).toBeGreaterThanOrEqual(4.5);
      // A plain disabled button keeps its surface background.
      expect(contrast(colours['text-muted']!, colours.surface!)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('ends the text font stacks in the platform emoji fonts (no font files shipped)', () => {
    const root = palette(theme, ':root');
    expect(root['font-emoji']).toBe("'Apple Color Emoji', 'Segoe UI Emoji', 'Segoe UI Symbol', 'Noto Color Emoji'");
    expect(root['font-sans']).toMatch(/sans-serif, var\(--font-emoji\)$/);
    expect(root['font-mono']).toMatch(/var\(--font-emoji\)$/);
  });
});
