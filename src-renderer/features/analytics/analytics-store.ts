import { create } from 'zustand';
import type { AnalyticsOverview, AnalyticsScope, PeriodChoice } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, onStoreChanged, requestGate, type Loadable } from '../../lib/loadable';
import { useSettingsStore } from '../settings/settings-store';

export const PRESETS = [7, 28, 90, 365] as const;
export type Preset = (typeof PRESETS)[number];
export const TABS = ['overview', 'posts', 'audience', 'people', 'best-time'] as const;
export type AnalyticsTab = (typeof TABS)[number];

interface AnalyticsStore extends Loadable<AnalyticsOverview> {
  scope: AnalyticsScope;
  period: PeriodChoice;
  tab: AnalyticsTab;
  /** Bumped whenever stored data changes, so every sub-view re-reads. */
  revision: number;
  /** Post thumbnails read so far (data URLs from the local store), by post id. */
  thumbnails: Record<number, string>;
}

const initial = (): AnalyticsStore => ({ ...idle<AnalyticsOverview>(), scope: { kind: 'all' }, period: { preset: 28 }, tab: 'overview', revision: 0, thumbnails: {} });

export const useAnalyticsStore = create<AnalyticsStore>()(initial);

const gate = requestGate();

/** Reads the overview for the current scope and period; keeps the old figures while loading. */
export async function loadAnalytics(): Promise<void> {
  const isLatest = gate();
  const { scope, period } = useAnalyticsStore.getState();
  useAnalyticsStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().analytics.getOverview({ scope, period }));
  if (!isLatest()) return;
  if (result.ok) useAnalyticsStore.setState({ data: result.data, status: 'ready', error: null });
  else useAnalyticsStore.setState({ status: 'error', error: result.error });
}

export function setAnalyticsScope(scope: AnalyticsScope): void {
  useAnalyticsStore.setState({ scope });
  void loadAnalytics();
}

export function setAnalyticsPeriod(period: PeriodChoice): void {
  useAnalyticsStore.setState({ period });
  void loadAnalytics();
}

const thumbnailsAsked = new Set<number>();

/** Reads the stored thumbnails of these posts that were not read yet (one IPC call for the rows in view). */
export async function loadThumbnails(postIds: readonly number[]): Promise<void> {
  const missing = postIds.filter((id) => !thumbnailsAsked.has(id));
  if (missing.length === 0) return;
  for (const id of missing) thumbnailsAsked.add(id);
  const result = await call(() => getApi().analytics.getThumbnails({ postIds: missing }));
  if (result.ok) useAnalyticsStore.setState((s) => ({ thumbnails: { ...s.thumbnails, ...result.data } }));
  else for (const id of missing) thumbnailsAsked.delete(id);
}

export function setAnalyticsTab(tab: AnalyticsTab): void {
  useAnalyticsStore.setState({ tab });
}

export function initAnalytics(): () => void {
  const refetch = () => {
    // A sync may have stored a new picture for a post: the rows in view read theirs again (the old one stays until then).
    thumbnailsAsked.clear();
    useAnalyticsStore.setState((s) => ({ revision: s.revision + 1 }));
    if (useAnalyticsStore.getState().status !== 'idle') void loadAnalytics();
  };
  const offStore = onStoreChanged(['posts', 'insights', 'accounts'], refetch);
  // Days are counted in the chosen time zone: a new one re-reads every figure.
  const offZone = useSettingsStore.subscribe((state, previous) => {
    if (previous.data && state.data && state.data.timeZone !== previous.data.timeZone) refetch();
  });
  return () => {
    offStore();
    offZone();
  };
}

export function resetAnalyticsStore(): void {
  gate();
  thumbnailsAsked.clear();
  useAnalyticsStore.setState(initial(), true);
}
