/** Synthetic people with unique handles and a heavy-tailed activity level. */
import { FIRST_NAMES, LAST_NAMES, USERNAME_PREFIXES, USERNAME_SUFFIXES } from './corpus-people';
import { igUserId } from './ids';
import type { Rng } from './prng';
import type { Person } from './types';

/** Lower-case ASCII handle fragment: "Łukasz" -> "lukasz", "O’Brien" -> "obrien". */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/gi, 'l')
    .replace(/ø/gi, 'o')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Creates `count` distinct people; activity follows a Zipf-like law so a few comment a lot. */
export function createPeople(rng: Rng, count: number, keyPrefix: string): Person[] {
  const used = new Set<string>();
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const sep = rng.pick(['.', '_', '', '.']);
    let base = `${rng.pick(USERNAME_PREFIXES)}${slug(first)}${sep}${rng.chance(0.6) ? slug(last) : slug(last).slice(0, 1)}`;
    base += rng.pick(USERNAME_SUFFIXES);
    let username = base;
    while (used.has(username)) username = `${base}${rng.int(2, 999)}`;
    used.add(username);
    people.push({
      key: `${keyPrefix}${i}`,
      name: `${first} ${last}`,
      username,
      igUserId: igUserId(rng),
      activity: 1 / Math.pow(i + 1, 0.75),
    });
  }
  // Activity was assigned by creation order; shuffle so the chatty ones have random names.
  return rng.shuffle(people);
}

/** Weighted sampler over people by activity (binary search over the cumulative weights). */
export class PersonPicker {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly people: readonly Person[]) {
    let sum = 0;
    for (const p of people) {
      sum += p.activity;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  /** One person, chatty people more often. */
  pick(rng: Rng): Person {
    const r = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    const person = this.people[lo];
    if (!person) throw new Error('PersonPicker has no people');
    return person;
  }
}
