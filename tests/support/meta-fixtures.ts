/**
 * The real Meta payload samples the tests read, kept in the repo (`tests/fixtures/meta/`, with their
 * origin and licence in SOURCES.md) so a fresh clone tests itself with nothing beside it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the folder holding the samples. */
export const META_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/meta/', import.meta.url));

/** Absolute path of one sample. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(name, new URL('../fixtures/meta/', import.meta.url)));
}

/** Parsed JSON of one sample. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as T;
}

/** Raw bytes of one sample (for signature checks over the exact body). */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(fixturePath(name));
}
