/**
 * Reading Meta's rate-limit usage headers. Every response may carry `X-App-Usage` (platform limit,
 * percentages), `X-Business-Use-Case-Usage` (per business object and use-case type, with
 * `estimated_time_to_regain_access` in minutes) and `X-Ad-Account-Usage`. The governor that acts on
 * them lives in `rate-governor.ts` and is re-exported here.
 */
import { asArray, asNumber, asRecord, asString } from './json-access';

export { RateGovernor, type RateGovernorOptions, type UsageSnapshotEntry } from './rate-governor';

/** Anything headers can come from: fetch `Headers`, a plain map, or batch-item `[{name, value}]`. */
export type HeaderSource = Headers | Record<string, string | undefined> | readonly { name: string; value: string }[];

/** Case-insensitive header lookup over any `HeaderSource`. */
export function getHeader(source: HeaderSource, name: string): string | undefined {
  const wanted = name.toLowerCase();
  if (source instanceof Headers) return source.get(wanted) ?? undefined;
  if (Array.isArray(source)) {
    const list = source as readonly { name: string; value: string }[];
    return list.find((h) => h.name.toLowerCase() === wanted)?.value;
  }
  for (const [key, value] of Object.entries(source as Record<string, string | undefined>)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** Platform usage from `X-App-Usage`, each a percentage of the limit. */
export interface AppUsage {
  callCount: number;
  totalCputime: number;
  totalTime: number;
}

/** One business-use-case entry from `X-Business-Use-Case-Usage`. */
export interface BusinessUseCaseUsage {
  businessId: string;
  type: string;
  callCount: number;
  totalCputime: number;
  totalTime: number;
  /** Minutes until the object may call again; 0 when not throttled. */
  estimatedTimeToRegainAccessMin: number;
}

/** Ad-account usage from `X-Ad-Account-Usage`. */
export interface AdAccountUsage {
  accIdUtilPct: number;
  resetTimeDurationSec?: number;
  adsApiAccessTier?: string;
}

/** Everything the usage headers of one response told us. */
export interface UsageReport {
  app?: AppUsage;
  business: BusinessUseCaseUsage[];
  adAccount?: AdAccountUsage;
  /** Highest percentage across all reported usages (0 when nothing was reported). */
  maxPercent: number;
}

function parseJsonHeader(value: string | undefined): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    // A garbled usage header must never fail the request that carried it.
    return undefined;
  }
}

/** Parses an `X-App-Usage` header value. */
export function parseAppUsage(value: string | undefined): AppUsage | undefined {
  const obj = asRecord(parseJsonHeader(value));
  if (!obj) return undefined;
  return {
    callCount: asNumber(obj.call_count) ?? 0,
    totalCputime: asNumber(obj.total_cputime) ?? 0,
    totalTime: asNumber(obj.total_time) ?? 0,
  };
}

/** Parses an `X-Business-Use-Case-Usage` header value into one entry per business id and type. */
export function parseBusinessUseCaseUsage(value: string | undefined): BusinessUseCaseUsage[] {
  const obj = asRecord(parseJsonHeader(value));
  if (!obj) return [];
  const out: BusinessUseCaseUsage[] = [];
  for (const [businessId, entries] of Object.entries(obj)) {
    for (const entry of asArray(entries)) {
      const e = asRecord(entry);
      if (!e) continue;
      out.push({
        businessId,
        type: asString(e.type) ?? 'unknown',
        callCount: asNumber(e.call_count) ?? 0,
        totalCputime: asNumber(e.total_cputime) ?? 0,
        totalTime: asNumber(e.total_time) ?? 0,
        estimatedTimeToRegainAccessMin: asNumber(e.estimated_time_to_regain_access) ?? 0,
      });
    }
  }
  return out;
}

/** Parses an `X-Ad-Account-Usage` header value. */
export function parseAdAccountUsage(value: string | undefined): AdAccountUsage | undefined {
  const obj = asRecord(parseJsonHeader(value));
  if (!obj) return undefined;
  const pct = asNumber(obj.acc_id_util_pct);
  if (pct === undefined) return undefined;
  const reset = asNumber(obj.reset_time_duration);
  const tier = asString(obj.ads_api_access_tier);
  return {
    accIdUtilPct: pct,
    ...(reset !== undefined ? { resetTimeDurationSec: reset } : {}),
    ...(tier !== undefined ? { adsApiAccessTier: tier } : {}),
  };
}

/** Highest of the three percentages Meta reports for one usage bucket. */
export function usagePercent(u: { callCount: number; totalCputime: number; totalTime: number }): number {
  return Math.max(u.callCount, u.totalCputime, u.totalTime);
}

/** Reads all usage headers of a response (or batch item). */
export function parseUsageHeaders(headers: HeaderSource): UsageReport {
  const app = parseAppUsage(getHeader(headers, 'x-app-usage'));
  const business = parseBusinessUseCaseUsage(getHeader(headers, 'x-business-use-case-usage'));
  const adAccount = parseAdAccountUsage(getHeader(headers, 'x-ad-account-usage'));
  const percents = [
    app ? usagePercent(app) : 0,
    ...business.map(usagePercent),
    adAccount ? adAccount.accIdUtilPct : 0,
  ];
  return {
    ...(app ? { app } : {}),
    business,
    ...(adAccount ? { adAccount } : {}),
    maxPercent: Math.max(0, ...percents),
  };
}

/** Longest `estimated_time_to_regain_access` in a report, in ms; undefined when none is set. */
export function regainAccessMs(report: UsageReport): number | undefined {
  const minutes = Math.max(0, ...report.business.map((b) => b.estimatedTimeToRegainAccessMin));
  return minutes > 0 ? minutes * 60_000 : undefined;
}
