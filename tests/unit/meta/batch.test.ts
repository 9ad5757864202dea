import { describe, expect, it } from 'vitest';
import { GraphApiError } from '../../../src-main/meta/errors';
import { chunkBatch, decodeBatchItem, encodeBatch, type BatchRequest } from '../../../src-main/meta/graph-batch';
import { GraphClient } from '../../../src-main/meta/graph-client';
import { SECRET_TOKEN, emulatorConfig, fakeClock, fakeFetch, fixture, json } from './helpers';

const ok = (body: unknown) => ({ code: 200, headers: [], body: JSON.stringify(body) });

function batchClient(answer: (ops: { method: string; relative_url: string }[], index: number) => Response) {
  const f = fakeFetch((req, i) => answer(JSON.parse(new URLSearchParams(req.body).get('batch') ?? '[]') as { method: string; relative_url: string }[], i));
  const clock = fakeClock();
  return { c: new GraphClient({ config: emulatorConfig(), fetch: f.fetch, now: clock.now, sleep: clock.sleep }), calls: f.calls };
}

describe('batch decoding of real samples', () => {
  it('restfb batch: two successes with headers and X-App-Usage', () => {
    const items = fixture<unknown[]>('graph-batch-response-restfb.json').map((i) => decodeBatchItem(i));
    expect(items.map((i) => i.result.ok)).toEqual([true, true]);
    const second = items[1]!.result;
    expect(second.ok && second.body).toEqual({ id: '4', name: 'Mark Zuckerberg' });
    expect(second.ok && second.headers?.['Facebook-API-Version']).toBe('v2.3');
    expect(items[0]!.usage?.app).toEqual({ callCount: 2, totalCputime: 2, totalTime: 2 });
  });

  it('first-item error inside an HTTP 200 batch becomes a per-item GraphApiError', () => {
    const [first, second] = fixture<unknown[]>('graph-batch-response-first-item-error.json').map((i) => decodeBatchItem(i).result);
    expect(first!.ok).toBe(false);
    if (!first!.ok) {
      expect(first!.error).toBeInstanceOf(GraphApiError);
      expect(first!.error).toMatchObject({ kind: 'not-found', code: 100, httpStatus: 400, fbtraceId: 'AjPj2sQoTXX' });
    }
    expect(second).toMatchObject({ ok: true, status: 200, body: { id: '123456789', name: 'Tester' } });
  });

  it('null items (Meta timed them out) become transient errors', () => {
    const { result } = decodeBatchItem(null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'transient', isTransient: true });
  });

  it('non-JSON item bodies are malformed, not crashes', () => {
    const { result } = decodeBatchItem({ code: 200, body: '<html>' });
    expect(result.ok === false && result.error.kind).toBe('malformed');
  });
});

describe('batch encoding', () => {
  it('uses relative_url without a leading slash and form-encodes POST bodies', () => {
    const encoded = JSON.parse(encodeBatch([{ method: 'POST', relativeUrl: '/123/comments', body: { message: 'hi there' }, name: 'c' }]));
    expect(encoded).toEqual([{ method: 'POST', relative_url: '123/comments', name: 'c', body: 'message=hi+there' }]);
  });

  it('splits into chunks of at most 50', () => {
    const reqs: BatchRequest[] = Array.from({ length: 120 }, (_, i) => ({ method: 'GET', relativeUrl: `${i}` }));
    expect(chunkBatch(reqs).map((c) => c.length)).toEqual([50, 50, 20]);
  });

  it('refuses named references that a split would break', () => {
    const reqs: BatchRequest[] = Array.from({ length: 51 }, (_, i) => ({ method: 'GET', relativeUrl: `${i}` }));
    reqs[0] = { method: 'GET', relativeUrl: 'me/accounts', name: 'pages' };
    reqs[50] = { method: 'GET', relativeUrl: '?ids={result=pages:$.data.*.id}' };
    expect(() => chunkBatch(reqs)).toThrow(/chunk boundary/);
  });
});

describe('GraphClient.batch', () => {
  it('sends 120 operations as 3 POSTs to /{version}/ and returns results in order', async () => {
    const { c, calls } = batchClient((ops) => json(ops.map((op) => ok({ id: op.relative_url.split('?')[0] }))));
    const reqs: BatchRequest[] = Array.from({ length: 120 }, (_, i) => ({ method: 'GET', relativeUrl: `${i}?fields=id` }));
    const results = await c.batch(reqs, { token: SECRET_TOKEN });
    expect(calls).toHaveLength(3);
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url.pathname).toBe('/v25.0/');
    const form = new URLSearchParams(calls[0]!.body);
    expect(form.get('include_headers')).toBe('false');
    expect(form.get('access_token')).toBe(SECRET_TOKEN);
    expect(results.map((r) => (r.ok ? (r.body as { id: string }).id : 'err'))).toEqual(reqs.map((_, i) => String(i)));
    // Meta counts every operation, batching only saves round trips.
    expect(c.stats()).toEqual({ httpRequests: 3, operations: 120 });
  });

  it('returns per-item errors and timed-out items without failing the rest', async () => {
    const { c } = batchClient(() =>
      json([
        { code: 400, headers: [], body: JSON.stringify({ error: { message: '(#100) metric[0] must be one of the following values: views, reach', code: 100 } }) },
        null,
        ok({ id: '3' }),
        { code: 403, headers: [], body: JSON.stringify({ error: { message: '(#10) Not enough viewers for the media to show insights', code: 10 } }) },
      ]),
    );
    const results = await c.batch(
      ['1/insights?metric=plays', '2', '3', '4/insights'].map((relativeUrl) => ({ method: 'GET' as const, relativeUrl })),
      { token: SECRET_TOKEN },
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.error.kind))).toEqual(['retired-metric', 'transient', 'ok', 'permission']);
  });

  it('reads usage from item headers and backs off once per chunk on item rate limits', async () => {
    const usage = [{ name: 'X-App-Usage', value: '{"call_count":91,"total_cputime":10,"total_time":10}' }];
    const limited = { code: 400, headers: usage, body: JSON.stringify({ error: { message: '(#4) Application request limit reached', code: 4 } }) };
    const { c } = batchClient(() => json([limited, limited]));
    const results = await c.batch([{ method: 'GET', relativeUrl: 'a' }, { method: 'GET', relativeUrl: 'b' }], { token: SECRET_TOKEN });
    expect(results.every((r) => !r.ok && r.error.kind === 'rate-limited')).toBe(true);
    expect(c.governor.snapshot()[0]).toMatchObject({ key: 'app', percent: 91 });
    expect(c.governor.pausedUntil('app')).toBeDefined();
  });

  it('fails loudly when Meta answers with the wrong number of items', async () => {
    const { c } = batchClient(() => json([ok({})]));
    await expect(c.batch([{ method: 'GET', relativeUrl: 'a' }, { method: 'GET', relativeUrl: 'b' }], { token: SECRET_TOKEN })).rejects.toMatchObject({
      kind: 'malformed',
    });
  });
});
