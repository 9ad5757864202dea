import { create } from 'zustand';
import type { AnalyticsOverview } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, onStoreChanged, requestGate, type Loadable } from '../../lib/loadable';

export const PERIODS = [30, 90, 365] as const;
export type PeriodDays = (typeof PERIODS)[number];

interface AnalyticsStore extends Loadable<AnalyticsOverview> {
  /** null = all accounts. */
  accountId: number | null;
  days: PeriodDays;
}

const initial = (): AnalyticsStore => ({ ...idle<AnalyticsOverview>(), accountId: null, days: 30 });

export const useAnalyticsStore = create<AnalyticsStore>()(initial);

const gate = requestGate();

/** Reads the overview for the current account and period; keeps the old figures while loading. */
export async function loadAnalytics(): Promise<void> {
  const isLatest = gate();
  const { accountId, days } = useAnalyticsStore.getState();
  useAnalyticsStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().analytics.getOverview({ accountId, days }));
  if (!isLatest()) return;
  if (result.ok) useAnalyticsStore.setState({ data: result.data, status: 'ready', error: null });
  else useAnalyticsStore.setState({ status: 'error', error: result.error });
}

export function setAnalyticsAccount(accountId: number | null): void {
  useAnalyticsStore.setState({ accountId });
  void loadAnalytics();
}

export function setAnalyticsPeriod(days: PeriodDays): void {
  useAnalyticsStore.setState({ days });
  void loadAnalytics();
}

export function initAnalytics(): () => void {
  return onStoreChanged(['posts', 'insights', 'accounts'], () => {
    if (useAnalyticsStore.getState().status !== 'idle') void loadAnalytics();
  });
}

export function resetAnalyticsStore(): void {
  gate();
  useAnalyticsStore.setState(initial(), true);
}
