import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lowerBound, type ItemSize, type WorldSize } from '../../../scripts/bench/lower-bound';

const MODULE = join(__dirname, '../../../scripts/bench/lower-bound.ts');
const items = (n: number, extra: ItemSize[] = []): ItemSize[] => [...extra, ...Array.from({ length: n - extra.length }, () => ({ replies: [] }))];

/**
 * A tiny world, computed by hand from Meta's limits (100 items a page, nested first pages,
 * one call per day of account totals, 90-day Page windows, 20 detailed IG messages):
 *  - discovery: 1 page of /me/accounts                                        = 1
 *  - profile: only the account connected without discovery                      = 1
 *  - media: 150 → 2 pages; the empty account still reads one                  = 3
 *  - type-specific media insights: 3 reels + 2 young feed posts               = 5
 *  - comments: 250 comments → 2 more pages, a comment with 120 replies → 1     = 3
 *  - account insights: (100 days + follower_count) × 2 accounts              = 202
 *  - demographics: 4 dimensions × 2 accounts                                   = 8
 *  - page posts: 101 → 2 pages                                                 = 2
 *  - page insights: 100 days in 90-day windows                                 = 2
 *  - instagram messages: one thread page each (30 messages still nest 20)     = 2
 *  - messenger: one thread page + 250 messages → 2 more pages                  = 3
 */
const TINY: WorldSize = {
  historyDays: 100,
  managedPages: 1,
  accounts: [
    {
      kind: 'instagram',
      viaDiscovery: true,
      media: items(150, [{ replies: [120, ...Array.from({ length: 249 }, () => 0)] }]),
      reels: 3,
      feedPostsUnder30Days: 2,
      threadMessages: [5, 30],
    },
    { kind: 'instagram', viaDiscovery: false, media: [], reels: 0, feedPostsUnder30Days: 0, threadMessages: [] },
    { kind: 'page', viaDiscovery: true, posts: items(101), threadMessages: [10, 250, 100] },
  ],
};

describe('lower bound of a full sync', () => {
  it('matches the hand-computed bound of a tiny world, job by job', () => {
    const bound = lowerBound(TINY);
    expect(bound.byJob).toEqual({
      discovery: 1,
      profile: 1,
      media: 3,
      'media type insights': 5,
      comments: 3,
      'account insights': 202,
      demographics: 8,
      'page posts': 2,
      'page insights': 2,
      'instagram messages': 2,
      'messenger messages': 3,
      'older posts': 0,
      other: 0,
    });
    expect(bound.total).toBe(232);
  });

  it('grows by one operation per extra page, day or type-specific post, never per nested item', () => {
    const base = lowerBound(TINY).total;
    const more = (patch: Partial<WorldSize>) => lowerBound({ ...TINY, ...patch }).total - base;
    expect(more({ historyDays: 181 })).toBe(81 * 2 + 1); // 81 more days on each IG account, a third 90-day Page window
    const [ig, empty, page] = TINY.accounts as [WorldSize['accounts'][0], WorldSize['accounts'][1], WorldSize['accounts'][2]];
    expect(more({ accounts: [{ ...ig, media: items(200) } as typeof ig, empty, page] })).toBe(-3); // still 2 pages of media, but no comment thread longer than its nested page
    expect(more({ accounts: [ig, empty, { ...page, threadMessages: [10, 250, 101] } as typeof page] })).toBe(1); // 101 messages need a second page
  });

  it('depends on nothing the sync or the metric catalogue defines (it imports nothing at all)', () => {
    const source = readFileSync(MODULE, 'utf8');
    const imports = [...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm), ...source.matchAll(/(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
    expect(imports.filter((path) => /src-main\/sync\/|metric-catalogue/.test(path ?? ''))).toEqual([]);
    expect(imports).toEqual([]);
  });
});
