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
  { key: 'sync_naive_vs_full_ratio', label: 'naive client ≥ 10× the full sync', met: (v) => v >= 10 },
  { key: 'sync_routine_vs_full_percent', label: 'routine sync ≤ 10% of a full one', met: (v) => v <= 10 },
  { key: 'sync_brand5_vs_lower_bound_ratio', label: '5-account brand sync ≤ 1.2× its lower bound', met: (v) => v <= 1.2 },
];

/** One verdict per target whose key is in the result. */
export function checkTargets(result: BenchResult): Array<{ target: Target; value: number; met: boolean }> {
  return TARGETS.filter((t) => typeof result[t.key] === 'number').map((target) => {
    const value = result[target.key] as number;
    return { target, value, met: target.met(value) };
  });
}
