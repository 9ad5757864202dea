import { describe, expect, it } from 'vitest';
import { parseGraphError } from '../../../src-main/meta/error-parse';
import { NetworkError } from '../../../src-main/meta/errors';
import { backoffMs, classifySendError } from '../../../src-main/services/outbox/send-errors';
import { replyWindowAt, HOUR_MS } from '../../../src-preload/outbox-types';

const graph = (status: number, error: Record<string, unknown>) => parseGraphError(status, { error: { type: 'OAuthException', fbtrace_id: 'x', ...error } });

describe("Meta's send errors in plain words", () => {
  it('maps window closed, person unavailable, rate limited, token expired and offline', () => {
    expect(classifySendError(graph(400, { code: 10, error_subcode: 2534022, message: '(#10) This message is sent outside of allowed window.' }))).toMatchObject({ code: 'window-closed', retry: 'never' });
    expect(classifySendError(graph(400, { code: 551, error_subcode: 1545041, message: "(#551) This person isn't available right now." }))).toMatchObject({ code: 'person-unavailable', retry: 'never' });
    expect(classifySendError(graph(400, { code: 613, message: '(#613) Calls to this api have exceeded the rate limit.' }))).toMatchObject({ code: 'rate-limited', retry: 'backoff' });
    expect(classifySendError(graph(400, { code: 190, error_subcode: 463, message: 'Error validating access token: Session has expired' }))).toMatchObject({ code: 'token-expired', retry: 'reconnect' });
    expect(classifySendError(new NetworkError('fetch failed', 'ECONNREFUSED'))).toMatchObject({ code: 'offline', retry: 'backoff' });
  });

  it('backs off 30 s, doubling, capped at 15 minutes', () => {
    expect([1, 2, 3, 10].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 900_000]);
  });
});

describe('reply windows', () => {
  const last = Date.UTC(2026, 10, 20, 12);
  it('is open for 24 h, then human-agent for 7 days only where allowed, then closed', () => {
    expect(replyWindowAt(last, false, last + 23 * HOUR_MS)).toMatchObject({ state: 'open', closesAt: last + 24 * HOUR_MS, refusal: null });
    expect(replyWindowAt(last, false, last + 25 * HOUR_MS)).toMatchObject({ state: 'closed', closesAt: null });
    expect(replyWindowAt(last, false, last + 25 * HOUR_MS).refusal).toMatch(/Human Agent/);
    expect(replyWindowAt(last, true, last + 25 * HOUR_MS)).toMatchObject({ state: 'human-agent', closesAt: last + 7 * 24 * HOUR_MS });
    expect(replyWindowAt(last, true, last + 7 * 24 * HOUR_MS).state).toBe('closed');
    expect(replyWindowAt(null, true, last).refusal).toMatch(/write first|writes first/);
  });
});
