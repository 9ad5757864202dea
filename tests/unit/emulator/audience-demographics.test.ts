import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src-main/emulator/world/create-world';
import { demographicsValue } from '../../../src-main/emulator/graph/insights-ig-values';

const NOW = Date.UTC(2026, 10, 20, 12);
type Value = { breakdowns: Array<{ dimension_keys: string[]; results: Array<{ dimension_values: string[]; value: number }> }> };

describe('emulator: engaged and reached audience demographics', () => {
  it('breaks down the engaged and reached audiences of a busy account for the timeframe, each differently', () => {
    const world = createWorld({ scenario: 'small', now: NOW });
    const account = world.igAccounts[0]!;
    const engaged = demographicsValue(world, account, 'engaged_audience_demographics', ['age'], 'this_month') as Value;
    const reached = demographicsValue(world, account, 'reached_audience_demographics', ['age'], 'this_month') as Value;
    expect(engaged.breakdowns[0]!.results.length).toBeGreaterThan(3);
    const total = (v: Value) => v.breakdowns[0]!.results.reduce((s, r) => s + r.value, 0);
    expect(total(reached)).toBeGreaterThan(total(engaged));
  });

  it('gives nothing for an audience under 100 accounts (the harsher reading of Meta\'s threshold), while followers still break down', () => {
    const world = createWorld({ scenario: 'small-account', now: NOW });
    const account = world.igAccounts[0]!;
    for (const metric of ['engaged_audience_demographics', 'reached_audience_demographics']) {
      const v = demographicsValue(world, account, metric, ['country'], 'this_week') as Value;
      expect(v.breakdowns).toEqual([{ dimension_keys: ['country'], results: [] }]);
    }
    expect((demographicsValue(world, account, 'follower_demographics', ['country'], 'this_week') as Value).breakdowns[0]!.results.length).toBeGreaterThan(0);
  });
});
