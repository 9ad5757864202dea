/**
 * Meta's data-deletion and deauthorize callbacks, as the device receives them from the relay.
 *
 * The callback names one thing: the app-scoped id of a Facebook user who removed the app
 * (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback/).
 * In this app that id can be (a) the person whose Facebook login granted an account's token
 * (`credential_grants`, noted from debug_token while the token worked), or (b) a person in the inbox
 * or the comments whose stored id is that id. The deletion request goes into the deletion-request
 * log under the relay's confirmation code, open; staff see what carrying it out removes (the forget
 * preview for the id, and the logins listed in the note) and confirm. Nothing is deleted on arrival.
 */
import type { Repositories } from '../store/repositories';

/** Accounts whose token this Facebook user granted, with their names (for the note and the audit). */
export function accountsGrantedBy(repos: Repositories, userId: string): Array<{ id: number; name: string; network: string }> {
  return repos.db
    .prepare('SELECT a.id, a.name, a.network FROM credential_grants g JOIN accounts a ON a.id = g.account_id WHERE g.user_id = ? ORDER BY a.id')
    .all(userId) as Array<{ id: number; name: string; network: string }>;
}

/** Notes which Facebook user granted an account's token (from debug_token's `user_id`). */
export function noteGrant(repos: Repositories, accountId: number, userId: string, now: number): void {
  repos.db
    .prepare('INSERT INTO credential_grants (account_id, user_id, checked_at) VALUES (?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET user_id = excluded.user_id, checked_at = excluded.checked_at')
    .run(accountId, userId, now);
}

/** Facebook-login accounts with a token whose granting user is not noted yet. */
export function accountsWithoutGrant(repos: Repositories): number[] {
  return repos.db
    .prepare(
      `SELECT a.id FROM accounts a JOIN credentials c ON c.account_id = a.id
       WHERE a.login_kind = 'facebook' AND c.token_kind IN ('user', 'page') AND a.id NOT IN (SELECT account_id FROM credential_grants)`,
    )
    .pluck()
    .all() as number[];
}

function describeLogins(accounts: Array<{ name: string; network: string }>): string {
  if (accounts.length === 0) return 'No connected account was granted by this Facebook user (as far as the app has checked).';
  const list = accounts.map((a) => `${a.name} (${a.network === 'instagram' ? 'Instagram' : 'Facebook Page'})`).join(', ');
  return `This Facebook user connected: ${list}. Carrying the request out also removes those accounts' access tokens (the accounts stay, to be reconnected by someone else).`;
}

/**
 * Logs a data-deletion callback as an open request under the relay's confirmation code (a
 * redelivered envelope changes nothing). Call inside the transaction that stores the envelope.
 */
export function recordMetaDeletion(repos: Repositories, r: { userId: string; confirmationCode: string }, now: number): boolean {
  // The id itself is the request's requester (cleared when it is done), not repeated here.
  const note = `Meta's data-deletion callback: this Facebook user removed the app and asked for their data to be deleted. ${describeLogins(accountsGrantedBy(repos, r.userId))}`;
  const added =
    repos.db
      .prepare(`INSERT OR IGNORE INTO deletion_requests (code, received_at, source, requester, note) VALUES (?, ?, 'meta_callback', ?, ?)`)
      .run(r.confirmationCode.toUpperCase(), now, r.userId, note).changes === 1;
  if (added) repos.audit.record(now, 'request.added', r.confirmationCode.toUpperCase(), { source: 'meta_callback' });
  return added;
}

/** Deauthorize (or a deletion, which implies it): the tokens this user granted no longer work. */
export function markAccessRevoked(repos: Repositories, userId: string, now: number): string[] {
  const accounts = accountsGrantedBy(repos, userId);
  for (const a of accounts) {
    repos.accounts.setStatus(a.id, 'needs_reconnect', 'Access was revoked at Meta: the person who connected this account removed the app. Reconnect with another login, or remove the account.', now);
    repos.audit.record(now, 'account.revoked', a.name, { by: 'meta_callback' });
  }
  return accounts.map((a) => a.name);
}

/**
 * Meta data-deletion requests staff have carried out (status done) whose completion the relay has
 * not been told yet: removes the tokens of the logins that user granted (listed in the request's
 * note when it arrived) and returns the codes to report. Call inside a transaction.
 */
export function finishCarriedOutMetaDeletions(repos: Repositories, now: number): Array<{ code: string; tokensRemoved: number }> {
  const rows = repos.db
    .prepare(
      `SELECT m.confirmation_code AS code, m.app_user_id AS userId FROM relay_meta_requests m
       JOIN deletion_requests d ON d.code = upper(m.confirmation_code)
       WHERE m.kind = 'data-deletion' AND m.completed_at IS NULL AND d.status = 'done'`,
    )
    .all() as Array<{ code: string; userId: string }>;
  return rows.map(({ code, userId }) => {
    const accounts = accountsGrantedBy(repos, userId);
    let tokensRemoved = 0;
    for (const a of accounts) tokensRemoved += repos.db.prepare('DELETE FROM credentials WHERE account_id = ?').run(a.id).changes;
    repos.db.prepare('DELETE FROM credential_grants WHERE user_id = ?').run(userId);
    // Done requests keep only the receipt: the note named the accounts this user connected.
    repos.db
      .prepare('UPDATE deletion_requests SET note = ? WHERE code = ?')
      .run(`Meta's data-deletion callback, carried out: ${tokensRemoved} access token${tokensRemoved === 1 ? '' : 's'} granted by this user removed.`, code.toUpperCase());
    if (tokensRemoved > 0) repos.audit.record(now, 'request.tokens_removed', code.toUpperCase(), { tokens: tokensRemoved });
    return { code, tokensRemoved };
  });
}
