/**
 * Sorts the operations a client sends into the jobs of `lower-bound.ts`, by reading each request
 * (and each item of a batch) the way Meta would: which node, which edge, which metrics. It sees
 * only the wire, so it measures the sync without trusting it; the total is checked against the
 * emulator's own count by the caller.
 */
import { lookupNode } from '../../src-main/emulator/graph/nodes';
import type { World } from '../../src-main/emulator/world/types';
import { jobCounts, type Job } from './lower-bound';

const VERSION = /^v\d+\.\d+$/;

/** The job one Graph operation belongs to. */
export function jobOf(world: World, method: string, path: string, params: URLSearchParams): Job {
  const segments = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  if (segments[0] === 'ig') segments.shift();
  if (segments[0] && VERSION.test(segments[0])) segments.shift();
  const [id, edge] = segments;
  if (method !== 'GET' || id === undefined) return 'other';
  if (id === 'me' && edge === 'accounts') return 'discovery';
  if (edge === 'conversations') return params.get('platform') === 'instagram' || id === 'me' ? 'instagram messages' : 'messenger messages';
  if (id === 'me') return edge === undefined ? 'profile' : edge === 'media' ? 'media' : edge === 'insights' ? accountInsightsJob(params) : 'other';
  const node = lookupNode(world, id);
  switch (node?.type) {
    case 'ig_user':
      if (edge === undefined) return 'profile';
      if (edge === 'media') return 'media';
      if (edge === 'insights') return accountInsightsJob(params);
      return 'other';
    case 'page':
      if (edge === undefined) return 'profile';
      if (edge === 'posts' || edge === 'feed' || edge === 'published_posts') return 'page posts';
      if (edge === 'insights') return 'page insights';
      return 'other';
    case 'ig_media':
      if (edge === 'insights') return 'media type insights';
      if (edge === 'comments') return 'comments';
      return edge === undefined ? 'older posts' : 'other';
    case 'post':
      if (edge === 'comments') return 'comments';
      return edge === undefined || edge === 'insights' ? 'older posts' : 'other';
    case 'ig_comment':
    case 'fb_comment':
      return 'comments';
    case 'conversation':
    case 'message': {
      const platform = node.conv.platform;
      return platform === 'instagram' ? 'instagram messages' : 'messenger messages';
    }
    default:
      return 'other';
  }
}

function accountInsightsJob(params: URLSearchParams): Job {
  return (params.get('metric') ?? '').includes('demographics') ? 'demographics' : 'account insights';
}

/** Operations by job, filled in by `countingFetch`. */
export interface JobTally {
  byJob: Record<Job, number>;
  operations: number;
}

/** A fetch that tallies every Graph operation it carries (batch items one by one) by job. */
export function countingFetch(world: World, tally: JobTally, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = init?.body instanceof URLSearchParams ? init.body : typeof init?.body === 'string' ? new URLSearchParams(init.body) : undefined;
    const batch = method === 'POST' ? body?.get('batch') : null;
    if (batch) {
      for (const item of JSON.parse(batch) as Array<{ method?: string; relative_url?: string }>) {
        const [path = '', query = ''] = (item.relative_url ?? '').split(/\?(.*)/s, 2);
        add(tally, jobOf(world, (item.method ?? 'GET').toUpperCase(), path, new URLSearchParams(query)));
      }
    } else if (!url.pathname.startsWith('/__emulator/') && !url.pathname.startsWith('/cdn/')) {
      // Picture downloads from Meta's CDN (the sync's thumbnails) are not Graph operations: Meta's rate limits do
      // not count them, and neither does the emulator.
      add(tally, jobOf(world, method, url.pathname, url.searchParams));
    }
    return inner(input, init);
  };
}

function add(tally: JobTally, job: Job): void {
  tally.byJob[job] += 1;
  tally.operations += 1;
}

/** An empty tally. */
export function newTally(): JobTally {
  return { byJob: jobCounts(), operations: 0 };
}
