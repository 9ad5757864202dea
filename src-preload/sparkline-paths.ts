/**
 * SVG path data for a sparkline: the period and the previous period on one scale, with a gap
 * wherever Meta gave nothing (null is not drawn as 0). Shared by the Analytics cards (renderer)
 * and the leadership report's HTML (main), so both draw the same line. Pure: no DOM, no Node.
 */
export function sparklinePaths(
  current: ReadonlyArray<number | null>,
  previous: ReadonlyArray<number | null>,
  width: number,
  height: number,
): { current: string; previous: string } | null {
  const known = [...current, ...previous].filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  const max = Math.max(1, ...known);
  const step = current.length > 1 ? width / (current.length - 1) : width;
  const path = (values: ReadonlyArray<number | null>) => {
    let d = '';
    let pen = false;
    values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${(i * step).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  return { current: path(current), previous: path(previous) };
}
