import type { Settings } from '../../../src-preload/contract';

type Theme = Settings['theme'];

/** The theme lives in localStorage too, so the next start paints in the right colours at once. */
const STORAGE_KEY = 'social-desk.theme';

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage can be unavailable (private mode, tests); the theme still applies for this session.
  }
}

export function restoreTheme(): void {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  const theme: Theme = saved === 'light' || saved === 'dark' ? saved : 'system';
  document.documentElement.dataset.theme = theme;
}
