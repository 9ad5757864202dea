import { useId } from 'react';
import type { SyncStatus } from '../../../src-preload/contract';
import { useNow } from '../../lib/use-now';
import { BUDGET_WARNING_PERCENT, budgetPercent, formatClock } from './sync-text';

function budgetWords(percent: number): string {
  if (percent <= 50) return 'plenty left, syncing runs at full speed';
  if (percent <= BUDGET_WARNING_PERCENT) return 'over half used, still enough for routine syncs';
  return 'close to the limit, so syncing slows down by itself to stay under it';
}

/**
 * How much of Meta's hourly request allowance is used (the highest of Meta's usage headers), in
 * words, in the sync details on Accounts: it explains slow or paused syncs, so it lives where syncs are.
 * Meta reports a share used, not a number of requests, so that is what is shown.
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
        Meta tells Social Desk how much of its hourly request allowance is used once a connected account has synced.
      </p>
    );
  }
  const warning = percent > BUDGET_WARNING_PERCENT || resumesAt !== null;
  return (
    <div className={warning ? 'budget budget--warning' : 'budget'} data-budget={warning ? 'warning' : 'ok'} data-budget-percent={percent}>
      <p id={labelId} className="budget__label">
        Meta&apos;s hourly request allowance: {percent}% used — {budgetWords(percent)}.
      </p>
      <meter min={0} max={100} low={50} high={BUDGET_WARNING_PERCENT} optimum={0} value={percent} aria-labelledby={labelId} />
      {resumesAt !== null && <p className="budget__note">Meta&apos;s limit is reached: syncing resumes at {formatClock(resumesAt, now)}.</p>}
    </div>
  );
}
