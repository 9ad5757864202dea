/**
 * The desktop's calls to the relay. Failures name their cause: unreachable, refused (revoked or
 * unknown device), a bad pairing code, or the relay's own error text.
 */
/** One sealed envelope as the relay sends it. */
export interface WireEnvelope {
  seq: number;
  arrivedAt: number;
  ciphertext: string;
}

export type RelayFailure = 'unreachable' | 'unauthorized' | 'pairing-refused' | 'rate-limited' | 'relay-error' | 'bad-url';

export class RelayRequestError extends Error {
  override name = 'RelayRequestError';
  constructor(
    readonly failure: RelayFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Normalises a relay URL; https is required except for loopback (tests, a relay on this computer). */
export function normaliseRelayUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new RelayRequestError('bad-url', `"${input}" is not a URL. Enter the relay's address, e.g. https://relay.example.com.`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new RelayRequestError('bad-url', 'The relay must be reached over https (plain http only on this computer).');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export async function relayRequest(url: string, init: RequestInit & { timeoutMs?: number }): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(init.timeoutMs ?? 15_000) });
  } catch (error) {
    if ((error as Error).name === 'AbortError' && init.signal?.aborted) throw error;
    throw new RelayRequestError('unreachable', `The relay at ${new URL(url).origin} could not be reached (${(error as Error).message}).`);
  }
}

export async function relayFailure(res: Response): Promise<RelayRequestError> {
  const detail = ((await res.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${res.status}`;
  if (res.status === 401) return new RelayRequestError('unauthorized', 'The relay no longer knows this device (revoked or reset): pair again with a new code.', 401);
  if (res.status === 429) return new RelayRequestError('rate-limited', `The relay asks to slow down: ${detail}`, 429);
  return new RelayRequestError('relay-error', `The relay refused the request: ${detail}`, res.status);
}

export async function pairDevice(relayUrl: string, body: { code: string; name: string; publicKey: string }): Promise<{ deviceId: string; token: string }> {
  const res = await relayRequest(`${relayUrl}/v1/devices/pair`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  if (res.status === 403) throw new RelayRequestError('pairing-refused', 'The relay refused that pairing code (unknown, already used or expired). Run `pair-code` on the relay for a new one.', 403);
  if (!res.ok) throw await relayFailure(res);
  return (await res.json()) as { deviceId: string; token: string };
}

export async function ackEnvelopes(relayUrl: string, token: string, seqs: number[]): Promise<void> {
  const res = await relayRequest(`${relayUrl}/v1/events/ack`, { method: 'POST', body: JSON.stringify({ seqs }), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
  if (!res.ok) throw await relayFailure(res);
}

export async function reportDeletionDone(relayUrl: string, token: string, code: string): Promise<void> {
  const res = await relayRequest(`${relayUrl}/v1/data-deletion/${encodeURIComponent(code)}/done`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw await relayFailure(res);
}

/** Token exchange through the relay (it holds the app secret); returns Meta's JSON as is. */
export async function exchangeThroughRelay(relayUrl: string, token: string, network: 'facebook' | 'instagram', body: Record<string, string>): Promise<Record<string, unknown>> {
  const res = await relayRequest(`${relayUrl}/v1/oauth/${network}/exchange`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status === 401) throw await relayFailure(new Response(JSON.stringify(json), { status: 401 }));
  if (!res.ok) {
    const meta = (json.error as { message?: string } | undefined)?.message ?? (typeof json.error === 'string' ? json.error : `HTTP ${res.status}`);
    throw new RelayRequestError('relay-error', `The token exchange through the relay failed: ${meta}`, res.status);
  }
  return json;
}
