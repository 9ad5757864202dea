/**
 * Delivers webhooks and app-dashboard callbacks to a configured URL the way Meta does:
 * - subscribing performs the verification handshake (GET hub.mode=subscribe&hub.verify_token&
 *   hub.challenge; the endpoint must echo the challenge) and fails if it is not answered;
 * - each POST is signed `X-Hub-Signature-256: sha256=HMAC(raw body, app secret)`;
 * - a delivery that is not answered 200 is retried with growing delays, then dropped.
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started
 * The data-deletion and deauthorize callbacks are POSTed as a form `signed_request`.
 * https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback
 */
import { createHmac, randomInt } from 'node:crypto';
import { metaJson } from './payloads';

export interface Subscription {
  url: string;
  verifyToken: string;
  /** Delay before the first retry; each next one doubles (Meta: "decreasing frequency"). */
  retryBaseMs: number;
  /** Attempts in all before the delivery is dropped (Meta gives up after ~36 h). */
  maxAttempts: number;
}

export interface Delivery {
  id: number;
  status: 'pending' | 'delivered' | 'dropped';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  bytes: number;
}

export class WebhookSender {
  subscription: Subscription | null = null;
  readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly appSecret: string) {}

  /** Meta's "Verify and save": the subscription only exists if the handshake succeeds. */
  async subscribe(sub: Subscription): Promise<{ ok: boolean; detail: string }> {
    const challenge = String(randomInt(1, 2 ** 31 - 1));
    const url = new URL(sub.url);
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.verify_token', sub.verifyToken);
    url.searchParams.set('hub.challenge', challenge);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      const text = (await res.text()).trim();
      if (res.status !== 200 || text !== challenge) return { ok: false, detail: `The URL couldn't be validated. Response does not match challenge, expected value="${challenge}", received="${text.slice(0, 64)}" (HTTP ${res.status})` };
    } catch (error) {
      return { ok: false, detail: `The URL couldn't be validated: ${(error as Error).message}` };
    }
    this.subscription = sub;
    return { ok: true, detail: 'subscribed' };
  }

  sign(raw: string): string {
    return `sha256=${createHmac('sha256', this.appSecret).update(raw, 'utf8').digest('hex')}`;
  }

  /** Queues a signed delivery; resolves with the first attempt's record (later retries continue). */
  async deliver(payload: unknown): Promise<Delivery> {
    if (!this.subscription) throw new Error('No webhook subscription: POST /__emulator/webhooks/subscribe first.');
    const raw = metaJson(payload);
    const delivery: Delivery = { id: this.deliveries.length + 1, status: 'pending', attempts: 0, lastStatus: null, lastError: null, bytes: Buffer.byteLength(raw) };
    this.deliveries.push(delivery);
    await this.attempt(delivery, raw, this.subscription);
    return delivery;
  }

  private async attempt(delivery: Delivery, raw: string, sub: Subscription): Promise<void> {
    delivery.attempts += 1;
    try {
      const res = await fetch(sub.url, {
        method: 'POST',
        body: raw,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': this.sign(raw), 'user-agent': 'facebookexternalua' },
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      delivery.lastStatus = res.status;
      delivery.lastError = null;
      if (res.status === 200) {
        delivery.status = 'delivered';
        return;
      }
    } catch (error) {
      delivery.lastStatus = null;
      delivery.lastError = (error as Error).message;
    }
    if (delivery.attempts >= sub.maxAttempts) {
      delivery.status = 'dropped';
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery, raw, sub);
    }, sub.retryBaseMs * 2 ** (delivery.attempts - 1));
    this.timers.add(timer);
  }

  /** A `signed_request` as Meta builds it: base64url(HMAC-SHA256(encoded payload)) "." encoded payload. */
  signedRequest(payload: Record<string, unknown>): string {
    const encoded = Buffer.from(JSON.stringify({ algorithm: 'HMAC-SHA256', ...payload })).toString('base64url');
    const sig = createHmac('sha256', this.appSecret).update(encoded).digest('base64url');
    return `${sig}.${encoded}`;
  }

  /** POSTs a callback form to `url`; returns the endpoint's status and JSON. */
  async callback(url: string, payload: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(url, { method: 'POST', body: new URLSearchParams({ signed_request: this.signedRequest(payload) }), signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: await res.json().catch(() => null) };
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
