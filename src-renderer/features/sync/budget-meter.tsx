import { useId } from 'react';
import type { SyncStatus } from '../../../src-preload/contract';
import { useNow } from '../../lib/use-now';
import { BUDGET_WARNING_PERCENT, budgetPercent, formatClock } from './sync-text';

/**
 * How much of Meta's hourly API budget is used (the highest of the usage headers). Social Desk
 * slows down by itself near the limit; the warning colour just says why things are slower.
 */
export function BudgetMeter({ status }: { status: SyncStatus | null }) {
  const labelId = useId();
  const now = useNow(30_000);
  const percent = budgetPercent(status);
  const pauses = (status?.budget ?? []).map((entry) => entry.pausedUntil).filter((time): time is number => time !== null && time > now);
  const resumesAt = pauses.length > 0 ? Math.max(...pauses) : null;
  if (percent === null) {
    return (
      <p className="budget budget--unknown muted" data-budget="unknown">
        Meta API budget: not reported yet
      </p>
    );
  }
  const warning = percent > BUDGET_WARNING_PERCENT || resumesAt !== null;
  return (
    <div
      className={warning ? 'budget budget--warning' : 'budget'}
      data-budget={warning ? 'warning' : 'ok'}
      data-budget-percent={percent}
    >
      <p id={labelId} className="budget__label">
        Meta API budget: {percent}% used this hour
      </p>
      <meter
        min={0}
        max={100}
        low={50}
        high={BUDGET_WARNING_PERCENT}
        optimum={0}
        value={percent}
        aria-labelledby={labelId}
      />
      {resumesAt !== null ? (
        <p className="budget__note">Meta&apos;s limit is reached: syncing resumes at {formatClock(resumesAt, now)}.</p>
      ) : (
        warning && <p className="budget__note">Close to Meta&apos;s limit: syncing slows down to stay under it.</p>
      )}
    </div>
  );
}
