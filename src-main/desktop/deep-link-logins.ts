import { timingSafeEqual } from 'node:crypto';
import { describeDeepLinkForLog, parseDeepLink, type LoginProvider } from './deep-links';

interface PendingLogin {
  provider: LoginProvider;
  state: string;
  resolve: (params: URLSearchParams | null) => void;
}

export type DeepLinkOutcome = 'delivered' | 'ignored';

/** A login waiting for its answer by deep link; `cancel` ends the wait with null. */
export interface DeepLinkWait {
  answer: Promise<URLSearchParams | null>;
  cancel: () => void;
}

function sameState(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Routes `social-desk://login/…` links to the login that asked for them. A login registers its
 * provider and OAuth `state` when it starts; a link is delivered only when both match a login
 * still waiting, and only once. Anything else (unknown route, no or foreign state, a replay, a
 * cold start with nothing pending) is dropped and logged without the link's secrets.
 */
export class DeepLinkLogins {
  private readonly pending = new Set<PendingLogin>();

  constructor(private readonly log: (message: string) => void) {}

  expect(provider: LoginProvider, state: string): DeepLinkWait {
    let entry!: PendingLogin;
    const answer = new Promise<URLSearchParams | null>((resolve) => {
      entry = { provider, state, resolve };
    });
    // A new login for the same provider replaces the old one: its state can no longer be answered.
    for (const other of this.pending) if (other.provider === provider) this.settle(other, null);
    this.pending.add(entry);
    return { answer, cancel: () => this.settle(entry, null) };
  }

  deliver(raw: string): DeepLinkOutcome {
    const parsed = parseDeepLink(raw);
    if (!parsed.ok) return this.ignore(raw, parsed.reason);
    const { provider, state, params } = parsed.link;
    const match = [...this.pending].find((entry) => entry.provider === provider && sameState(entry.state, state));
    if (!match) return this.ignore(raw, `no ${provider} login is waiting for this answer`);
    this.settle(match, params);
    return 'delivered';
  }

  /** How many logins wait for an answer (shown nowhere; for tests and diagnostics). */
  get waiting(): number {
    return this.pending.size;
  }

  private settle(entry: PendingLogin, params: URLSearchParams | null): void {
    if (!this.pending.delete(entry)) return;
    entry.resolve(params);
  }

  private ignore(raw: string, reason: string): DeepLinkOutcome {
    this.log(`[deep link] ignored ${describeDeepLinkForLog(raw)}: ${reason}`);
    return 'ignored';
  }
}
