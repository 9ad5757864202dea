/** Audience demographics (age, gender, city, country), derived deterministically per account. */
import { AGE_BUCKETS, CITIES, EXTRA_COUNTRIES } from './corpus-people';
import { unitHash } from './prng';
import type { Niche } from './types';

/** A demographic dimension Meta supports as a breakdown. */
export type DemographicDimension = 'age' | 'gender' | 'city' | 'country';

/** One breakdown row: values per requested dimension, and the count. */
export interface DemographicRow {
  dimensionValues: string[];
  value: number;
}

const AGE_WEIGHTS: Record<Niche, readonly number[]> = {
  studio: [1, 14, 34, 26, 14, 7, 4],
  cafe: [2, 22, 36, 20, 11, 6, 3],
};
const GENDER_WEIGHTS: Record<Niche, readonly number[]> = { studio: [68, 28, 4], cafe: [54, 42, 4] };
/** Both demo brands are UK-based, so the home market dominates. */
const HOME_COUNTRY = 'GB';

function marginal(accountId: string, dim: DemographicDimension, niche: Niche, salt: string): Array<[string, number]> {
  const jitter = (label: string): number => 0.6 + 0.8 * unitHash(accountId, salt, dim, label);
  switch (dim) {
    case 'age':
      return AGE_BUCKETS.map((a, i) => [a, (AGE_WEIGHTS[niche][i] ?? 1) * (0.85 + 0.3 * unitHash(accountId, salt, a))]);
    case 'gender':
      return ['F', 'M', 'U'].map((g, i) => [g, (GENDER_WEIGHTS[niche][i] ?? 1) * (0.9 + 0.2 * unitHash(accountId, salt, g))]);
    case 'city':
      return CITIES.map(([city, cc, w]) => [city, w * jitter(city) * (cc === HOME_COUNTRY ? 3 : 1)]);
    case 'country': {
      const totals = new Map<string, number>();
      for (const [, cc, w] of CITIES) totals.set(cc, (totals.get(cc) ?? 0) + w);
      for (const [cc, w] of EXTRA_COUNTRIES) totals.set(cc, (totals.get(cc) ?? 0) + w);
      return [...totals].map(([cc, w]) => [cc, w * jitter(cc) * (cc === HOME_COUNTRY ? 3 : 1)]);
    }
  }
}

/**
 * Rows for a (possibly combined, e.g. age+gender) breakdown over a population, top 45 by value
 * like Meta. `salt` separates follower/engaged/reached audiences so they differ a little.
 */
export function demographicRows(
  accountId: string,
  niche: Niche,
  dims: readonly DemographicDimension[],
  population: number,
  salt: string,
): DemographicRow[] {
  let rows: Array<{ values: string[]; weight: number }> = [{ values: [], weight: 1 }];
  for (const dim of dims) {
    const m = marginal(accountId, dim, niche, salt);
    const total = m.reduce((s, [, w]) => s + w, 0);
    const next: typeof rows = [];
    for (const row of rows) for (const [label, w] of m) next.push({ values: [...row.values, label], weight: row.weight * (w / total) });
    rows = next;
  }
  // City/country data only covers people Meta could place, so sums stay below the population.
  const coverage = dims.includes('city') ? 0.78 : dims.includes('country') ? 0.95 : 0.97;
  return rows
    .map((r) => ({ dimensionValues: r.values, value: Math.round(population * coverage * r.weight) }))
    .filter((r) => r.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, 45);
}
