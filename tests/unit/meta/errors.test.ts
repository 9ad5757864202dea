import { describe, expect, it } from 'vitest';
import { GraphApiError, USER_ACTIONS } from '../../../src-main/meta/errors';
import { identifyRejectedMetrics, parseGraphError } from '../../../src-main/meta/error-parse';
import { redactSecrets, redactUrl } from '../../../src-main/meta/redact';
import { SECRET_TOKEN, fixture } from './helpers';

const graph = (code: number, subcode?: number, message = 'Some error', extra: Record<string, unknown> = {}) => ({
  error: { message, type: 'OAuthException', code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: 'AbC', ...extra },
});

describe('parseGraphError classification table', () => {
  const table: [string, number, unknown, string][] = [
    ['190 without subcode', 400, graph(190), 'auth-invalid'],
    ['190/458 app removed', 400, graph(190, 458), 'auth-invalid'],
    ['190/459 checkpoint', 400, graph(190, 459), 'auth-invalid'],
    ['190/460 password changed', 400, graph(190, 460), 'auth-invalid'],
    ['190/463 expired', 400, graph(190, 463), 'auth-expired'],
    ['190/464 unconfirmed', 400, graph(190, 464), 'auth-invalid'],
    ['190/467 invalid', 400, graph(190, 467), 'auth-invalid'],
    ['102 session', 400, graph(102), 'auth-invalid'],
    ['10 permission', 403, graph(10), 'permission'],
    ['200 permission', 403, graph(200), 'permission'],
    ['299 permission', 403, graph(299), 'permission'],
    ['3 capability', 400, graph(3), 'permission'],
    ['4 app limit', 400, graph(4), 'rate-limited'],
    ['17 user limit', 400, graph(17), 'rate-limited'],
    ['32 page limit', 400, graph(32), 'rate-limited'],
    ['613 custom limit', 400, graph(613), 'rate-limited'],
    ['341 app limit', 400, graph(341), 'rate-limited'],
    ['80001 BUC pages', 400, graph(80001), 'rate-limited'],
    ['80002 BUC instagram', 400, graph(80002), 'rate-limited'],
    ['80006 BUC messenger', 400, graph(80006), 'rate-limited'],
    ['100/2108006 before conversion', 400, graph(100, 2108006), 'before-business-conversion'],
    ['100/33 missing object', 400, graph(100, 33), 'not-found'],
    ['100 metric must be one of', 400, graph(100, undefined, '(#100) metric[1] must be one of the following values: views, reach, likes'), 'retired-metric'],
    ['100 not a valid insights metric', 400, graph(100, undefined, '(#100) The value must be a valid insights metric'), 'retired-metric'],
    ['100 total_value required', 400, graph(100, undefined, 'The following metrics (views) should be specified with parameter metric_type=total_value'), 'invalid-request'],
    ['100 other', 400, graph(100, undefined, '(#100) Invalid parameter'), 'invalid-request'],
    ['10/2534022 outside window', 400, graph(10, 2534022), 'outside-window'],
    ['1 unknown error', 500, graph(1), 'transient'],
    ['2 service unavailable', 503, graph(2), 'transient'],
    ['is_transient flag', 400, graph(9999, undefined, 'x', { is_transient: true }), 'transient'],
    ['HTTP 5xx without code', 502, {}, 'transient'],
    ['368 policy', 400, graph(368), 'policy'],
    ['506 duplicate', 400, graph(506), 'duplicate'],
    ['unrecognised code', 418, graph(12345), 'unknown'],
  ];
  it.each(table)('%s', (_label, status, body, kind) => {
    const err = parseGraphError(status, body);
    expect(err).toBeInstanceOf(GraphApiError);
    expect(err.kind).toBe(kind);
    expect(err.isTransient).toBe(kind === 'transient');
    expect(err.userAction.length).toBeGreaterThan(10);
  });
});

describe('parseGraphError on real samples', () => {
  it('190/463 expired token (pywa sample, wrapped as on the wire)', () => {
    const inner = fixture<Record<string, unknown>>('graph-error-190-463-expired-token-error-object.json');
    const err = parseGraphError(400, { error: inner });
    expect(err).toMatchObject({ kind: 'auth-expired', code: 190, subcode: 463, type: 'OAuthException', fbtraceId: 'ACEyrTehk6IAd0lm05Ixogh' });
    expect(err.userAction).toBe(USER_ACTIONS['auth-expired']);
    expect(err.message).toContain('Session has expired');
    // The bare inner object (as in statuses[].errors[]) parses the same way.
    expect(parseGraphError(400, inner).kind).toBe('auth-expired');
  });

  it('IGApiException 2500 from graph.instagram.com', () => {
    const err = parseGraphError(400, fixture('ig-login-error-igapiexception-2500.json'));
    expect(err).toMatchObject({ kind: 'invalid-request', code: 2500, type: 'IGApiException', fbtraceId: 'A7OjVVCXwSdfpIERKqntSKo' });
    expect(err.message).toContain('Unknown path components');
  });

  it('legacy api.instagram.com OAuth shape (redirect_uri mismatch)', () => {
    const err = parseGraphError(400, fixture('oauth-code-exchange-error-redirect-uri-mismatch.json'));
    expect(err).toMatchObject({ kind: 'invalid-request', code: 400, type: 'OAuthException' });
    expect(err.message).toContain('redirect_uri is identical');
    expect(err.userAction).toMatch(/redirect URI/);
  });

  it('WhatsApp 131047 re-engagement error object', () => {
    const err = parseGraphError(400, fixture('wa-error-131047-24h-window-error-object.json'));
    expect(err.kind).toBe('outside-window');
    expect(err.code).toBe(131047);
    expect(err.details).toContain('24 hours');
  });

  it('batch item "does not exist" (GraphMethodException, code 100 without subcode)', () => {
    const items = fixture<{ body: string }[]>('graph-batch-response-first-item-error.json');
    const err = parseGraphError(400, JSON.parse(items[0]!.body));
    expect(err).toMatchObject({ kind: 'not-found', code: 100, type: 'GraphMethodException', fbtraceId: 'AjPj2sQoTXX' });
  });
});

describe('retired metric identification', () => {
  it('names the indexed metric from "metric[i] must be one of"', () => {
    const err = parseGraphError(400, graph(100, undefined, '(#100) metric[2] must be one of the following values: views, reach, likes, saved'));
    expect(err.retiredMetricIndex).toBe(2);
    expect(err.allowedMetrics).toEqual(['views', 'reach', 'likes', 'saved']);
    expect(identifyRejectedMetrics(err, ['views', 'reach', 'plays'])).toEqual(['plays']);
  });

  it('names the metric from a "no longer supported" message', () => {
    const err = parseGraphError(400, graph(100, undefined, '(#100) Starting from version v22.0 and above, the impressions metric is no longer supported.'));
    expect(err.kind).toBe('retired-metric');
    expect(err.retiredMetric).toBe('impressions');
    expect(identifyRejectedMetrics(err, ['reach', 'impressions'])).toEqual(['impressions']);
  });

  it('returns nothing when Meta does not say which metric', () => {
    const err = parseGraphError(400, graph(100, undefined, '(#100) The value must be a valid insights metric'));
    expect(identifyRejectedMetrics(err, ['page_fans'])).toEqual([]);
  });
});

describe('retry hints', () => {
  it('reads estimated_time_to_regain_access from BUC headers for rate-limit errors', () => {
    const headers = new Headers({
      'x-business-use-case-usage': JSON.stringify({ '123': [{ type: 'pages', call_count: 100, total_cputime: 5, total_time: 5, estimated_time_to_regain_access: 7 }] }),
    });
    const err = parseGraphError(400, graph(80001), { headers });
    expect(err.retryAfterMs).toBe(7 * 60_000);
  });

  it('reads Retry-After for HTTP 429', () => {
    const err = parseGraphError(429, {}, { headers: { 'Retry-After': '12' } });
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAfterMs).toBe(12_000);
  });
});

describe('token redaction', () => {
  it('scrubs tokens from messages, including ones Meta echoes back', () => {
    const err = parseGraphError(400, graph(190, undefined, `Invalid token ${SECRET_TOKEN} in https://graph.facebook.com/me?access_token=${SECRET_TOKEN}`), {
      secrets: [SECRET_TOKEN],
    });
    expect(err.message).not.toContain(SECRET_TOKEN);
    expect(JSON.stringify(err)).not.toContain(SECRET_TOKEN);
  });

  it('redacts credential parameters, bearer headers and token-shaped strings', () => {
    const text = `GET /x?access_token=abc123456&client_secret=s3cr3tvalue&fields=id Authorization: Bearer ${SECRET_TOKEN} IGQVJWabcdefghijklmnopqrstuvwxyz`;
    const out = redactSecrets(text);
    expect(out).not.toMatch(/abc123456|s3cr3tvalue|IGQVJWabcdef/);
    expect(out).not.toContain(SECRET_TOKEN);
    expect(out).toContain('fields=id');
    expect(redactUrl(new URL(`https://graph.facebook.com/v25.0/me?access_token=${SECRET_TOKEN}`))).toBe(
      'https://graph.facebook.com/v25.0/me?access_token=[REDACTED]',
    );
  });
});
