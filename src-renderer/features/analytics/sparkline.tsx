import { sparklinePaths } from '../../../src-preload/sparkline-paths';
/** A tiny line of the period (solid) over the previous period (faint), gaps where Meta gave nothing. */
export function Sparkline({ current, previous }: { current: ReadonlyArray<number | null>; previous: ReadonlyArray<number | null> }) {
  const width = 160;
  const height = 36;
  const paths = sparklinePaths(current, previous, width, height);
  if (!paths) return null;
  return (
    <svg className="sparkline" width="100%" height={height} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
      <path d={paths.previous} className="sparkline__previous" />
      <path d={paths.current} className="sparkline__current" />
    </svg>
  );
}
