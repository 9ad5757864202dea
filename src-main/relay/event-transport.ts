/**
 * How the desktop reads its envelopes: Server-Sent Events first, long polling when SSE cannot work
 * on this path. Some proxies and corporate gateways buffer a streamed response (nothing arrives
 * until it ends) or answer it with a page of their own; the relay's first SSE event (`ready`) then
 * never comes, and the same `GET /v1/events` with `Accept: application/json&wait=S` (the relay's
 * long poll) still works, one short response at a time. Once SSE failed, this connection keeps
 * polling; the next `listen` tries SSE again.
 */
import { createParser } from 'eventsource-parser';
import { RelayRequestError, relayFailure, relayRequest, type WireEnvelope } from './relay-http';

export type RelayTransport = 'sse' | 'long-poll';

/** The stream answered but is not usable as SSE here (wrong content type, or `ready` never came). */
export class SseUnavailableError extends Error {
  override name = 'SseUnavailableError';
}

/** How long the relay's `ready` event may take before SSE counts as blocked on this path. */
export const SSE_READY_TIMEOUT_MS = 10_000;
/** Seconds the relay holds a long poll open when it has nothing (it caps this at 30). */
export const LONG_POLL_WAIT_S = 25;

export interface ReadOptions {
  after: number;
  signal: AbortSignal;
  /** Called once the relay is known to deliver (SSE `ready`, or the first poll answered). */
  onOpen: () => Promise<void>;
  /** Called for each envelope in order, awaited, so the caller's commit finishes first. */
  onEnvelope: (e: WireEnvelope) => Promise<void>;
  readyTimeoutMs?: number;
}

/** Reads the relay's Server-Sent Events until the stream ends or `signal` aborts. */
export async function readEventStream(relayUrl: string, token: string, options: ReadOptions): Promise<void> {
  const waiting = new AbortController();
  const abort = () => waiting.abort();
  options.signal.addEventListener('abort', abort, { once: true });
  let ready = false;
  const timer = setTimeout(() => waiting.abort(), options.readyTimeoutMs ?? SSE_READY_TIMEOUT_MS);
  try {
    const res = await relayRequest(`${relayUrl}/v1/events?after=${options.after}`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: waiting.signal });
    if (!res.ok || !res.body) throw await relayFailure(res);
    if (!(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      await res.body.cancel();
      throw new SseUnavailableError(`The relay's event stream arrived as ${res.headers.get('content-type') ?? 'no content type'} (a proxy in between?)`);
    }
    const queue: WireEnvelope[] = [];
    const parser = createParser({
      onEvent: (message) => {
        if (message.event === 'ready') ready = true;
        if (message.event === 'envelope') queue.push(JSON.parse(message.data) as WireEnvelope);
      },
    });
    const decoder = new TextDecoder();
    let opened = false;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      parser.feed(decoder.decode(chunk, { stream: true }));
      if (ready && !opened) {
        opened = true;
        clearTimeout(timer);
        await options.onOpen();
      }
      while (opened && queue.length > 0) await options.onEnvelope(queue.shift() as WireEnvelope);
    }
  } catch (error) {
    if (!ready && waiting.signal.aborted && !options.signal.aborted) {
      throw new SseUnavailableError('The relay\'s event stream sent nothing in time (a proxy that buffers streams?)');
    }
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', abort);
  }
}

/** One long poll: the envelopes after `after`, or [] once the relay's wait ends with none. */
export async function pollEnvelopes(relayUrl: string, token: string, after: number, signal: AbortSignal, waitS = LONG_POLL_WAIT_S): Promise<WireEnvelope[]> {
  const res = await relayRequest(`${relayUrl}/v1/events?after=${after}&wait=${waitS}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    signal: AbortSignal.any([signal, AbortSignal.timeout((waitS + 15) * 1000)]),
  });
  if (!res.ok) throw await relayFailure(res);
  const body = (await res.json().catch(() => null)) as { events?: WireEnvelope[] } | null;
  if (!body || !Array.isArray(body.events)) throw new RelayRequestError('relay-error', 'The relay answered the long poll with something other than its event list.');
  return body.events;
}

/**
 * Reads envelopes with SSE, or by long polling when `transport.mode` says so or SSE turns out to
 * be unusable (then `transport.mode` becomes 'long-poll' for the caller to show and keep).
 */
export async function readEnvelopes(relayUrl: string, token: string, transport: { mode: RelayTransport }, options: ReadOptions): Promise<void> {
  if (transport.mode === 'sse') {
    try {
      await readEventStream(relayUrl, token, options);
      return;
    } catch (error) {
      if (!(error instanceof SseUnavailableError)) throw error;
      transport.mode = 'long-poll';
    }
  }
  // The first poll asks from the start (anything stored here but not acknowledged comes back and
  // is acknowledged again) and answers at once, so the connection shows live without waiting;
  // later ones wait at the relay and ask from the newest seq seen, so a failed ack cannot spin.
  let after = options.after;
  let opened = false;
  while (!options.signal.aborted) {
    const events = await pollEnvelopes(relayUrl, token, after, options.signal, opened ? LONG_POLL_WAIT_S : 0);
    if (!opened) {
      opened = true;
      await options.onOpen();
    }
    for (const e of events) {
      await options.onEnvelope(e);
      after = Math.max(after, e.seq);
    }
  }
}
