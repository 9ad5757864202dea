import { describe, expect, it } from 'vitest';
import { RateLimitPausedError } from '../../../src-main/meta/errors';
import { APP_KEY, RateGovernor, businessKey } from '../../../src-main/meta/rate-governor';
import { parseAdAccountUsage, parseBusinessUseCaseUsage, parseUsageHeaders, regainAccessMs } from '../../../src-main/meta/usage';
import { fakeClock, fixture } from './helpers';

describe('usage headers', () => {
  it('reads X-App-Usage from the real batch item headers', () => {
    const items = fixture<{ headers: { name: string; value: string }[] }[]>('graph-batch-response-restfb.json');
    const report = parseUsageHeaders(items[0]!.headers);
    expect(report.app).toEqual({ callCount: 2, totalCputime: 2, totalTime: 2 });
    expect(report.maxPercent).toBe(2);
  });

  it('reads X-Business-Use-Case-Usage per business id and type', () => {
    const value = JSON.stringify({
      '112233': [
        { type: 'pages', call_count: 10, total_cputime: 80, total_time: 20, estimated_time_to_regain_access: 0 },
        { type: 'messenger', call_count: 5, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 },
      ],
      '17841400': [{ type: 'instagram', call_count: 100, total_cputime: 3, total_time: 3, estimated_time_to_regain_access: 12 }],
    });
    const entries = parseBusinessUseCaseUsage(value);
    expect(entries).toHaveLength(3);
    expect(entries[2]).toEqual({ businessId: '17841400', type: 'instagram', callCount: 100, totalCputime: 3, totalTime: 3, estimatedTimeToRegainAccessMin: 12 });
    const report = parseUsageHeaders(new Headers({ 'X-Business-Use-Case-Usage': value }));
    expect(report.maxPercent).toBe(100);
    expect(regainAccessMs(report)).toBe(12 * 60_000);
  });

  it('reads X-Ad-Account-Usage and ignores garbled headers', () => {
    expect(parseAdAccountUsage('{"acc_id_util_pct":9.67,"reset_time_duration":0,"ads_api_access_tier":"standard_access"}')).toEqual({
      accIdUtilPct: 9.67,
      resetTimeDurationSec: 0,
      adsApiAccessTier: 'standard_access',
    });
    expect(parseUsageHeaders({ 'x-app-usage': '{not json' })).toEqual({ business: [], maxPercent: 0 });
  });
});

const usage = (app: number) => ({ app: { callCount: app, totalCputime: 0, totalTime: 0 }, business: [], maxPercent: app });

describe('RateGovernor', () => {
  it('does not delay below the 75% threshold', async () => {
    const { now, sleep, clock } = fakeClock();
    const gov = new RateGovernor({ now, sleep });
    gov.recordUsage(usage(70));
    await gov.beforeRequest(APP_KEY);
    expect(clock.sleeps).toEqual([]);
  });

  it('throttles proportionally above 75%', async () => {
    const { now, sleep, clock } = fakeClock();
    const gov = new RateGovernor({ now, sleep, maxThrottleDelayMs: 20_000 });
    gov.recordUsage(usage(80));
    await gov.beforeRequest(APP_KEY);
    gov.recordUsage(usage(95));
    await gov.beforeRequest(APP_KEY);
    expect(clock.sleeps).toEqual([4_000, 16_000]);
    expect(gov.snapshot()).toEqual([{ key: 'app', percent: 95 }]);
  });

  it('ignores stale usage readings (Meta windows roll)', async () => {
    const { now, sleep, clock } = fakeClock();
    const gov = new RateGovernor({ now, sleep, staleAfterMs: 60_000 });
    gov.recordUsage(usage(99));
    clock.t += 120_000;
    expect(gov.throttleDelayMs([APP_KEY])).toBe(0);
  });

  it('pauses a business until estimated_time_to_regain_access (+ jitter), leaving others alone', async () => {
    const { now, sleep, clock } = fakeClock();
    const start = clock.t;
    const gov = new RateGovernor({ now, sleep, random: () => 0.5, maxPauseWaitMs: 60 * 60_000 });
    gov.recordUsage({
      business: [{ businessId: '111', type: 'pages', callCount: 100, totalCputime: 1, totalTime: 1, estimatedTimeToRegainAccessMin: 5 }],
      maxPercent: 100,
    });
    const pausedUntil = gov.pausedUntil(businessKey('111'));
    // 5 min + 0.5 × (min(60 s, 30 s) + 1 s) = 300 000 + 15 500
    expect(pausedUntil).toBe(start + 300_000 + 15_500);
    expect(gov.snapshot()).toContainEqual({ key: 'business:111', percent: 100, pausedUntil });

    await gov.beforeRequest([APP_KEY, businessKey('222')]);
    expect(clock.sleeps).toEqual([]);
    await gov.beforeRequest([APP_KEY, businessKey('111')]);
    expect(clock.t).toBeGreaterThanOrEqual(pausedUntil!);
  });

  it('throws RateLimitPausedError instead of blocking for a long pause', async () => {
    const { now, sleep } = fakeClock();
    const gov = new RateGovernor({ now, sleep, maxPauseWaitMs: 30_000 });
    gov.pause(businessKey('9'), now() + 10 * 60_000);
    const err = await gov.beforeRequest(businessKey('9')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitPausedError);
    expect((err as RateLimitPausedError).retryAfterMs).toBe(10 * 60_000);
    expect((err as RateLimitPausedError).kind).toBe('rate-limited');
  });

  it('backs off exponentially with jitter from 60 s up to 15 min without an estimate', () => {
    const { now, clock } = fakeClock();
    const gov = new RateGovernor({ now, random: () => 1 });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) waits.push(gov.onRateLimited(APP_KEY) - clock.t);
    // Ceilings 120 s, 240 s, 480 s, then capped at 900 s; each pause extends the previous only if later.
    expect(waits).toEqual([120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
    const low = new RateGovernor({ now, random: () => 0 });
    expect(low.onRateLimited(APP_KEY) - clock.t).toBe(60_000);
  });

  it('resets the backoff streak after a success', () => {
    const { now, clock } = fakeClock();
    const gov = new RateGovernor({ now, random: () => 1 });
    gov.onRateLimited(APP_KEY);
    gov.onRateLimited(APP_KEY);
    gov.onSuccess([APP_KEY]);
    clock.t += 3_600_000;
    expect(gov.onRateLimited(APP_KEY) - clock.t).toBe(120_000);
  });

  it('uses Meta’s retry hint when given', () => {
    const { now, clock } = fakeClock();
    const gov = new RateGovernor({ now, random: () => 0 });
    expect(gov.onRateLimited(businessKey('5'), 90_000) - clock.t).toBe(90_000);
  });

  it('keeps transient delays short', () => {
    const gov = new RateGovernor({ random: () => 1 });
    expect([0, 1, 2, 3, 4].map((a) => gov.transientDelayMs(a))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });
});
