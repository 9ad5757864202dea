import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resolveGraphConfig } from '../../../src-main/meta/config';
import { MalformedResponseError } from '../../../src-main/meta/errors';
import { GraphClient } from '../../../src-main/meta/graph-client';
import { rebaseNextUrl } from '../../../src-main/meta/graph-paging';
import { SECRET_TOKEN, emulatorConfig, fakeFetch, fixture, json } from './helpers';

type Item = { id: string };

function pagedClient(pages: Record<string, unknown>) {
  const f = fakeFetch((req) => {
    const key = `${req.url.pathname}?${req.url.searchParams.get('after') ?? ''}`;
    const page = pages[key];
    return page ? json(page) : json({ error: { message: `no page for ${key}`, code: 100, error_subcode: 33 } }, 400);
  });
  return { c: new GraphClient({ config: emulatorConfig(), fetch: f.fetch }), calls: f.calls };
}

describe('rebaseNextUrl', () => {
  const config = emulatorConfig();

  it('maps Meta’s Facebook host onto the configured base, keeping path and query, dropping the token', () => {
    const next = 'https://graph.facebook.com/v25.0/123/feed?limit=25&after=QVFI&access_token=EAAold';
    const { url, host } = rebaseNextUrl(next, config, 'facebook');
    expect(host).toBe('facebook');
    expect(url.toString()).toBe('http://127.0.0.1:8787/v25.0/123/feed?limit=25&after=QVFI');
  });

  it('maps Meta’s Instagram host onto the emulator’s /ig prefix', () => {
    const { url, host } = rebaseNextUrl('https://graph.instagram.com/v25.0/1784/media?after=X', config, 'instagram');
    expect(host).toBe('instagram');
    expect(url.toString()).toBe('http://127.0.0.1:8787/ig/v25.0/1784/media?after=X');
  });

  it('keeps links that already point at the configured base', () => {
    expect(rebaseNextUrl('http://127.0.0.1:8787/ig/v25.0/me/media?after=Y', config, 'facebook').host).toBe('instagram');
    expect(rebaseNextUrl('http://127.0.0.1:8787/v25.0/me/accounts?after=Z', config, 'facebook').host).toBe('facebook');
  });

  it('refuses unknown hosts so the token is never sent there', () => {
    expect(() => rebaseNextUrl('https://evil.example/v25.0/me?after=1', config, 'facebook')).toThrow(MalformedResponseError);
  });

  it('rebases the real Page insights paging link (legacy sample) and strips its token', () => {
    const sample = fixture<{ insights: { paging: { next: string } } }>('fb-page-insights-day-week-days28-legacy-metric.json');
    const { url } = rebaseNextUrl(sample.insights.paging.next, config, 'facebook');
    expect(url.pathname).toBe('/v16.0/123456/insights');
    expect(url.searchParams.get('since')).toBe('1678348800');
    expect(url.searchParams.has('access_token')).toBe(false);
    const real = rebaseNextUrl(sample.insights.paging.next, resolveGraphConfig({}), 'facebook');
    expect(real.url.origin).toBe('https://graph.facebook.com');
  });
});

describe('GraphClient.paginate', () => {
  it('follows next links on Meta’s host against the configured base until next is absent, including short and empty pages', async () => {
    const { c, calls } = pagedClient({
      '/v25.0/1784/media?': { data: [{ id: 'a' }, { id: 'b' }], paging: { cursors: { after: 'c1' }, next: 'https://graph.facebook.com/v25.0/1784/media?limit=2&after=c1&access_token=EAAmeta' } },
      '/v25.0/1784/media?c1': { data: [], paging: { next: 'https://graph.facebook.com/v25.0/1784/media?limit=2&after=c2' } },
      '/v25.0/1784/media?c2': { data: [{ id: 'c' }], paging: { cursors: { before: 'c2' } } },
    });
    const items: Item[] = [];
    for await (const item of c.paginateItems('1784/media', { token: SECRET_TOKEN, params: { limit: 2 }, itemSchema: z.object({ id: z.string() }) })) items.push(item);
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      expect(call.url.origin).toBe('http://127.0.0.1:8787');
      expect(call.url.searchParams.get('access_token')).toBe(SECRET_TOKEN);
    }
    expect(c.stats().operations).toBe(3);
  });

  it('follows Instagram-host links for graph.instagram.com edges', async () => {
    const { c, calls } = pagedClient({
      '/ig/v25.0/me/conversations?': { data: [{ id: 't1' }], paging: { next: 'https://graph.instagram.com/v25.0/me/conversations?platform=instagram&after=n1' } },
      '/ig/v25.0/me/conversations?n1': { data: [{ id: 't2' }] },
    });
    const pages = [];
    for await (const page of c.paginate<Item>('me/conversations', { host: 'instagram', token: SECRET_TOKEN, params: { platform: 'instagram' } })) pages.push(page);
    expect(pages.map((p) => p.data.map((d) => d.id))).toEqual([['t1'], ['t2']]);
    expect(calls[1]!.url.pathname).toBe('/ig/v25.0/me/conversations');
  });

  it('stops when a cursor loops back to a page already fetched', async () => {
    const { c, calls } = pagedClient({
      '/v25.0/p/feed?': { data: [{ id: '1' }], paging: { next: 'https://graph.facebook.com/v25.0/p/feed?after=x' } },
      '/v25.0/p/feed?x': { data: [{ id: '2' }], paging: { next: 'https://graph.facebook.com/v25.0/p/feed?after=x' } },
    });
    const ids: string[] = [];
    for await (const item of c.paginateItems<Item>('p/feed')) ids.push(item.id);
    expect(ids).toEqual(['1', '2']);
    expect(calls).toHaveLength(2);
  });

  it('honours maxPages', async () => {
    const { c, calls } = pagedClient({
      '/v25.0/p/feed?': { data: [{ id: '1' }], paging: { next: 'https://graph.facebook.com/v25.0/p/feed?after=x' } },
      '/v25.0/p/feed?x': { data: [{ id: '2' }], paging: { next: 'https://graph.facebook.com/v25.0/p/feed?after=y' } },
    });
    const ids: string[] = [];
    for await (const item of c.paginateItems<Item>('p/feed', { maxPages: 1 })) ids.push(item.id);
    expect(ids).toEqual(['1']);
    expect(calls).toHaveLength(1);
  });

  it('rejects non-paged responses', async () => {
    const { c } = pagedClient({ '/v25.0/x?': { id: 'not-a-page' } });
    const it = c.paginate('x');
    await expect(it.next()).rejects.toBeInstanceOf(MalformedResponseError);
  });
});
