import type { EmptiedConversationExtras, RetentionClass, RetentionConfirmation, RetentionPolicy, RetentionPreview, RetentionRun } from '../../src-preload/contract';
import { AppError } from '../core/app-error';
import { DAY_MS } from '../core/time';
import { checkpoint, type Db } from '../store/database';
import type { Repositories } from '../store/repositories';

export const RETENTION_CLASSES: readonly RetentionClass[] = ['messageText', 'attachments', 'comments', 'engagedPeople', 'metricSnapshots', 'demographics'];

export const KEEP_FOREVER: RetentionPolicy = {
  messageText: null,
  attachments: null,
  comments: null,
  engagedPeople: null,
  metricSnapshots: null,
  demographics: null,
};

interface ClassRule {
  label: string;
  /**
   * `@cutoff` is unix ms, `@cutoffDay` YYYY-MM-DD; returns n and oldest (unix ms). `@messageCutoff`
   * and `@peopleCutoff` (null when that class is kept forever) let a class leave out rows an
   * earlier class removes anyway, so no row is counted twice.
   */
  preview: string;
  remove: string[];
  /** Which statement of `remove` changes exactly the rows `preview` counts (checked when applied). */
  counted: number;
}

/** A conversation the message window empties: it has messages, all before the cutoff. */
const EMPTIED = (c: string, cutoff: string) => `EXISTS (SELECT 1 FROM messages WHERE conversation_id = ${c}.id)
  AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = ${c}.id AND sent_at >= ${cutoff})`;

const EMPTIED_CONVERSATIONS_REMOVE = `DELETE FROM conversations WHERE id IN (SELECT id FROM temp.retention_touched)
  AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = conversations.id)`;

/**
 * What each data class removes. Conversations emptied by message retention are removed with their
 * last message, so every count (inbox, Privacy, status) agrees. Each post keeps its newest metric
 * snapshot: it is the post's current figure, not history.
 */
const RULES: Record<RetentionClass, ClassRule> = {
  messageText: {
    label: 'messages',
    preview: 'SELECT count(*) AS n, min(sent_at) AS oldest FROM messages WHERE sent_at < @cutoff',
    remove: [
      `CREATE TEMP TABLE IF NOT EXISTS retention_touched (id INTEGER PRIMARY KEY)`,
      `DELETE FROM temp.retention_touched`,
      `INSERT INTO temp.retention_touched SELECT DISTINCT conversation_id FROM messages WHERE sent_at < @cutoff`,
      `DELETE FROM messages WHERE sent_at < @cutoff`,
      EMPTIED_CONVERSATIONS_REMOVE,
      `UPDATE conversations SET
         last_message_at = (SELECT max(sent_at) FROM messages WHERE conversation_id = conversations.id),
         last_incoming_at = (SELECT max(sent_at) FROM messages WHERE conversation_id = conversations.id AND direction = 'in')
       WHERE id IN (SELECT id FROM temp.retention_touched)`,
    ],
    counted: 3,
  },
  attachments: {
    label: 'message attachments',
    // Messages the message window removes go with their attachments: counted there, not here.
    preview: `SELECT count(*) AS n, min(sent_at) AS oldest FROM messages WHERE attachments IS NOT NULL AND sent_at < @cutoff
      AND (@messageCutoff IS NULL OR sent_at >= @messageCutoff)`,
    remove: ['UPDATE messages SET attachments = NULL WHERE attachments IS NOT NULL AND sent_at < @cutoff'],
    counted: 0,
  },
  comments: {
    label: 'comments',
    preview: 'SELECT count(*) AS n, min(created_at) AS oldest FROM comments WHERE created_at < @cutoff',
    remove: ['DELETE FROM comments WHERE created_at < @cutoff'],
    counted: 0,
  },
  engagedPeople: {
    label: 'engaged-people records',
    preview: 'SELECT count(*) AS n, min(last_seen_at) AS oldest FROM people WHERE last_seen_at < @cutoff',
    remove: ['DELETE FROM people WHERE last_seen_at < @cutoff'],
    counted: 0,
  },
  metricSnapshots: {
    label: 'post figure snapshots',
    preview: `SELECT count(*) AS n, min(captured_at) AS oldest FROM post_metric_snapshots s WHERE captured_at < @cutoff
      AND captured_at < (SELECT max(captured_at) FROM post_metric_snapshots WHERE post_id = s.post_id)`,
    remove: [
      `DELETE FROM post_metric_snapshots AS s WHERE captured_at < @cutoff
        AND captured_at < (SELECT max(captured_at) FROM post_metric_snapshots WHERE post_id = s.post_id)`,
    ],
    counted: 0,
  },
  demographics: {
    label: 'audience breakdowns',
    preview: `SELECT count(*) AS n, CAST(strftime('%s', min(captured_on)) AS INTEGER) * 1000 AS oldest FROM audience_demographics WHERE captured_on < @cutoffDay`,
    remove: ['DELETE FROM audience_demographics WHERE captured_on < @cutoffDay'],
    counted: 0,
  },
};

/** Text-only mode: what it scrubs beyond attachments (names and handles of people who wrote), as it runs after the classes. */
const TEXT_ONLY_PEOPLE = `FROM people WHERE (name IS NOT NULL OR username IS NOT NULL)
  AND id IN (SELECT person_id FROM conversations WHERE person_id IS NOT NULL)`;

/**
 * The same people, counted before the classes run: leaving out those the engaged-people window
 * deletes and those whose every conversation the message window empties (the scrub never sees them).
 */
const TEXT_ONLY_PEOPLE_PREVIEW = `SELECT count(*) FROM people WHERE (name IS NOT NULL OR username IS NOT NULL)
  AND (@peopleCutoff IS NULL OR last_seen_at >= @peopleCutoff)
  AND id IN (SELECT person_id FROM conversations c WHERE person_id IS NOT NULL
    AND (@messageCutoff IS NULL OR NOT (${EMPTIED('c', '@messageCutoff')})))`;

/** The staff's own notes, labels and outbox items on the conversations the message window empties (they cascade with them). */
const EMPTIED_WITH = `SELECT
  (SELECT count(*) FROM conversation_triage t JOIN conversations c ON c.id = t.conversation_id WHERE t.note IS NOT NULL AND ${EMPTIED('c', '@cutoff')}) AS notes,
  (SELECT count(*) FROM conversation_labels l JOIN conversations c ON c.id = l.conversation_id WHERE ${EMPTIED('c', '@cutoff')}) AS labels,
  (SELECT count(*) FROM outbox o JOIN conversations c ON c.id = o.conversation_id WHERE ${EMPTIED('c', '@cutoff')}) AS outboxItems`;

const NOTHING_WITH: EmptiedConversationExtras = { notes: 0, labels: 0, outboxItems: 0 };

function cutoffs(days: number, now: number) {
  const cutoff = now - days * DAY_MS;
  return { cutoff, cutoffDay: new Date(cutoff).toISOString().slice(0, 10) };
}

function statementsFor(policy: RetentionPolicy, textOnly: boolean): Array<[RetentionClass, number | null]> {
  return RETENTION_CLASSES.map((c) => [c, c === 'attachments' && textOnly ? 0 : policy[c]]);
}

/** The cutoffs of the classes whose removals others must not count again. */
function overlapCutoffs(policy: RetentionPolicy, now: number): { messageCutoff: number | null; peopleCutoff: number | null } {
  return {
    messageCutoff: policy.messageText === null ? null : cutoffs(policy.messageText, now).cutoff,
    peopleCutoff: policy.engagedPeople === null ? null : cutoffs(policy.engagedPeople, now).cutoff,
  };
}

/** Exactly what applying `policy` (and text-only mode) now would remove: counts per class and the oldest date. */
export function previewRetention(db: Db, policy: RetentionPolicy, textOnly: boolean, now: number): RetentionPreview {
  const overlap = overlapCutoffs(policy, now);
  const classes = statementsFor(policy, textOnly).map(([name, days]) => {
    if (days === null) return { name, label: RULES[name].label, days, count: 0, oldest: null };
    const row = db.prepare(RULES[name].preview).get({ ...cutoffs(days, now), ...overlap }) as { n: number; oldest: number | null };
    return { name, label: RULES[name].label, days, count: row.n, oldest: row.n > 0 ? row.oldest : null };
  });
  const messageCutoff = policy.messageText === null ? null : cutoffs(policy.messageText, now);
  const conversationsEmptied =
    messageCutoff === null ? 0 : (db.prepare(`SELECT count(*) FROM conversations c WHERE ${EMPTIED('c', '@cutoff')}`).pluck().get(messageCutoff) as number);
  const emptiedWith = conversationsEmptied === 0 || messageCutoff === null ? NOTHING_WITH : (db.prepare(EMPTIED_WITH).get(messageCutoff) as EmptiedConversationExtras);
  const namesScrubbed = textOnly ? (db.prepare(TEXT_ONLY_PEOPLE_PREVIEW).pluck().get(overlap) as number) : 0;
  const total = classes.reduce((sum, c) => sum + c.count, 0) + namesScrubbed;
  return { classes, conversationsEmptied, emptiedWith, namesScrubbed, total, asOf: now };
}

/** How long a reviewed preview stands: older than this, the user is asked to look again. */
export const PREVIEW_VALID_MS = 15 * 60 * 1000;

/**
 * The moment a confirmed run measures its windows from. Windows slide with the clock, so a run at
 * "now" would also take what crossed a cutoff while the dialog was open, unseen; the run uses the
 * preview's moment instead, and only while the preview is fresh.
 */
function confirmedMoment(confirmed: RetentionConfirmation | undefined, now: number): number {
  if (!confirmed) return now;
  if (confirmed.asOf > now || now - confirmed.asOf > PREVIEW_VALID_MS) {
    throw new AppError('CONFLICT', 'That preview is out of date (reviewed more than 15 minutes ago). Nothing was removed.');
  }
  return confirmed.asOf;
}

/** The first class whose removal differs from its preview, in words; null when all agree. */
export function retentionMismatch(preview: RetentionPreview, removed: Record<string, number>): string | null {
  const expected: Array<[string, string, number]> = [
    ...preview.classes.map((c): [string, string, number] => [c.name, c.label, c.count]),
    ['conversationsEmptied', 'emptied conversations', preview.conversationsEmptied],
    ['namesScrubbed', 'scrubbed names', preview.namesScrubbed],
  ];
  for (const [key, label, count] of expected) {
    const actual = removed[key] ?? 0;
    if (actual !== count) return `it would have removed ${actual} ${label} where the preview counted ${count}`;
  }
  return null;
}

/**
 * Removes what the (confirmed) policy says is past its time, in one transaction, audits the run
 * with its counts, and truncates the WAL so removed text lingers in neither the file (secure_delete
 * zeroes freed pages) nor `-wal`. Runs when confirmed, on start, daily and after every sync.
 */
export function applyRetention(
  repos: Repositories,
  policy: RetentionPolicy,
  textOnly: boolean,
  now: number,
  trigger: string,
  confirmed?: RetentionConfirmation,
): RetentionRun {
  const { db } = repos;
  let pendingDropped = 0;
  const asOf = confirmedMoment(confirmed, now);
  const run = db.transaction((): RetentionRun => {
    const preview = previewRetention(db, policy, textOnly, asOf);
    // A sync between review and confirm can bring in older history: refuse rather than remove more than was shown.
    if (confirmed && preview.total !== confirmed.expectedTotal) {
      throw new AppError(
        'CONFLICT',
        `What would be removed changed since you reviewed it (${preview.total} items now, ${confirmed.expectedTotal} shown). Nothing was removed.`,
      );
    }
    // Each removal is checked against its preview: a difference rolls the whole run back, so nothing
    // is ever removed that the preview (or, for scheduled runs, the audit entry) does not count.
    const removedNow: Record<string, number> = {};
    for (const [name, days] of statementsFor(policy, textOnly)) {
      if (days === null || preview.classes.find((c) => c.name === name)?.count === 0) continue;
      RULES[name].remove.forEach((sql, i) => {
        // Named parameters a statement does not use are ignored, so each one that has any gets both cutoffs.
        const changes = db.prepare(sql).run(...(sql.includes('@cutoff') ? [cutoffs(days, asOf)] : [])).changes;
        if (i === RULES[name].counted) removedNow[name] = changes;
        if (sql === EMPTIED_CONVERSATIONS_REMOVE) removedNow.conversationsEmptied = changes;
      });
    }
    // Reactions, seen receipts and edits still waiting for a message (relay/pending-signals.ts) go with the messages of their time.
    if (policy.messageText !== null) pendingDropped = repos.messageSignals.dropPendingHappenedBefore(cutoffs(policy.messageText, asOf).cutoff);
    if (textOnly && preview.namesScrubbed > 0) {
      removedNow.namesScrubbed = db.prepare(`UPDATE people SET name = NULL, username = NULL WHERE id IN (SELECT id ${TEXT_ONLY_PEOPLE})`).run().changes;
    }
    const differs = retentionMismatch(preview, removedNow);
    if (differs) throw new AppError('CONFLICT', `Retention stopped: ${differs}. Nothing was removed.`);
    const removed = Object.fromEntries(preview.classes.map((c) => [c.name, c.count])) as Record<RetentionClass, number>;
    const result: RetentionRun = { removed, conversationsEmptied: preview.conversationsEmptied, namesScrubbed: preview.namesScrubbed, total: preview.total, at: now };
    if (preview.total > 0 || trigger === 'confirmed') {
      const { notes, labels, outboxItems } = preview.emptiedWith;
      repos.audit.record(now, 'retention.applied', trigger, {
        removed: { ...removed, conversationsEmptied: preview.conversationsEmptied, namesScrubbed: preview.namesScrubbed },
        ...(preview.conversationsEmptied > 0 ? { withEmptiedConversations: { notes, labels, outboxItems } } : {}),
      });
    }
    return result;
  })();
  if (run.total > 0 || pendingDropped > 0) checkpoint(db);
  return run;
}
