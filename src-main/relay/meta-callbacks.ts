/**
 * What the device does with Meta's data-deletion and deauthorize callbacks the relay sealed for it
 * (see privacy/meta-deletion-intake.ts for whose data the callback names):
 * - on arrival (inside the envelope's transaction): the request is logged, open, under the relay's
 *   confirmation code; the accounts that user's login granted are marked "access revoked";
 * - while tokens still work: who granted each Facebook-login token is noted (debug_token), since
 *   the callbacks arrive after Meta invalidated the token and name only that user's id;
 * - once staff have carried a request out: that user's tokens are removed and the relay is told
 *   "done", so its status page (the URL Meta showed the person) says so.
 */
import {
  accountsWithoutGrant,
  finishCarriedOutMetaDeletions,
  markAccessRevoked,
  noteGrant,
  recordMetaDeletion,
} from '../privacy/meta-deletion-intake';
import type { Repositories } from '../store/repositories';
import type { EnvelopeContent } from './envelope-content';
import type { RelayLinkStore } from './link-store';

/** The Facebook user (app-scoped id) who granted an account's token, or null when Meta does not say. */
export type GrantingUserLookup = (accountId: number) => Promise<string | null>;

export interface MetaCallbackDeps {
  repos: Repositories;
  links: RelayLinkStore;
  now: () => number;
  grantingUser?: GrantingUserLookup;
  /** Tells the relay a deletion was carried out. */
  reportDone: (code: string) => Promise<void>;
}

export class MetaCallbacks {
  constructor(private readonly deps: MetaCallbackDeps) {}

  /** Stores a callback; call inside the transaction that advances the sequence number. */
  store(content: Extract<EnvelopeContent, { kind: 'data-deletion' | 'deauthorize' }>): void {
    const { repos, links, now } = this.deps;
    if (content.kind === 'data-deletion') {
      links.addMetaRequest({ kind: 'data-deletion', appUserId: content.userId, confirmationCode: content.confirmationCode, statusUrl: content.statusUrl }, now());
      recordMetaDeletion(repos, { userId: content.userId, confirmationCode: content.confirmationCode }, now());
    } else {
      links.addMetaRequest({ kind: 'deauthorize', appUserId: content.userId }, now());
    }
    // Either way the person removed the app: Meta has invalidated what their login granted.
    markAccessRevoked(repos, content.userId, now());
  }

  /** Notes the granting user of each Facebook-login token not checked yet; returns how many were noted. */
  async noteGrants(): Promise<number> {
    const lookup = this.deps.grantingUser;
    if (!lookup) return 0;
    let noted = 0;
    for (const accountId of accountsWithoutGrant(this.deps.repos)) {
      const userId = await lookup(accountId).catch(() => null);
      if (userId) {
        noteGrant(this.deps.repos, accountId, userId, this.deps.now());
        noted += 1;
      }
    }
    return noted;
  }

  /**
   * Finishes deletions staff carried out (removes the tokens that user granted) and reports each to
   * the relay. A report that fails stays pending and is retried on the next call.
   */
  async reportCarriedOut(): Promise<string[]> {
    const { repos, links, now } = this.deps;
    const finished = repos.db.transaction(() => finishCarriedOutMetaDeletions(repos, now()))();
    const reported: string[] = [];
    for (const { code } of finished) {
      await this.deps.reportDone(code);
      links.completeDeletion(code, now());
      reported.push(code);
    }
    return reported;
  }
}
