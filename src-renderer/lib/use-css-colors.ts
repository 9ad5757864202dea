import { useEffect, useState } from 'react';

function read<K extends string>(names: readonly K[]): Record<K, string> {
  const style = getComputedStyle(document.documentElement);
  const colors = {} as Record<K, string>;
  for (const name of names) colors[name] = style.getPropertyValue(`--${name}`).trim() || 'currentColor';
  return colors;
}

/**
 * Current values of CSS custom properties (e.g. `chart-1` → `--chart-1`), re-read when the theme
 * attribute or the system colour scheme changes, so charts follow light and dark themes.
 */
export function useCssColors<K extends string>(names: readonly K[]): Record<K, string> {
  const [colors, setColors] = useState(() => read(names));
  const key = names.join('|');

  useEffect(() => {
    const list = key.split('|') as K[];
    const update = () => setColors(read(list));
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    media?.addEventListener('change', update);
    return () => {
      observer.disconnect();
      media?.removeEventListener('change', update);
    };
  }, [key]);

  return colors;
}
