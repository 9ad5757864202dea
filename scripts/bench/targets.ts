/**
 * The bench's targets, as data: `npm run bench -- --check` exits non-zero when a measured
 * figure misses one, so a regression shows up as a failed command, not a number nobody reads.
 */

/** A bench result: the `--json` object. */
export type BenchResult = Record<string, number | string>;

/** One target on one JSON key. */
export interface Target {
  key: string;
  /** What the target says, for the report. */
  label: string;
  met: (value: number) => boolean;
}

export const TARGETS: readonly Target[] = [
  { key: 'store_demo_page50_ms_speed_ratio', label: 'encrypted 50-row page reads ≥ 0.9× plain (demo)', met: (v) => v >= 0.9 },
  { key: 'store_demo_point_lookup_ms_speed_ratio', label: 'encrypted point lookups ≥ 0.9× plain (demo)', met: (v) => v >= 0.9 },
  { key: 'store_100k_page50_ms_speed_ratio', label: 'encrypted 50-row page reads ≥ 0.9× plain (100k)', met: (v) => v >= 0.9 },
  { key: 'store_100k_point_lookup_ms_speed_ratio', label: 'encrypted point lookups ≥ 0.9× plain (100k)', met: (v) => v >= 0.9 },
  { key: 'store_100k_ingest_rows_per_sec_speed_ratio', label: 'encrypted ingest ≥ 0.6× plain (100k)', met: (v) => v >= 0.6 },
  { key: 'store_100k_fts_p95_ms_encrypted', label: 'search p95 < 10 ms at 100k', met: (v) => v < 10 },
  { key: 'store_100k_open_ms_encrypted', label: 'open < 150 ms at 100k', met: (v) => v < 150 },
  { key: 'wipe_100k_ms', label: 'wipe < 1 s at 100k', met: (v) => v < 1000 },
  { key: 'sync_full_vs_lower_bound_ratio', label: 'full sync ≤ 1.2× the lower bound', met: (v) => v <= 1.2 },
  { key: 'sync_jobs_below_lower_bound', label: 'no sync job below its lower bound (nothing a full sync must read is skipped)', met: (v) => v === 0 },
  // The 10× this once asked for dates from when "naive" was a formula (49,486 operations). Measured, the naive client
  // costs 13,162 operations on the demo world and the independent lower bound is 1,862: even a perfect client is only
  // 7.1× below naive, so 10× could never be met. What the target guards is that the sync keeps most of what a
  // perfect client saves; ≥ 5× leaves the sync room of ~40% above the bound before it fails, and the bound's own
  // target (≤ 1.2×) is the tight one.
  { key: 'sync_naive_vs_full_ratio', label: 'naive client ≥ 5× the full sync (a perfect client is 7.1× on the demo world)', met: (v) => v >= 5 },
  { key: 'sync_routine_vs_full_percent', label: 'routine sync ≤ 10% of a full one', met: (v) => v <= 10 },
  { key: 'sync_brand5_vs_lower_bound_ratio', label: '5-account brand sync ≤ 1.2× its lower bound', met: (v) => v <= 1.2 },
  // Issue 9 (inbox): a virtualized list and newest-first search at 200,000 messages.
  { key: 'inbox_100k_rendered_rows', label: 'inbox list renders < 100 rows at 100,000 conversations', met: (v) => v < 100 },
  { key: 'search_200k_p95_ms', label: 'search p95 < 10 ms at 200,000 messages (newest first)', met: (v) => v < 10 },
  // Issue 8 (analytics): drawn from the cache, fast enough to feel instant, small initial bundle.
  { key: 'analytics_overview_ms', label: 'Analytics overview drawn from cache < 300 ms', met: (v) => v < 300 },
  { key: 'analytics_query_p95_ms', label: 'each dashboard query p95 < 20 ms at 5 brands × 2 years', met: (v) => v < 20 },
  { key: 'posts_table_rendered_rows', label: 'posts table renders < 100 rows at 5,000 posts', met: (v) => v < 100 },
  { key: 'renderer_initial_js_gzip_kb', label: 'renderer initial JavaScript ≤ 250 KB gzipped', met: (v) => v <= 250 },
  // Issue 10 (privacy): forgetting a person at 200,000 messages, the heaviest person included.
  { key: 'forget_200k_max_ms', label: 'forget a person < 200 ms at 200,000 messages', met: (v) => v < 200 },
  { key: 'forget_200k_heavy_ms', label: 'forget a 1,000-message person < 200 ms at 200,000 messages', met: (v) => v < 200 },
  // Issue 11 (relay): webhook to committed in the desktop store on loopback.
  { key: 'relay_e2e_latency_p95_ms', label: 'relay webhook → committed p95 < 500 ms', met: (v) => v < 500 },
];

/** One verdict per target whose key is in the result. */
export function checkTargets(result: BenchResult): Array<{ target: Target; value: number; met: boolean }> {
  return TARGETS.filter((t) => typeof result[t.key] === 'number').map((target) => {
    const value = result[target.key] as number;
    return { target, value, met: target.met(value) };
  });
}
