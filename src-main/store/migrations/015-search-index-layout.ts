import type { Migration } from './index';

/**
 * The message index is kept in fewer segments of leaves that each fit one database page. With
 * `secure-delete` on (009), every deleted (term, row) pair is looked up in every segment of the
 * index, and the leaf that holds it is rewritten without it; so the cost of forgetting someone
 * grows with the number of segments and with what one leaf rewrite costs. Measured on the bench's
 * 200,000-message encrypted store (`npm run bench -- --only forget`), forgetting a person with
 * 1,000 messages: FTS5's defaults left 24 segments and almost every leaf (4,050 bytes) spilling
 * into an overflow page, since SQLCipher reserves 80 bytes of each 4,096-byte page for its IV and
 * HMAC (4,016 usable, at most ~3,977 bytes of blob kept on the page); with these settings the
 * store holds 7–8 segments and no overflow pages, and the secure-delete work fell from ~230 ms to
 * ~50 ms of CPU (numbers in the issue-10 report). Searches read fewer segments too. What it costs:
 * merges run more often while messages are written.
 * - automerge=2: incremental merging starts as soon as a level holds two segments.
 * - crisismerge=4: a level that still reaches four is merged at once.
 * - pgsz=3900: a leaf fits one encrypted page (FTS5 lets a leaf run a few bytes past pgsz).
 * - An existing index is rewritten now ('optimize', about a second at 200,000 messages, once), so
 *   it takes the new leaf size and starts as one segment. secure_delete=ON zeroes the pages freed.
 * https://sqlite.org/fts5.html#the_automerge_configuration_option
 * https://sqlite.org/fts5.html#the_crisismerge_configuration_option
 * https://sqlite.org/fts5.html#the_pgsz_configuration_option
 * https://sqlite.org/fts5.html#the_optimize_command
 */
export const MESSAGE_INDEX_LAYOUT = { automerge: 2, crisismerge: 4, pgsz: 3900 } as const;

export const migration015: Migration = {
  version: 15,
  name: 'message search index in fewer segments of page-sized leaves, so a secure delete rewrites less',
  up(db) {
    // FTS5 takes these values as SQL integer literals (a bound JavaScript number arrives as a REAL and is refused).
    for (const [option, value] of Object.entries(MESSAGE_INDEX_LAYOUT)) {
      db.exec(`INSERT INTO messages_fts (messages_fts, rank) VALUES ('${option}', ${value})`);
    }
    db.exec(`INSERT INTO messages_fts (messages_fts) VALUES ('optimize')`);
  },
};
