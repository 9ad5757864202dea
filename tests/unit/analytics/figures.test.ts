import { describe, expect, it } from 'vitest';
import { engagementRate, heatmapBuckets, median, periodChange, sumKnown } from '../../../src-main/services/analytics/figures';
import { addDays, dayCount, dayInZone, periodLabel, previousPeriod, startOfDayInZone, zonedParts } from '../../../src-main/services/analytics/calendar';
import { statePeriod } from '../../../src-main/services/analytics/scope';
import { downsample } from '../../../src-renderer/features/analytics/downsample';
import { postKind } from '../../../src-main/services/analytics/posts';

describe('derived figures, against hand-computed values', () => {
  it('period change: (current − previous) ÷ previous; nothing to compare is null, not 0 %', () => {
    expect(periodChange(125, 100)).toBe(0.25);
    expect(periodChange(75, 100)).toBe(-0.25);
    expect(periodChange(100, 100)).toBe(0);
    expect(periodChange(10, 0)).toBeNull();
    expect(periodChange(null, 100)).toBeNull();
    expect(periodChange(100, null)).toBeNull();
  });

  it('follower growth from daily totals: last day minus the day before the period', () => {
    // Page follows 1,000 on Oct 31 and 1,034 on Nov 30 → +34; previous period 980 → 1,000 → +20 → +70 %.
    const growth = 1034 - 1000;
    expect(periodChange(growth, 1000 - 980)).toBeCloseTo(0.7, 10);
  });

  it('engagement rate: (likes + comments + shares + saves) ÷ reach; unknown reach or parts is null', () => {
    expect(engagementRate({ likes: 40, comments: 5, shares: 3, saves: 2, reach: 1000 })).toBe(0.05);
    // A Page post has no saves: it counts as nothing, the rate still exists.
    expect(engagementRate({ likes: 40, comments: 5, shares: 5, saves: null, reach: 500 })).toBe(0.1);
    expect(engagementRate({ likes: 40, comments: 5, shares: 3, saves: 2, reach: null })).toBeNull();
    expect(engagementRate({ likes: 40, comments: 5, shares: 3, saves: 2, reach: 0 })).toBeNull();
    expect(engagementRate({ likes: null, comments: null, shares: null, saves: null, reach: 100 })).toBeNull();
  });

  it('sums only what Meta gave: no known day is null, not 0', () => {
    expect(sumKnown([1, null, 2, undefined, 3])).toEqual({ sum: 6, known: 3 });
    expect(sumKnown([null, null])).toEqual({ sum: null, known: 0 });
    expect(sumKnown([0, 0])).toEqual({ sum: 0, known: 2 });
  });

  it('heatmap: posts per weekday × hour, median rate only from the minimum number of posts', () => {
    const posts = [
      { weekday: 1, hour: 18, rate: 0.02 },
      { weekday: 1, hour: 18, rate: 0.08 },
      { weekday: 1, hour: 18, rate: 0.05 },
      { weekday: 1, hour: 18, rate: null },
      { weekday: 3, hour: 9, rate: 0.5 },
      { weekday: 3, hour: 9, rate: 0.4 },
    ];
    const cells = heatmapBuckets(posts, 3);
    expect(cells).toHaveLength(168);
    expect(cells[1 * 24 + 18]).toEqual({ weekday: 1, hour: 18, posts: 4, medianRate: 0.05 });
    // Two posts: counted, not coloured.
    expect(cells[3 * 24 + 9]).toEqual({ weekday: 3, hour: 9, posts: 2, medianRate: null });
    expect(cells.reduce((s, c) => s + c.posts, 0)).toBe(6);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('downsampling keeps each bucket’s peak and dip, in order, and leaves short series alone', () => {
    const series = Array.from({ length: 3000 }, (_, i) => ({ i, v: i === 1234 ? 1_000_000 : i === 2222 ? -5 : i % 10 }));
    const reduced = downsample(series, (p) => p.v, 1500);
    expect(reduced.length).toBeLessThanOrEqual(1500);
    expect(reduced.some((p) => p.v === 1_000_000)).toBe(true);
    expect(reduced.some((p) => p.v === -5)).toBe(true);
    expect(reduced.map((p) => p.i)).toEqual([...reduced.map((p) => p.i)].sort((a, b) => a - b));
    expect(downsample(series.slice(0, 10), (p) => p.v, 1500)).toHaveLength(10);
    // A bucket Meta gave nothing for stays a gap.
    const gaps = Array.from({ length: 40 }, (_, i) => ({ v: i < 20 ? null : i }));
    expect(downsample(gaps, (p) => p.v, 4).map((p) => p.v)).toEqual([null, 20, 39]);
  });

  it('names Meta’s raw post types in words', () => {
    expect(postKind('facebook', 'added_photos', 'PAGE_POST')).toBe('Photo');
    expect(postKind('facebook', 'mobile_status_update', 'PAGE_POST')).toBe('Status');
    expect(postKind('facebook', 'shared_story', 'PAGE_POST')).toBe('Link');
    expect(postKind('instagram', 'VIDEO', 'REELS')).toBe('Reel');
    expect(postKind('instagram', 'CAROUSEL_ALBUM', 'FEED')).toBe('Carousel');
  });
});

describe('one calendar: days in the user’s time zone', () => {
  it('places an instant on the right day and hour in each zone', () => {
    const t = Date.UTC(2026, 10, 30, 23, 30); // Mon Nov 30, 23:30 UTC
    expect(zonedParts(t, 'UTC')).toEqual({ day: '2026-11-30', weekday: 1, hour: 23 });
    expect(zonedParts(t, 'Europe/Berlin')).toEqual({ day: '2026-12-01', weekday: 2, hour: 0 });
    expect(zonedParts(t, 'America/Los_Angeles')).toEqual({ day: '2026-11-30', weekday: 1, hour: 15 });
  });

  it('finds where a day starts, across DST changes too', () => {
    expect(startOfDayInZone('2026-12-01', 'UTC')).toBe(Date.UTC(2026, 11, 1));
    expect(startOfDayInZone('2026-12-01', 'Europe/Berlin')).toBe(Date.UTC(2026, 10, 30, 23));
    expect(startOfDayInZone('2026-07-01', 'Europe/Berlin')).toBe(Date.UTC(2026, 5, 30, 22));
    // Berlin leaves summer time on Oct 25, 2026: that day is 25 hours long.
    expect(startOfDayInZone('2026-10-26', 'Europe/Berlin') - startOfDayInZone('2026-10-25', 'Europe/Berlin')).toBe(25 * 3_600_000);
    expect(startOfDayInZone('2026-03-09', 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4));
    expect(dayInZone(startOfDayInZone('2026-03-08', 'America/New_York'), 'America/New_York')).toBe('2026-03-08');
  });

  it('states presets as finished days ending yesterday, and a range ending today as partial', () => {
    const now = Date.UTC(2026, 11, 1, 0, 30); // Dec 1, 00:30 UTC = Dec 1, 01:30 in Berlin, Nov 30 16:30 in LA
    const berlin = statePeriod({ preset: 28 }, now, 'Europe/Berlin');
    expect([berlin.from, berlin.to, berlin.previousFrom, berlin.previousTo]).toEqual(['2026-11-03', '2026-11-30', '2026-10-06', '2026-11-02']);
    expect(berlin.label).toBe('Nov 3 – Nov 30, 2026');
    expect(berlin.includesToday).toBe(false);
    const la = statePeriod({ preset: 7 }, now, 'America/Los_Angeles');
    expect([la.from, la.to]).toEqual(['2026-11-23', '2026-11-29']);
    const custom = statePeriod({ from: '2026-11-01', to: '2026-12-01' }, now, 'Europe/Berlin');
    expect(custom.includesToday).toBe(true);
    expect(custom.days).toBe(31);
    expect(() => statePeriod({ from: '2026-12-02', to: '2026-12-02' }, now, 'Europe/Berlin')).toThrow(/future/);
    expect(() => statePeriod({ from: '2026-11-10', to: '2026-11-01' }, now, 'UTC')).toThrow(/after it ends/);
  });

  it('day arithmetic', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(dayCount('2026-11-01', '2026-11-30')).toBe(30);
    expect(previousPeriod('2026-11-01', '2026-11-30')).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(periodLabel('2025-12-20', '2026-01-05')).toBe('Dec 20, 2025 – Jan 5, 2026');
  });
});
