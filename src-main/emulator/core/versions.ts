/**
 * Graph API versions and their end-of-life dates. A call to a retired version is served by the
 * oldest available one (silently, like Meta); the served version is always reported in the
 * `facebook-api-version` header.
 */

/** [version, retirement date (unix ms) or Infinity while no date is announced]. */
const VERSIONS: ReadonlyArray<readonly [number, number]> = [
  [19, Date.UTC(2026, 4, 21)],
  [20, Date.UTC(2026, 8, 24)],
  [21, Date.UTC(2027, 0, 21)],
  [22, Date.UTC(2027, 4, 20)],
  [23, Date.UTC(2027, 9, 8)],
  [24, Date.UTC(2028, 1, 18)],
  [25, Date.UTC(2028, 6, 29)],
  [26, Number.POSITIVE_INFINITY],
];

/** Newest version the emulator knows. */
export const LATEST_VERSION = 'v26.0';

/** Outcome of resolving a requested version. */
export type VersionResolution = { ok: true; served: string } | { ok: false };

/** Oldest version still available at `now`. */
export function oldestAvailable(now: number): string {
  const v = VERSIONS.find(([, end]) => end > now) ?? VERSIONS[VERSIONS.length - 1];
  return `v${v?.[0] ?? 26}.0`;
}

/**
 * Resolves `vNN.0` (or undefined for an unversioned call, served by the oldest available
 * version, which is what an app's default version is auto-upgraded to).
 */
export function resolveVersion(requested: string | undefined, now: number): VersionResolution {
  if (requested === undefined) return { ok: true, served: oldestAvailable(now) };
  const m = /^v(\d+)\.(\d+)$/.exec(requested);
  if (!m) return { ok: false };
  const major = Number(m[1]);
  if (m[2] !== '0' && major >= 3) return { ok: false };
  const known = VERSIONS.find(([v]) => v === major);
  if (major > 26) return { ok: false };
  if (!known || known[1] <= now) return { ok: true, served: oldestAvailable(now) };
  return { ok: true, served: `v${major}.0` };
}

/** True for a path segment that looks like a version (v2.3, v25.0). */
export function isVersionSegment(segment: string | undefined): boolean {
  return segment !== undefined && /^v\d+\.\d+$/.test(segment);
}
