import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTargets, TARGETS } from '../../../scripts/bench/targets';

const ROOT = join(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'social-desk-bench-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A result that meets every target. */
const GOOD = {
  store_demo_page50_ms_speed_ratio: 0.97,
  store_demo_point_lookup_ms_speed_ratio: 0.95,
  store_100k_page50_ms_speed_ratio: 0.93,
  store_100k_point_lookup_ms_speed_ratio: 0.91,
  store_100k_ingest_rows_per_sec_speed_ratio: 0.71,
  store_100k_fts_p95_ms_encrypted: 4.2,
  store_100k_open_ms_encrypted: 38,
  wipe_100k_ms: 120,
  sync_full_operations: 1700,
  sync_lower_bound_operations: 1600,
  sync_naive_operations: 30_000,
  sync_full_vs_lower_bound_ratio: 1.063,
  sync_jobs_below_lower_bound: 0,
  sync_naive_vs_full_ratio: 17.6,
  sync_routine_vs_full_percent: 1.5,
  sync_brand5_vs_lower_bound_ratio: 1.08,
  inbox_100k_rendered_rows: 22,
  search_200k_p95_ms: 4.7,
  analytics_overview_ms: 197,
  analytics_query_p95_ms: 12,
  posts_table_rendered_rows: 26,
  renderer_initial_js_gzip_kb: 119,
  forget_200k_max_ms: 62,
  forget_200k_heavy_ms: 167,
  relay_e2e_latency_p95_ms: 52,
};

/** Runs the real bench entry point on a saved result, as `npm run bench -- --check --from FILE` would. */
function benchCheck(result: unknown, ...extra: string[]): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `result-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(result));
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/bench/index.ts'), '--check', '--from', file, ...extra], { encoding: 'utf8', cwd: ROOT });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run bench -- --check', () => {
  it('has a target on every figure in the good result, and all are met', () => {
    expect(checkTargets(GOOD).map((c) => c.target.key).sort()).toEqual(TARGETS.map((t) => t.key).sort());
    expect(checkTargets(GOOD).every((c) => c.met)).toBe(true);
  });

  it('exits 0 when every target is met', () => {
    const run = benchCheck(GOOD);
    expect(run.stdout).toContain('every target met');
    expect(run.status).toBe(0);
  });

  it('exits non-zero and names the target when the sync spends more than 1.2× the lower bound', () => {
    const run = benchCheck({ ...GOOD, sync_full_operations: 2000, sync_full_vs_lower_bound_ratio: 1.25 });
    expect(run.stdout).toMatch(/MISSED full sync ≤ 1\.2× the lower bound \(sync_full_vs_lower_bound_ratio = 1\.25\)/);
    expect(run.status).toBe(1);
  });

  it('exits non-zero when a sync job reads less than its bound, or the naive client is not 5× dearer', () => {
    expect(benchCheck({ ...GOOD, sync_jobs_below_lower_bound: 2 }).status).toBe(1);
    expect(benchCheck({ ...GOOD, sync_naive_vs_full_ratio: 4.9 }).status).toBe(1);
  });

  it('keeps stdout one JSON object under --json and reports the verdicts on stderr', () => {
    const run = benchCheck({ ...GOOD, wipe_100k_ms: 1500 }, '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({ wipe_100k_ms: 1500, sync_lower_bound_operations: 1600, sync_naive_operations: 30_000 });
    expect(run.stderr).toContain('MISSED wipe < 1 s at 100k');
    expect(run.status).toBe(1);
  });

  it('judges the issues\' own targets: a slow dashboard query or a slow forget fails the check', () => {
    const slowQuery = benchCheck({ ...GOOD, analytics_query_p95_ms: 147.5 });
    expect(slowQuery.stdout).toMatch(/MISSED each dashboard query p95 < 20 ms/);
    expect(slowQuery.status).toBe(1);
    expect(benchCheck({ ...GOOD, forget_200k_heavy_ms: 676 }).status).toBe(1);
    expect(benchCheck({ ...GOOD, search_200k_p95_ms: 31.7 }).status).toBe(1);
  });

  it('refuses to pass a result that carries none of the figures', () => {
    const run = benchCheck({ something_else: 1 });
    expect(run.stdout).toContain('none of the figures');
    expect(run.status).toBe(2);
  });
});
