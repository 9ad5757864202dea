interface ProgressBarProps {
  label: string;
  done?: number;
  total?: number;
}

/** Native <progress>: accessible, styled from CSS, no inline styles needed under the CSP. */
export function ProgressBar({ label, done, total }: ProgressBarProps) {
  const known = total !== undefined && total > 0 && done !== undefined;
  return (
    <div className="progress" data-progress={known ? `${done}/${total}` : 'indeterminate'}>
      <span className="progress__label">{label}</span>
      {known ? <progress value={Math.min(done, total)} max={total} aria-label={label} /> : <progress aria-label={label} />}
    </div>
  );
}
