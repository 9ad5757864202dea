// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { axisTicks } from '../../src-renderer/features/analytics/axis-ticks';
import { chartPoints } from '../../src-renderer/features/analytics/figure-chart';
import { appState, emptyOverview, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';
import { dataAsOf, instagram, overview, pagedPosts, post, summaries } from './analytics-fixtures';
import { formatDateTime } from '../../src-renderer/lib/format';

afterEach(teardownApp);

const ready = () => ok(appState({ phase: 'ready' }));
/** Analytics loads lazily (its own chunk): the first render may take a moment on a busy machine. */
const LAZY = { timeout: 10_000 };

function analyticsStatus() {
  return document.querySelector('[data-view="analytics"]')?.getAttribute('data-status');
}

const card = (accountId: number, figureId: string) => document.querySelector(`[data-account-id="${accountId}"] [data-figure="${figureId}"]`) as HTMLElement;

describe('analytics overview', () => {
  it('with no account shows the honest empty state with both ways out, never zeros', async () => {
    renderApp({ 'app:getState': ready, 'analytics:getOverview': () => ok(emptyOverview()) });
    await waitFor(() => expect(analyticsStatus()).toBe('ready'), LAZY);
    expect(await screen.findByText('No accounts yet — connect an account or explore the demo')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Connect an account' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Explore the demo workspace' })).toBeTruthy();
    expect(screen.getByText('Never synced')).toBeTruthy();
    expect(document.querySelector('[data-figure]')).toBeNull();
  });

  it('shows each account on its own with the period stated, changes, definitions and "no data" with its reason', async () => {
    renderApp({ 'app:getState': ready, 'analytics:getOverview': () => ok(overview()), 'accounts:list': () => ok(summaries) });
    await waitFor(() => expect(card(2, 'reach')).toBeTruthy(), LAZY);
    expect(screen.getByText('Nov 3 – Nov 30, 2026')).toBeTruthy();
    expect(screen.getByText(/compared with Oct 6 – Nov 2, 2026/)).toBeTruthy();
    expect(screen.getByText(`As of the last sync, ${formatDateTime(dataAsOf)}`)).toBeTruthy();
    const reach = card(2, 'reach');
    expect(reach.querySelector('.figure__value')?.textContent).toBe('161.8K');
    expect(reach.textContent).toContain('-18.3%');
    expect(reach.textContent).toContain("Meta's total for the period");
    expect(within(reach).getByText('Reach definition.')).toBeTruthy();
    expect(card(2, 'interactions').textContent).toContain('Likes 20K');
    expect(card(2, 'interactions').textContent).toContain('Saves —');
    // The Page gave no reach: "No data" and why, not 0; a real 0 stays a 0.
    const viewers = card(1, 'reach');
    expect(viewers.querySelector('[data-no-data]')?.textContent).toContain('No data');
    expect(viewers.textContent).toContain('Meta gave no figure for these days.');
    expect(card(1, 'views').querySelector('.figure__value')?.textContent).toBe('0');
    // Two sections, never one summed "All accounts" figure.
    expect(document.querySelectorAll('[data-account-id]').length).toBe(2);
    expect(screen.getByText(/nothing is added across them/)).toBeTruthy();
  });

  it('marks today as partial when the period includes it', async () => {
    renderApp({ 'app:getState': ready, 'analytics:getOverview': () => ok({ ...overview([instagram]), period: { ...overview().period, includesToday: true, to: '2026-12-01' } }) });
    expect(await screen.findByText('Today is partial', {}, LAZY)).toBeTruthy();
  });

  it('asks for the chosen preset, custom range and brand', async () => {
    const fake = renderApp({ 'app:getState': ready, 'analytics:getOverview': () => ok(overview()), 'accounts:list': () => ok(summaries) });
    await waitFor(() => expect(card(2, 'reach')).toBeTruthy(), LAZY);
    fireEvent.click(screen.getByRole('button', { name: '90 days' }));
    await waitFor(() => expect(fake.callsTo('analytics:getOverview').at(-1)).toEqual({ scope: { kind: 'all' }, period: { preset: 90 } }));
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'brand:1' } });
    await waitFor(() => expect(fake.callsTo('analytics:getOverview').at(-1)?.scope).toEqual({ kind: 'brand', accountId: 1 }));
    fireEvent.click(screen.getByRole('button', { name: 'Custom' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(fake.callsTo('analytics:getOverview').at(-1)?.period).toEqual({ from: '2026-11-01', to: '2026-11-30' }));
  });

  it('counts days in the time zone chosen in Settings, and re-reads the figures when it changes', async () => {
    const fake = renderApp({ 'app:getState': ready, 'analytics:getOverview': () => ok(overview()) });
    await waitFor(() => expect(analyticsStatus()).toBe('ready'), LAZY);
    const before = fake.callsTo('analytics:getOverview').length;
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.change(await screen.findByLabelText('Count days in this time zone'), { target: { value: 'Europe/Berlin' } });
    await waitFor(() => expect(fake.callsTo('settings:update')).toContainEqual({ timeZone: 'Europe/Berlin' }));
    await waitFor(() => expect(fake.callsTo('analytics:getOverview').length).toBe(before + 1));
  });

  it('refetches on store:changed for insights', async () => {
    const fake = renderApp({ 'app:getState': ready, 'analytics:getOverview': () => ok(overview()) });
    await waitFor(() => expect(analyticsStatus()).toBe('ready'), LAZY);
    const before = fake.callsTo('analytics:getOverview').length;
    fake.emit('store:changed', { what: ['insights'] });
    await waitFor(() => expect(fake.callsTo('analytics:getOverview').length).toBe(before + 1));
  });

  it('hands the chart one frozen array per figure, the previous period aligned by position', () => {
    const reach = instagram.figures[1]!;
    const first = chartPoints(instagram.days, reach);
    expect(chartPoints(instagram.days, reach)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.map((p) => [p.current, p.previous])).toEqual([[5000, 4000], [6000, 4500], [7000, null]]);
  });
});

describe('posts table', () => {
  it('renders only the visible rows of 5,000 posts, sorts, and shows why a post has no insights', async () => {
    // jsdom lays nothing out: give the scroll box the size a window would (512 px high).
    const size = (prop: 'clientHeight' | 'clientWidth', px: number) => {
      const before = Object.getOwnPropertyDescriptor(Element.prototype, prop)!;
      Object.defineProperty(Element.prototype, prop, { configurable: true, get() { return px; } });
      return () => Object.defineProperty(Element.prototype, prop, before);
    };
    const restore = [size('clientHeight', 512), size('clientWidth', 1000)];
    onTestFinished(() => restore.forEach((r) => r()));
    const posts = Array.from({ length: 5000 }, (_, i) => post(i + 1, i === 4999 ? { insightsStatus: 'before_business_conversion', views: null, reach: null, engagementRate: null } : {}));
    const fake = renderApp({ 'app:getState': ready, 'analytics:getOverview': () => ok(overview()), 'analytics:listPosts': pagedPosts(posts) });
    await waitFor(() => expect(card(2, 'reach')).toBeTruthy(), LAZY);
    fireEvent.click(screen.getByRole('tab', { name: 'Posts' }));
    await waitFor(() => expect(document.querySelector('[data-rows="5000"] [data-post-id]')).toBeTruthy());
    const rendered = document.querySelectorAll('[data-post-id]').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    // Newest first: post 5000, which Meta gives no insights for, says why.
    expect(document.querySelector('[data-post-id="5000"] [data-insights-status]')?.textContent).toContain('posted before the account became a professional account');
    fireEvent.click(document.querySelector('[data-sort="views"]')!);
    await waitFor(() => expect(document.querySelector('[data-post-id]')?.getAttribute('data-post-id')).toBe('4999'));
    // Main sorts and pages: the renderer only ever asks for windows of rows, never all 5,000.
    expect(fake.callsTo('analytics:listPosts').at(-1)).toMatchObject({ sort: { key: 'views', descending: true }, offset: 0, limit: 100 });
    // Scrolled to the end, the last window is asked for and drawn.
    const scroller = document.querySelector('[data-testid="posts-scroll"]') as HTMLElement;
    scroller.scrollTop = 4990 * 56;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(document.querySelector('[data-post-id="1"]')).toBeTruthy());
    const asked = fake.callsTo('analytics:listPosts');
    expect(asked.every((q) => q.limit !== undefined && q.limit <= 100)).toBe(true);
    expect(asked.some((q) => q.offset === 4900)).toBe(true);
    expect(screen.getByText(/Engagement rate = \(likes \+ comments \+ shares \+ saves\) ÷ reach/)).toBeTruthy();
  });
});

describe('post thumbnails', () => {
  it('draws stored thumbnails from the local store for the rows in view, a plain tile for posts without one, and the reason in the detail', async () => {
    const PIXEL = 'data:image/webp;base64,UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==';
    const before = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
    Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 512 });
    onTestFinished(() => {
      Object.defineProperty(Element.prototype, 'clientHeight', before);
    });
    const posts = [post(1, { hasThumbnail: true }), post(2, { hasThumbnail: false })];
    const fake = renderApp({
      'app:getState': ready,
      'analytics:getOverview': () => ok(overview()),
      'analytics:listPosts': pagedPosts(posts),
      'analytics:getThumbnails': () => ok({ 1: PIXEL }),
      'analytics:getPost': () => ok({ post: posts[1]!, history: [], comments: [], thumbnail: null, thumbnailMissingReason: "Meta's image server answered 404, also after asking Meta for the address again." }),
    });
    await waitFor(() => expect(card(2, 'reach')).toBeTruthy(), LAZY);
    fireEvent.click(screen.getByRole('tab', { name: 'Posts' }));
    await waitFor(() => expect(document.querySelector('[data-post-id="1"] img[data-thumbnail="stored"]')?.getAttribute('src')).toBe(PIXEL));
    // Only posts that have a stored picture are asked for, in one call.
    expect(fake.callsTo('analytics:getThumbnails')).toEqual([{ postIds: [1] }]);
    expect(document.querySelector('[data-post-id="2"] [data-thumbnail="none"]')).toBeTruthy();
    expect(document.querySelector('[data-post-id="2"] img')).toBeNull();
    fireEvent.click(within(document.querySelector('[data-post-id="2"]') as HTMLElement).getByRole('button', { name: 'Post number 2' }));
    expect(await screen.findByText(/No picture: Meta's image server answered 404/)).toBeTruthy();
  });
});

describe('engaged people', () => {
  it('opens a person’s comments (filtered to them) and their conversation in the Inbox', async () => {
    const people = [{ id: 41, accountId: 2, name: 'maya.makes', comments: 3, messages: 2, lastSeenAt: dataAsOf, conversationId: 77 }];
    const fake = renderApp({ 'app:getState': ready, 'analytics:getOverview': () => ok(overview()), 'analytics:listPeople': () => ok(people) });
    await waitFor(() => expect(card(2, 'reach')).toBeTruthy(), LAZY);
    fireEvent.click(screen.getByRole('tab', { name: 'Engaged people' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Their comments' }));
    await waitFor(() => expect(fake.callsTo('comments:listThreads').at(-1)).toMatchObject({ accountId: 2, personId: 41 }));
    expect(await screen.findByRole('button', { name: /By maya\.makes/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /By maya\.makes/ }));
    await waitFor(() => expect(fake.callsTo('comments:listThreads').at(-1)?.personId).toBeNull());
    fireEvent.click(document.querySelector('[data-nav="analytics"]')!);
    fireEvent.click(await screen.findByRole('button', { name: 'Conversation' }, LAZY));
    await waitFor(() => expect(fake.callsTo('inbox:getConversation').at(-1)).toMatchObject({ conversationId: 77 }));
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
