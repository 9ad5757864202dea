import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src-preload/contract';
import { AppError, toErrorPayload } from '../../src-main/core/app-error';
import { createDispatch, type Handlers } from '../../src-main/ipc/dispatch';
import { ARG_SCHEMAS } from '../../src-main/ipc/schemas';
import { GraphApiError, NetworkError } from '../../src-main/meta/errors';

/** Handlers that answer with their channel name, except the ones a test overrides. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(CHANNELS.map((c) => [c, () => c])) as unknown as Handlers;
  return { ...all, ...overrides };
}

describe('IPC dispatch', () => {
  it('has an argument schema for every channel', () => {
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses unknown channels and invalid arguments as data, never by throwing', async () => {
    const internal: string[] = [];
    const dispatch = createDispatch(handlers(), { onInternalError: (c) => internal.push(c) });
    await expect(dispatch('fs:readFile', {})).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await expect(dispatch('inbox:search', { query: 'x', limit: 10_000 })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('limit') } });
    await expect(dispatch('inbox:search', { query: 'x', limit: 5, extra: true })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await expect(dispatch('privacy:wipe', { confirm: 'yes' })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await expect(dispatch('inbox:search', { query: 'refund', limit: 5 })).resolves.toEqual({ ok: true, data: 'inbox:search' });
    expect(internal).toEqual([]);
  });

  it('keeps internal details out of the renderer and reports them to the log', async () => {
    const internal: unknown[] = [];
    const dispatch = createDispatch(
      handlers({
        'accounts:list': () => {
          throw new Error('SELECT secret FROM credentials failed near EAAtoken123');
        },
      }),
      { onInternalError: (_c, e) => internal.push(e) },
    );
    const result = await dispatch('accounts:list', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/SELECT|EAAtoken123/);
    expect(internal).toHaveLength(1);
  });

  it('maps Meta and local failures to the closed set of codes with a next step', () => {
    expect(toErrorPayload(new AppError('NOT_FOUND', 'gone'))).toEqual({ code: 'NOT_FOUND', message: 'gone' });
    expect(toErrorPayload(new NetworkError('getaddrinfo ENOTFOUND graph.facebook.com', 'ENOTFOUND'))).toMatchObject({ code: 'OFFLINE' });
    const expired = new GraphApiError({ message: 'Session has expired', kind: 'auth-expired', code: 190, subcode: 463, type: 'OAuthException', httpStatus: 400, fbtraceId: null, isTransient: false });
    expect(toErrorPayload(expired)).toMatchObject({ code: 'AUTH_EXPIRED', message: expect.stringMatching(/Reconnect/) });
    expect(toErrorPayload(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toMatchObject({ code: 'DISK_FULL' });
  });
});
