import type { RetentionClass, RetentionConfirmation, RetentionPolicy, RetentionPreview, RetentionRun } from '../../src-preload/contract';
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
  /** `@cutoff` is unix ms, `@cutoffDay` YYYY-MM-DD; returns n and oldest (unix ms). */
  preview: string;
  remove: string[];
}

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
      `DELETE FROM conversations WHERE id IN (SELECT id FROM temp.retention_touched)
         AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = conversations.id)`,
      `UPDATE conversations SET
         last_message_at = (SELECT max(sent_at) FROM messages WHERE conversation_id = conversations.id),
         last_incoming_at = (SELECT max(sent_at) FROM messages WHERE conversation_id = conversations.id AND direction = 'in')
       WHERE id IN (SELECT id FROM temp.retention_touched)`,
    ],
  },
  attachments: {
    label: 'message attachments',
    preview: 'SELECT count(*) AS n, min(sent_at) AS oldest FROM messages WHERE attachments IS NOT NULL AND sent_at < @cutoff',
    remove: ['UPDATE messages SET attachments = NULL WHERE attachments IS NOT NULL AND sent_at < @cutoff'],
  },
  comments: {
    label: 'comments',
    preview: 'SELECT count(*) AS n, min(created_at) AS oldest FROM comments WHERE created_at < @cutoff',
    remove: ['DELETE FROM comments WHERE created_at < @cutoff'],
  },
  engagedPeople: {
    label: 'engaged-people records',
    preview: 'SELECT count(*) AS n, min(last_seen_at) AS oldest FROM people WHERE last_seen_at < @cutoff',
    remove: ['DELETE FROM people WHERE last_seen_at < @cutoff'],
  },
  metricSnapshots: {
    label: 'post figure snapshots',
    preview: `SELECT count(*) AS n, min(captured_at) AS oldest FROM post_metric_snapshots s WHERE captured_at < @cutoff
      AND captured_at < (SELECT max(captured_at) FROM post_metric_snapshots WHERE post_id = s.post_id)`,
    remove: [
      `DELETE FROM post_metric_snapshots AS s WHERE captured_at < @cutoff
        AND captured_at < (SELECT max(captured_at) FROM post_metric_snapshots WHERE post_id = s.post_id)`,
    ],
  },
  demographics: {
    label: 'audience breakdowns',
    preview: `SELECT count(*) AS n, CAST(strftime('%s', min(captured_on)) AS INTEGER) * 1000 AS oldest FROM audience_demographics WHERE captured_on < @cutoffDay`,
    remove: ['DELETE FROM audience_demographics WHERE captured_on < @cutoffDay'],
  },
};

/** Text-only mode: what it scrubs beyond attachments (names and handles of people who wrote). */
const TEXT_ONLY_PEOPLE = `FROM people WHERE (name IS NOT NULL OR username IS NOT NULL)
  AND id IN (SELECT person_id FROM conversations WHERE person_id IS NOT NULL)`;

function cutoffs(days: number, now: number) {
  const cutoff = now - days * DAY_MS;
  return { cutoff, cutoffDay: new Date(cutoff).toISOString().slice(0, 10) };
}

function statementsFor(policy: RetentionPolicy, textOnly: boolean): Array<[RetentionClass, number | null]> {
  return RETENTION_CLASSES.map((c) => [c, c === 'attachments' && textOnly ? 0 : policy[c]]);
}

/** Exactly what applying `policy` (and text-only mode) now would remove: counts per class and the oldest date. */
export function previewRetention(db: Db, policy: RetentionPolicy, textOnly: boolean, now: number): RetentionPreview {
  const classes = statementsFor(policy, textOnly).map(([name, days]) => {
    if (days === null) return { name, label: RULES[name].label, days, count: 0, oldest: null };
    const row = db.prepare(RULES[name].preview).get({ ...cutoffs(days, now) }) as { n: number; oldest: number | null };
    return { name, label: RULES[name].label, days, count: row.n, oldest: row.n > 0 ? row.oldest : null };
  });
  const conversationsEmptied =
    policy.messageText === null
      ? 0
      : (db
          .prepare(`SELECT count(*) FROM conversations c WHERE EXISTS (SELECT 1 FROM messages WHERE conversation_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = c.id AND sent_at >= @cutoff)`)
          .pluck()
          .get(cutoffs(policy.messageText, now)) as number);
  const namesScrubbed = textOnly ? (db.prepare(`SELECT count(*) ${TEXT_ONLY_PEOPLE}`).pluck().get() as number) : 0;
  const total = classes.reduce((sum, c) => sum + c.count, 0) + namesScrubbed;
  return { classes, conversationsEmptied, namesScrubbed, total, asOf: now };
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
    for (const [name, days] of statementsFor(policy, textOnly)) {
      if (days === null || preview.classes.find((c) => c.name === name)?.count === 0) continue;
      // Named parameters a statement does not use are ignored, so each one that has any gets both cutoffs.
      for (const sql of RULES[name].remove) db.prepare(sql).run(...(sql.includes('@cutoff') ? [cutoffs(days, asOf)] : []));
    }
    // Reactions, seen receipts and edits still waiting for a message (relay/pending-signals.ts) go with the messages of their time.
    if (policy.messageText !== null) pendingDropped = repos.messageSignals.dropPendingHappenedBefore(cutoffs(policy.messageText, asOf).cutoff);
    if (textOnly && preview.namesScrubbed > 0) db.prepare(`UPDATE people SET name = NULL, username = NULL WHERE id IN (SELECT id ${TEXT_ONLY_PEOPLE})`).run();
    const removed = Object.fromEntries(preview.classes.map((c) => [c.name, c.count])) as Record<RetentionClass, number>;
    const result: RetentionRun = { removed, conversationsEmptied: preview.conversationsEmptied, namesScrubbed: preview.namesScrubbed, total: preview.total, at: now };
    if (preview.total > 0 || trigger === 'confirmed') {
      repos.audit.record(now, 'retention.applied', trigger, { removed: { ...removed, conversationsEmptied: preview.conversationsEmptied, namesScrubbed: preview.namesScrubbed } });
    }
    return result;
  })();
  if (run.total > 0 || pendingDropped > 0) checkpoint(db);
  return run;
}
