import type { Migration } from './index';

/**
 * The first schema. Times are unix milliseconds (INTEGER), days are `YYYY-MM-DD` (UTC) text.
 * Every row that came from Meta is keyed on its Meta id within its account, so syncs upsert
 * instead of duplicating. Every table is STRICT so a wrong type is an error, not a silent cast.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      -- One row per connected asset: an Instagram professional account, a Facebook Page, later a
      -- WhatsApp number. 'network' + 'external_id' identifies it at Meta.
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        network TEXT NOT NULL CHECK (network IN ('instagram', 'facebook', 'whatsapp')),
        external_id TEXT NOT NULL,
        handle TEXT,
        name TEXT NOT NULL,
        picture_url TEXT,
        followers_count INTEGER,
        follows_count INTEGER,
        media_count INTEGER,
        login_kind TEXT NOT NULL CHECK (login_kind IN ('facebook', 'instagram', 'system_user', 'demo')),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'needs_reconnect', 'paused')),
        status_detail TEXT,
        linked_account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        last_synced_at INTEGER,
        UNIQUE (network, external_id)
      ) STRICT;

      -- Access tokens live only here, inside the encrypted file, and never cross IPC.
      CREATE TABLE credentials (
        account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        token_kind TEXT NOT NULL CHECK (token_kind IN ('user', 'page', 'system_user', 'instagram_user')),
        access_token TEXT NOT NULL,
        expires_at INTEGER,
        data_access_expires_at INTEGER,
        scopes TEXT NOT NULL DEFAULT '[]',
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        external_id TEXT NOT NULL,
        media_type TEXT,
        product_type TEXT,
        caption TEXT,
        permalink TEXT,
        media_url TEXT,
        thumbnail_url TEXT,
        published_at INTEGER NOT NULL,
        like_count INTEGER,
        comments_count INTEGER,
        first_seen_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (account_id, external_id)
      ) STRICT;
      CREATE INDEX posts_by_account_time ON posts (account_id, published_at DESC);
      CREATE INDEX posts_by_time ON posts (published_at DESC);

      -- Lifetime metrics carry no history at Meta, so each sync keeps a dated snapshot.
      -- Core metrics are columns (charts read them); anything else goes to 'extra' (JSON).
      CREATE TABLE post_metric_snapshots (
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        captured_at INTEGER NOT NULL,
        views INTEGER,
        reach INTEGER,
        likes INTEGER,
        comments INTEGER,
        shares INTEGER,
        saves INTEGER,
        total_interactions INTEGER,
        extra TEXT,
        PRIMARY KEY (post_id, captured_at)
      ) STRICT, WITHOUT ROWID;

      -- Account-level insights, one value per account, day and metric.
      CREATE TABLE account_daily_insights (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        metric TEXT NOT NULL,
        value REAL NOT NULL,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, day, metric)
      ) STRICT, WITHOUT ROWID;

      -- Audience demographics as read on a given day (Meta only gives the current picture).
      CREATE TABLE audience_demographics (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        captured_on TEXT NOT NULL,
        audience TEXT NOT NULL CHECK (audience IN ('follower', 'engaged', 'reached')),
        timeframe TEXT NOT NULL,
        breakdown TEXT NOT NULL,
        bucket TEXT NOT NULL,
        value INTEGER NOT NULL,
        PRIMARY KEY (account_id, captured_on, audience, timeframe, breakdown, bucket)
      ) STRICT, WITHOUT ROWID;

      -- People who commented or messaged. Meta scopes ids per asset and per surface (IGSID,
      -- PSID, IG user id, WhatsApp BSUID), so the id kind is part of the key.
      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        id_kind TEXT NOT NULL CHECK (id_kind IN ('igsid', 'psid', 'ig_user', 'fb_user', 'wa_user')),
        external_id TEXT NOT NULL,
        username TEXT,
        name TEXT,
        first_seen_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        UNIQUE (account_id, id_kind, external_id)
      ) STRICT;

      CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        external_id TEXT NOT NULL,
        platform TEXT NOT NULL CHECK (platform IN ('instagram', 'messenger', 'whatsapp')),
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        updated_at INTEGER NOT NULL,
        last_message_at INTEGER,
        last_incoming_at INTEGER,
        UNIQUE (account_id, external_id)
      ) STRICT;
      CREATE INDEX conversations_by_time ON conversations (last_message_at DESC);
      CREATE INDEX conversations_by_account_time ON conversations (account_id, last_message_at DESC);
      CREATE INDEX conversations_by_person ON conversations (person_id);

      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        external_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        sent_at INTEGER NOT NULL,
        text TEXT,
        attachments TEXT,
        reply_to_external_id TEXT,
        is_deleted INTEGER NOT NULL DEFAULT 0 CHECK (is_deleted IN (0, 1)),
        stored_at INTEGER NOT NULL,
        search_key INTEGER,
        UNIQUE (conversation_id, external_id)
      ) STRICT;
      CREATE INDEX messages_by_conversation_time ON messages (conversation_id, sent_at DESC);
      CREATE INDEX messages_by_time ON messages (sent_at);

      -- Full-text index over message text (external content: the text is stored once). Its rowid
      -- is 'search_key' = sent_at << 20 | (id & 0xFFFFF): ordered by time, so "newest first" is a
      -- descending rowid scan that FTS5 stops after the first page of hits instead of sorting
      -- every match. Two messages collide only if sent in the same millisecond a million ids apart.
      CREATE UNIQUE INDEX messages_by_search_key ON messages (search_key);
      CREATE VIRTUAL TABLE messages_fts USING fts5 (
        text, content = 'messages', content_rowid = 'search_key', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER messages_after_insert AFTER INSERT ON messages BEGIN
        UPDATE messages SET search_key = (new.sent_at << 20) | (new.id & 1048575) WHERE id = new.id;
        INSERT INTO messages_fts (rowid, text)
          SELECT (new.sent_at << 20) | (new.id & 1048575), new.text WHERE new.text IS NOT NULL;
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.text IS NOT NULL BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.search_key, old.text);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text) SELECT 'delete', old.search_key, old.text WHERE old.text IS NOT NULL;
        INSERT INTO messages_fts (rowid, text) SELECT new.search_key, new.text WHERE new.text IS NOT NULL;
      END;

      CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        external_id TEXT NOT NULL,
        parent_external_id TEXT,
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        author_username TEXT,
        text TEXT,
        created_at INTEGER NOT NULL,
        like_count INTEGER,
        hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
        stored_at INTEGER NOT NULL,
        UNIQUE (account_id, external_id)
      ) STRICT;
      CREATE INDEX comments_by_post ON comments (post_id, created_at);
      CREATE INDEX comments_by_person ON comments (person_id);

      -- Per account and job: how far the last successful run got (resume point, not a cursor).
      CREATE TABLE sync_state (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        job TEXT NOT NULL,
        high_water TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, job)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY,
        account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'cancelled')),
        http_requests INTEGER NOT NULL DEFAULT 0,
        operations INTEGER NOT NULL DEFAULT 0,
        items_written INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error_message TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX sync_runs_by_account ON sync_runs (account_id, started_at DESC);

      -- Who did what, locally. Never holds message text or tokens.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT
      ) STRICT;
    `);
  },
};
