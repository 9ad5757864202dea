/** A tiny line of the period (solid) over the previous period (faint), gaps where Meta gave nothing. */
export function Sparkline({ current, previous }: { current: ReadonlyArray<number | null>; previous: ReadonlyArray<number | null> }) {
  const width = 160;
  const height = 36;
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
  return (
    <svg className="sparkline" width="100%" height={height} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
      <path d={path(previous)} className="sparkline__previous" />
      <path d={path(current)} className="sparkline__current" />
    </svg>
  );
}
