import { describe, expect, it } from 'vitest';
import { UsageTracker } from '../../../src-main/emulator/core/usage';

describe("the emulator's rolling-hour usage (kept O(1) per call for the bench)", () => {
  it('throttles at the budget, regains as calls leave the hour, and reports Meta-style percents', () => {
    let now = 1_000_000;
    const usage = new UsageTracker(4, () => now);
    usage.record('k', 1);
    now += 10 * 60_000;
    usage.record('k', 1.5);
    usage.record('k', 2);
    usage.record('k', 2);
    expect(usage.isThrottled('k')).toBe(true);
    expect(usage.minutesToRegain('k')).toBe(50);
    expect(JSON.parse(usage.headers({ header: 'app', key: 'k', throttleCode: 4 })['X-App-Usage']!)).toEqual({ call_count: 100, total_cputime: 57, total_time: 73 });
    now += 50 * 60_000;
    expect(usage.isThrottled('k')).toBe(false);
    expect(JSON.parse(usage.headers({ header: 'app', key: 'k', throttleCode: 4 })['X-App-Usage']!)).toEqual({ call_count: 75, total_cputime: 48, total_time: 62 });
    now += 60 * 60_000;
    expect(usage.minutesToRegain('k')).toBe(0);
    expect(JSON.parse(usage.headers({ header: 'app', key: 'k', throttleCode: 4 })['X-App-Usage']!)).toEqual({ call_count: 0, total_cputime: 0, total_time: 0 });
  });

  it('keeps calls in time order when the clock is set back', () => {
    let now = 5 * 3_600_000;
    const usage = new UsageTracker(2, () => now);
    usage.record('k', 1);
    now -= 30 * 60_000;
    usage.record('k', 1);
    // The earliest call, made just now, leaves the hour first: in 60 minutes.
    expect(usage.minutesToRegain('k')).toBe(60);
    now += 31 * 60_000;
    expect(usage.isThrottled('k')).toBe(true);
    now += 30 * 60_000;
    expect(usage.isThrottled('k')).toBe(false);
  });
});
