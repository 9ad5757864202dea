/** Mutable server-side state around the world: clock, tokens, usage, faults, stats. */
import { advance } from '../world/advance';
import { accessToken } from '../world/ids';
import { hashSeed, Rng } from '../world/prng';
import type { TokenSpec, World } from '../world/types';
import { expiredToken, invalidToken, revokedToken } from './errors';
import { FaultRegistry } from './faults';
import { UsageTracker } from './usage';

/** A pending OAuth authorization code (FB dialog or IG authorize). */
export interface OAuthCode {
  code: string;
  host: 'facebook' | 'instagram';
  clientId: string;
  redirectUri: string;
  scopes: string[];
  subjectId: string;
  expiresAt: number;
  used: boolean;
  /** PKCE (Facebook Login's OIDC code flow only): the dialog's code_challenge and its method. */
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
}

/** Call counters exposed by GET /__emulator/stats. */
export interface Stats {
  httpRequests: number;
  operations: number;
  byTemplate: Record<string, number>;
}

/** Everything the request handlers share. */
export class EmulatorState {
  readonly usage: UsageTracker;
  readonly faults = new FaultRegistry();
  readonly codes = new Map<string, OAuthCode>();
  /**
   * The app dashboard's "Valid OAuth Redirect URIs" (Facebook Login settings; Instagram's business
   * login settings). Strict mode: a dialog's redirect_uri must equal one of them exactly.
   * login_success.html is Meta's own page for desktop apps and is always accepted.
   */
  readonly redirectUris: Record<'facebook' | 'instagram', Set<string>> = {
    facebook: new Set(['https://www.facebook.com/connect/login_success.html']),
    instagram: new Set<string>(),
  };
  stats: Stats = { httpRequests: 0, operations: 0, byTemplate: {} };
  /** Added by POST /__emulator/advance on top of the base clock. */
  private offset = 0;
  private minted = 0;
  private readonly tokenIndex = new Map<string, TokenSpec>();

  constructor(
    readonly world: World,
    private readonly baseNow: () => number,
    callsPerHour: number,
  ) {
    this.usage = new UsageTracker(callsPerHour, () => this.now());
    for (const t of world.tokens) this.tokenIndex.set(t.token, t);
  }

  /** Emulator clock: the base clock plus any advance. */
  now(): number {
    return this.baseNow() + this.offset;
  }

  /** Brings the world up to the clock (new items appear as time passes). */
  syncWorld(): void {
    const now = this.now();
    if (now > this.world.now) advance(this.world, now);
  }

  /** Moves the clock forward and returns how many items appeared. */
  advanceBy(ms: number): number {
    this.offset += Math.max(0, ms);
    const before = this.world.revision;
    const added = advance(this.world, this.now());
    return this.world.revision === before ? 0 : added;
  }

  /** Looks a token up without validating it. */
  findToken(token: string): TokenSpec | undefined {
    return this.tokenIndex.get(token);
  }

  /** Validates a token for a host, throwing Meta's 190 variants. */
  authenticate(token: string | undefined, host: 'facebook' | 'instagram'): TokenSpec {
    if (!token) throw invalidToken(true);
    const spec = this.tokenIndex.get(token);
    if (!spec || spec.host !== host) throw invalidToken(false);
    if (spec.revoked) throw revokedToken(spec.appId);
    if (spec.expiresAt !== 0 && spec.expiresAt <= this.now()) throw expiredToken(spec.expiresAt, this.now());
    return spec;
  }

  /** Issues a new token (deterministic per world seed and issue order). */
  mint(template: Omit<TokenSpec, 'token' | 'issuedAt'>): TokenSpec {
    const rng = new Rng(hashSeed(this.world.seed, 'mint', this.minted++));
    const spec: TokenSpec = { ...template, token: accessToken(rng, template.host === 'instagram' ? 'IGAA' : 'EAA'), issuedAt: this.now() };
    this.world.tokens.push(spec);
    this.tokenIndex.set(spec.token, spec);
    return spec;
  }

  /** Adds a redirect URI to the app dashboard's list, as the brand's developer would. */
  registerRedirectUri(host: 'facebook' | 'instagram', uri: string): void {
    this.redirectUris[host].add(uri);
  }

  /** A one-time code for the OAuth flows. */
  mintCode(data: Omit<OAuthCode, 'code' | 'used'>): string {
    const rng = new Rng(hashSeed(this.world.seed, 'code', this.minted++));
    const code = `AQ${accessToken(rng, 'EAA').slice(3, 120)}`;
    this.codes.set(code, { ...data, code, used: false });
    return code;
  }

  /** Counts one operation under its path template. */
  countOperation(template: string): void {
    this.stats.operations++;
    this.stats.byTemplate[template] = (this.stats.byTemplate[template] ?? 0) + 1;
  }

  /** Counts a template that is not an operation of its own (batch envelopes). */
  countTemplateOnly(template: string): void {
    this.stats.byTemplate[template] = (this.stats.byTemplate[template] ?? 0) + 1;
  }

  /** Clears the counters. */
  resetStats(): void {
    this.stats = { httpRequests: 0, operations: 0, byTemplate: {} };
  }
}
