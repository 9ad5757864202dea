/**
 * Keeps the relay listener running in the app while the store is open: starts it when a pairing
 * exists, restarts it after a new pairing, stops it on wipe (registered as background work), and
 * tells the renderer about new messages and status changes.
 */
import type { RelayStatusView } from '../../src-preload/contract';
import type { AppCore } from '../core/app-core';
import { AppError } from '../core/app-error';
import { readSettings } from '../settings/settings';
import { RelayRequestError } from './relay-http';
import type { GrantingUserLookup } from './meta-callbacks';
import { RelayService } from './relay-service';
import { relayTokenExchange, type TokenExchange } from './token-exchange';

export class RelayRunner {
  readonly service: RelayService;
  private controller: AbortController | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly core: AppCore,
    syncNow: () => Promise<void>,
    grantingUser?: GrantingUserLookup,
  ) {
    this.service = new RelayService({
      repos: core.repos,
      now: core.now,
      syncNow,
      ...(grantingUser ? { grantingUser } : {}),
      textOnly: () => readSettings(core.settings()).textOnlyDms,
      onStored: (e) => {
        // Comments too: without it a comment by webhook reached neither the badge nor the notifier.
        const what = [...(e.messagesStored > 0 || e.signalsStored > 0 ? (['messages'] as const) : []), ...(e.commentsStored > 0 ? (['comments'] as const) : [])];
        if (what.length > 0) core.events.emit('store:changed', { what });
        core.events.emit('relay:status', this.service.status());
      },
      onStatus: (s) => core.events.emit('relay:status', s),
    });
    core.registerWork(this);
    // Staff carrying out a deletion request (Privacy) changes 'all': tell the relay it is done.
    const off = core.events.on('store:changed', ({ what }) => {
      if (what.includes('all')) void this.service.followUpMetaCallbacks({ noteGrants: false });
    });
    core.onClosed(off);
  }

  /** Starts listening if paired and not already listening. */
  start(): void {
    if (this.controller || !this.service.links.get()) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = this.service
      .listen({ signal: controller.signal })
      .catch(() => undefined)
      .finally(() => {
        if (this.controller === controller) this.controller = null;
      });
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    this.controller = null;
    await this.running;
  }

  async pair(url: string, code: string): Promise<RelayStatusView> {
    await this.stop();
    try {
      await this.service.pair(url, code);
    } catch (error) {
      if (error instanceof RelayRequestError) {
        const code = error.failure === 'bad-url' ? 'INVALID_ARGUMENT' : error.failure === 'unreachable' ? 'OFFLINE' : error.failure === 'rate-limited' ? 'RATE_LIMITED' : 'FORBIDDEN';
        throw new AppError(code, error.message);
      }
      throw error;
    }
    this.core.repos.audit.record(this.core.now(), 'relay.paired', null, new URL(url).host);
    this.start();
    return this.service.status();
  }

  /** The relay's token exchange when paired (login then needs no app secret here). */
  tokenExchange(): TokenExchange | null {
    return relayTokenExchange(this.service.links);
  }

  async unpair(): Promise<RelayStatusView> {
    await this.stop();
    this.service.unpair();
    this.core.repos.audit.record(this.core.now(), 'relay.unpaired', null, null);
    return this.service.status();
  }
}
