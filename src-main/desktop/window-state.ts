/** Where the main window was; restored on the next start if it still fits a screen. */
export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  bounds: WindowBounds;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 900, height: 600 };

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Reads a saved state written by an older run; anything malformed counts as nothing saved. */
export function parseWindowState(raw: unknown): SavedWindowState | null {
  if (!raw || typeof raw !== 'object') return null;
  const { bounds, maximized } = raw as { bounds?: Partial<WindowBounds>; maximized?: unknown };
  if (!bounds || ![bounds.x, bounds.y, bounds.width, bounds.height].every(isFiniteNumber)) return null;
  return { bounds: bounds as WindowBounds, maximized: maximized === true };
}

/**
 * The bounds to open with: the saved ones (no smaller than the minimum) when at least a
 * usable part of the title bar lands on one of today's screens; otherwise the default size,
 * centred by the OS. A window saved on a monitor that is gone must not open off-screen.
 */
export function restoreBounds(saved: SavedWindowState | null, workAreas: WindowBounds[]): { bounds: Partial<WindowBounds> & { width: number; height: number }; maximized: boolean } {
  if (!saved) return { bounds: { ...DEFAULT_SIZE }, maximized: false };
  const width = Math.max(MIN_SIZE.width, Math.round(saved.bounds.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.bounds.height));
  const { x, y } = saved.bounds;
  // The top 40 px strip (title bar) must overlap a work area by at least 100 × 20 px to be grabbed.
  const titleBarVisible = workAreas.some((area) => {
    const overlapX = Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
    const overlapY = Math.min(y + 40, area.y + area.height) - Math.max(y, area.y);
    return overlapX >= 100 && overlapY >= 20;
  });
  if (!titleBarVisible) return { bounds: { width, height }, maximized: saved.maximized };
  return { bounds: { x: Math.round(x), y: Math.round(y), width, height }, maximized: saved.maximized };
}
