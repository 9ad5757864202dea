// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalyticsOverview } from '../../src-preload/contract';
import { axisTicks } from '../../src-renderer/features/analytics/axis-ticks';
import { selectChartSeries } from '../../src-renderer/features/analytics/analytics-selectors';
import { formatDateTime } from '../../src-renderer/lib/format';
import { appState, emptyOverview, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

const dataAsOf = Date.UTC(2025, 2, 4, 9, 30);

function overview(days: number): AnalyticsOverview {
  return {
    accountId: null,
    days,
    series: [
      { day: '2025-03-03', reach: 1200, views: 4000, engaged: 90, interactions: 150, followers: 5000 },
      { day: '2025-03-04', reach: null, views: null, engaged: null, interactions: null, followers: null },
    ],
    totals: { reach: 12_345, views: 98_765, interactions: 4_321, posts: 12 },
    topPosts: [
      {
        id: 1,
        accountId: 1,
        network: 'instagram',
        caption: 'Spring collection is here',
        mediaType: 'IMAGE',
        productType: 'FEED',
        permalink: 'https://www.instagram.com/p/abc/',
        publishedAt: Date.UTC(2025, 2, 1),
        views: 2500,
        reach: 1800,
        likes: 140,
        comments: 12,
        shares: 3,
        saves: 9,
        metricsAt: dataAsOf,
      },
    ],
    dataAsOf,
  };
}

const ready = () => ok(appState({ phase: 'ready' }));

function analyticsStatus() {
  return document.querySelector('[data-view="analytics"]')?.getAttribute('data-status');
}

describe('analytics', () => {
  it('shows the honest empty state and "never synced" with no data — no zeros', async () => {
    renderApp({ 'app:getState': ready, 'analytics:getOverview': ({ days }) => ok(emptyOverview(days)) });
    await waitFor(() => expect(analyticsStatus()).toBe('ready'));
    expect(screen.getByText('No posts yet — connect an account or explore the demo')).toBeTruthy();
    expect(screen.getByText('Never synced')).toBeTruthy();
    expect(document.querySelector('[data-total]')).toBeNull();
  });

  it('shows totals, top posts and the freshness line with data', async () => {
    renderApp({
      'app:getState': ready,
      'analytics:getOverview': ({ days }) => ok(overview(days)),
      'accounts:list': () =>
        ok([
          {
            id: 1,
            network: 'instagram',
            handle: 'northwind.mugs',
            name: 'Northwind Mugs',
            followersCount: 5000,
            mediaCount: 120,
            status: 'active',
            statusDetail: null,
            loginKind: 'demo',
            lastSyncedAt: dataAsOf,
            isDemo: true,
          },
        ]),
    });
    await waitFor(() => expect(analyticsStatus()).toBe('ready'));
    const total = (key: string) => document.querySelector(`[data-total="${key}"] .totals__value`)?.textContent;
    expect(total('reach')).toBe('12.3K');
    expect(total('views')).toBe('98.8K');
    expect(total('interactions')).toBe('4,321');
    expect(total('posts')).toBe('12');
    expect(screen.getByText(`Figures as of ${formatDateTime(dataAsOf)}`)).toBeTruthy();
    expect(screen.getByText('Spring collection is here')).toBeTruthy();
    expect(screen.queryByText(/No posts yet/)).toBeNull();
    expect(await screen.findByRole('option', { name: '@northwind.mugs (demo)' })).toBeTruthy();
  });

  it('refetches for the chosen period and account', async () => {
    const fake = renderApp({ 'app:getState': ready, 'analytics:getOverview': ({ days }) => ok(overview(days)) });
    await waitFor(() => expect(analyticsStatus()).toBe('ready'));
    fireEvent.click(screen.getByRole('button', { name: '90 days' }));
    await waitFor(() => expect(fake.callsTo('analytics:getOverview').at(-1)).toEqual({ accountId: null, days: 90 }));
    expect(screen.getByRole('button', { name: '90 days' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('refetches on store:changed for insights', async () => {
    const fake = renderApp({ 'app:getState': ready, 'analytics:getOverview': ({ days }) => ok(overview(days)) });
    await waitFor(() => expect(analyticsStatus()).toBe('ready'));
    const before = fake.callsTo('analytics:getOverview').length;
    fake.emit('store:changed', { what: ['insights'] });
    await waitFor(() => expect(fake.callsTo('analytics:getOverview').length).toBe(before + 1));
  });

  it('hands the chart one frozen, pre-shaped array per overview', () => {
    const data = overview(30);
    const first = selectChartSeries(data);
    expect(selectChartSeries(data)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.map((point) => point.reach)).toEqual([1200, null]);
  });
});

describe('chart axis', () => {
  it('gives the chart’s y-axis round ticks, all in one unit (never 900 next to 1.8K)', () => {
    const labels = (values: Array<number | null>) => {
      const axis = axisTicks(values);
      return axis.ticks.map(axis.format);
    };
    expect(labels([6_100, 23_800, null, 12_000])).toEqual(['0', '5K', '10K', '15K', '20K', '25K']);
    expect(labels([1_200, 3_500])).toEqual(['0', '1K', '2K', '3K', '4K']);
    expect(labels([900, 2_000])).toEqual(['0', '0.5K', '1K', '1.5K', '2K']);
    expect(labels([101_000, 40_000])).toEqual(['0', '25K', '50K', '75K', '100K', '125K']);
    expect(labels([3, 9])).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(labels([2_400_000])).toEqual(['0', '0.5M', '1M', '1.5M', '2M', '2.5M']);
    expect(labels([null, null])).toEqual(['0', '1']);
  });
});
