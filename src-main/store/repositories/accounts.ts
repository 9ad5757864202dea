import { prepareCached, type Db } from '../database';
import type { AccountSummary, DemographicsStatus, Network } from '../../../src-preload/contract';

export interface AccountInput {
  network: Network;
  externalId: string;
  handle?: string | null;
  name: string;
  pictureUrl?: string | null;
  followersCount?: number | null;
  followsCount?: number | null;
  mediaCount?: number | null;
  loginKind: AccountSummary['loginKind'];
  linkedAccountId?: number | null;
}

export interface CredentialInput {
  tokenKind: 'user' | 'page' | 'system_user' | 'instagram_user';
  accessToken: string;
  expiresAt?: number | null;
  dataAccessExpiresAt?: number | null;
  scopes?: string[];
}

export interface Credential extends Required<CredentialInput> {
  accountId: number;
  updatedAt: number;
}

interface AccountRow {
  id: number;
  network: Network;
  external_id: string;
  handle: string | null;
  name: string;
  followers_count: number | null;
  media_count: number | null;
  status: AccountSummary['status'];
  status_detail: string | null;
  login_kind: AccountSummary['loginKind'];
  last_synced_at: number | null;
  linked_account_id: number | null;
  demographics_status: DemographicsStatus | null;
}

export interface AccountRecord extends AccountSummary {
  externalId: string;
  linkedAccountId: number | null;
}

/** Connected accounts and their credentials (credentials never leave the main process). */
export class AccountsRepository {
  constructor(private readonly db: Db) {}

  /** Inserts or refreshes an account keyed on (network, external id); returns its local id. */
  upsert(input: AccountInput, now: number): number {
    const row = prepareCached(this.db, 
        `INSERT INTO accounts (network, external_id, handle, name, picture_url, followers_count, follows_count,
           media_count, login_kind, linked_account_id, created_at, updated_at)
         VALUES (@network, @externalId, @handle, @name, @pictureUrl, @followersCount, @followsCount,
           @mediaCount, @loginKind, @linkedAccountId, @now, @now)
         ON CONFLICT (network, external_id) DO UPDATE SET
           handle = coalesce(excluded.handle, handle), name = excluded.name,
           picture_url = coalesce(excluded.picture_url, picture_url),
           followers_count = coalesce(excluded.followers_count, followers_count),
           follows_count = coalesce(excluded.follows_count, follows_count),
           media_count = coalesce(excluded.media_count, media_count),
           login_kind = excluded.login_kind,
           linked_account_id = coalesce(excluded.linked_account_id, linked_account_id),
           updated_at = excluded.updated_at
         RETURNING id`,
      )
      .get({
        handle: null,
        pictureUrl: null,
        followersCount: null,
        followsCount: null,
        mediaCount: null,
        linkedAccountId: null,
        ...input,
        now,
      }) as { id: number };
    return row.id;
  }

  list(): AccountRecord[] {
    const rows = prepareCached(this.db, 'SELECT * FROM accounts ORDER BY network, name').all() as AccountRow[];
    return rows.map(toRecord);
  }

  get(id: number): AccountRecord | null {
    const row = prepareCached(this.db, 'SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    return row ? toRecord(row) : null;
  }

  setStatus(id: number, status: AccountSummary['status'], detail: string | null, now: number): void {
    prepareCached(this.db, 'UPDATE accounts SET status = ?, status_detail = ?, updated_at = ? WHERE id = ?').run(status, detail, now, id);
  }

  /** Why Meta shows no follower counts or demographics for the account (null: it does). */
  setDemographicsStatus(id: number, status: DemographicsStatus | null): void {
    prepareCached(this.db, 'UPDATE accounts SET demographics_status = ? WHERE id = ?').run(status, id);
  }

  markSynced(id: number, at: number): void {
    prepareCached(this.db, 'UPDATE accounts SET last_synced_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
  }

  /** Deletes the account and, through cascades, everything it owns. */
  delete(id: number): void {
    prepareCached(this.db, 'DELETE FROM accounts WHERE id = ?').run(id);
  }

  /** The newest successful sync of any account. */
  lastSyncedAt(): number | null {
    return (prepareCached(this.db, 'SELECT max(last_synced_at) AS at FROM accounts').get() as { at: number | null }).at;
  }

  /** How much an account owns, for the removal report. */
  ownedCounts(id: number): { posts: number; conversations: number; messages: number; comments: number } {
    return prepareCached(
      this.db,
      `SELECT (SELECT count(*) FROM posts WHERE account_id = @id) AS posts,
              (SELECT count(*) FROM conversations WHERE account_id = @id) AS conversations,
              (SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.account_id = @id) AS messages,
              (SELECT count(*) FROM comments WHERE account_id = @id) AS comments`,
    ).get({ id }) as { posts: number; conversations: number; messages: number; comments: number };
  }

  setCredential(accountId: number, input: CredentialInput, now: number): void {
    prepareCached(this.db, 
        `INSERT INTO credentials (account_id, token_kind, access_token, expires_at, data_access_expires_at, scopes, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET token_kind = excluded.token_kind, access_token = excluded.access_token,
           expires_at = excluded.expires_at, data_access_expires_at = excluded.data_access_expires_at,
           scopes = excluded.scopes, updated_at = excluded.updated_at`,
      )
      .run(
        accountId,
        input.tokenKind,
        input.accessToken,
        input.expiresAt ?? null,
        input.dataAccessExpiresAt ?? null,
        JSON.stringify(input.scopes ?? []),
        now,
      );
  }

  getCredential(accountId: number): Credential | null {
    const row = prepareCached(this.db, 'SELECT * FROM credentials WHERE account_id = ?').get(accountId) as
      | {
          account_id: number;
          token_kind: Credential['tokenKind'];
          access_token: string;
          expires_at: number | null;
          data_access_expires_at: number | null;
          scopes: string;
          updated_at: number;
        }
      | undefined;
    if (!row) return null;
    return {
      accountId: row.account_id,
      tokenKind: row.token_kind,
      accessToken: row.access_token,
      expiresAt: row.expires_at,
      dataAccessExpiresAt: row.data_access_expires_at,
      scopes: JSON.parse(row.scopes) as string[],
      updatedAt: row.updated_at,
    };
  }
}

function toRecord(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    network: row.network,
    externalId: row.external_id,
    handle: row.handle,
    name: row.name,
    followersCount: row.followers_count,
    mediaCount: row.media_count,
    status: row.status,
    statusDetail: row.status_detail,
    loginKind: row.login_kind,
    lastSyncedAt: row.last_synced_at,
    isDemo: row.login_kind === 'demo',
    linkedAccountId: row.linked_account_id,
    demographicsStatus: row.demographics_status,
  };
}
