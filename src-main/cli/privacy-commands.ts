import { resolve } from 'node:path';
import type { DeletionRequestSource, ForgetPreview, RetentionPolicy, RetentionPreview } from '../../src-preload/contract';
import { AppError } from '../core/app-error';
import { auditExportText, type AuditExportFormat } from '../privacy/audit-export';
import { AUDIT_CATEGORY_PREFIXES, countsInWords, describeAudit } from '../privacy/audit-words';
import { addRequest, completeRequest, listRequests } from '../privacy/deletion-requests';
import { auditExportEverything, ExportCancelledError, exportEverything, progressInWords, writeOwnerOnlyFile } from '../privacy/export-everything';
import { forgetPerson, previewForget } from '../privacy/forget';
import { confirmRetention } from '../privacy/privacy-actions';
import { previewRetention, RETENTION_CLASSES } from '../privacy/retention';
import { readSettings } from '../settings/settings';
import { openStore, print, type Command } from './commands';
import { UsageError } from './errors';

function day(ms: number | null): string {
  return ms === null ? '—' : new Date(ms).toISOString().slice(0, 10);
}

function previewText(p: ForgetPreview): string {
  const who = p.people.map((x) => `${x.who}${x.handle ? ` (@${x.handle})` : ''} on ${x.account}`).join('; ') || 'no stored profile';
  const files = Object.keys(p.files).length ? `\nand from the data folder: ${countsInWords(p.files)}.` : '';
  return `Would forget: ${who}\nThis removes ${countsInWords(p.counts)} (${p.total} rows)${files ? ',' : '.'}${files}`;
}

const forget: Command = {
  usage: '--person HANDLE_OR_ID [--yes]',
  summary: 'remove everything of one person; prints the receipt',
  async run(ctx) {
    const person = ctx.options.person?.trim();
    if (!person) throw new UsageError('Give --person HANDLE_OR_ID (an @handle or a Meta id).');
    await openStore(ctx);
    const preview = previewForget(ctx.core.repos.db, { handleOrId: person }, ctx.core.dataDir);
    if (preview.ownAccount !== null) {
      throw new UsageError(`"${person}" is your own account "${preview.ownAccount}", not a person who wrote to you; to remove an account and its data, remove it in the app's Accounts screen.`);
    }
    if (preview.total === 0) throw new AppError('NOT_FOUND', `Nothing stored here belongs to "${person}".`);
    if (!ctx.options.yes) {
      print(ctx, preview, `${previewText(preview)}\nNothing was removed. Run again with --yes to forget them.`);
      return 1;
    }
    const receipt = forgetPerson(ctx.core.repos, { handleOrId: person }, ctx.core.now(), { dataDir: ctx.core.dataDir });
    print(
      ctx,
      receipt,
      `Forgotten. Receipt ${receipt.code} (${new Date(receipt.forgottenAt).toISOString()}): removed ${countsInWords(receipt.counts)}` +
        (Object.keys(receipt.files).length ? `, and ${countsInWords(receipt.files)} from the data folder.` : '.') +
        (receipt.requests.length ? `\nDeletion requests done: ${receipt.requests.join(', ')}` : ''),
    );
    return 0;
  },
};

const SOURCES: readonly DeletionRequestSource[] = ['email', 'form', 'meta_callback', 'other'];

const requests: Command = {
  usage: 'add --person WHO --source email|form|meta_callback|other [--note TEXT] | list | done CODE --yes',
  summary: 'the deletion-request log',
  async run(ctx) {
    const [verb, code] = ctx.args;
    await openStore(ctx);
    const repos = ctx.core.repos;
    if (verb === 'add') {
      const source = (ctx.options.source ?? 'email') as DeletionRequestSource;
      if (!SOURCES.includes(source)) throw new UsageError(`--source must be one of ${SOURCES.join(', ')}.`);
      const request = addRequest(repos, { requester: ctx.options.person ?? '', source, note: ctx.options.note ?? null }, ctx.core.now());
      print(ctx, request, `Logged deletion request ${request.code} (open).${request.statusUrl ? ` Status: ${request.statusUrl}` : ''}`);
      return 0;
    }
    if (verb === 'list' || verb === undefined) {
      const all = listRequests(repos);
      print(
        ctx,
        all,
        all.length === 0
          ? 'No deletion requests.'
          : all.map((r) => `${r.code}  ${r.status.padEnd(4)}  received ${day(r.receivedAt)} by ${r.source}  ${r.status === 'open' ? `from ${r.requester ?? '?'}` : `receipt ${r.receiptCode ?? '—'}`}`).join('\n'),
      );
      return 0;
    }
    if (verb === 'done') {
      if (!code) throw new UsageError('Give the request code: requests done DR-XXXX-XXXX-XX --yes');
      if (!ctx.options.yes) throw new UsageError('This forgets the person the request names; add --yes to confirm.');
      const done = completeRequest(repos, code, ctx.core.now(), ctx.core.dataDir);
      print(ctx, done, `Request ${done.code} done; receipt ${done.receiptCode ?? '—'}.`);
      return 0;
    }
    throw new UsageError('Use: requests add | list | done CODE --yes');
  },
};

/** `--keep messageText=30,comments=forever`: changes on top of the saved policy. */
function parseKeep(text: string | undefined, base: RetentionPolicy): RetentionPolicy {
  if (!text) return base;
  const policy = { ...base };
  for (const part of text.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (!name || !RETENTION_CLASSES.includes(name as keyof RetentionPolicy)) throw new UsageError(`Unknown data class "${name ?? ''}"; use ${RETENTION_CLASSES.join(', ')}.`);
    const days = value === 'forever' ? null : Number(value);
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) throw new UsageError(`${name}: give whole days from 1 to 3650, or "forever".`);
    policy[name as keyof RetentionPolicy] = days;
  }
  return policy;
}

function retentionText(policy: RetentionPolicy, textOnly: boolean, p: RetentionPreview): string {
  const lines = p.classes.map((c) => `  ${c.label.padEnd(24)} keep ${policy[c.name] === null ? 'forever' : `${policy[c.name]} days`}`.padEnd(44) + (c.count > 0 ? `removes ${c.count} (oldest ${day(c.oldest)})` : 'removes nothing'));
  if (p.conversationsEmptied > 0) {
    lines.push(`  conversations emptied by this are removed with them: ${p.conversationsEmptied}`);
    const extras = countsInWords({ ...p.emptiedWith });
    if (extras !== 'nothing') lines.push(`    and with them: ${extras}`);
  }
  if (textOnly) lines.push(`  text-only messages: on; names and handles scrubbed: ${p.namesScrubbed}`);
  return lines.join('\n');
}

const retention: Command = {
  usage: 'show | apply [--keep CLASS=DAYS|forever,…] [--yes]',
  summary: 'what retention keeps and would remove now; apply it',
  async run(ctx) {
    const [verb = 'show'] = ctx.args;
    await openStore(ctx);
    const settings = readSettings(ctx.core.settings());
    const policy = parseKeep(ctx.options.keep, settings.retention);
    const preview = previewRetention(ctx.core.repos.db, policy, settings.textOnlyDms, ctx.core.now());
    if (verb === 'show' || (verb === 'apply' && !ctx.options.yes)) {
      const suffix = verb === 'apply' ? '\nNothing was removed. Run again with --yes to apply.' : '';
      print(ctx, { policy, preview }, `${retentionText(policy, settings.textOnlyDms, preview)}${suffix}`);
      return verb === 'apply' ? 1 : 0;
    }
    if (verb !== 'apply') throw new UsageError('Use: retention show | apply [--keep …] [--yes]');
    const run = confirmRetention(ctx.core, policy, settings.textOnlyDms, { asOf: preview.asOf, expectedTotal: preview.total });
    print(ctx, run, `Retention applied: removed ${run.total} (${countsInWords(run.removed)}).`);
    return 0;
  },
};

const audit: Command = {
  usage: 'list [--category C] [--limit N] | verify | export --out DIR [--format csv|json]',
  summary: 'the audit log in plain words; verify its hash chain',
  async run(ctx) {
    const [verb = 'list'] = ctx.args;
    await openStore(ctx);
    const repos = ctx.core.repos;
    if (verb === 'verify') {
      const result = repos.audit.verify();
      const head =
        result.head === 'matched'
          ? ' Its newest entry is the one noted outside the database.'
          : result.head === 'anchored-now'
            ? ' Its newest entry was not noted outside the database until now (first start of this version, or that note was removed).'
            : '';
      print(
        ctx,
        result,
        result.ok ? `The audit log is intact (${result.checked} entries checked).${head}` : `The audit log is broken at entry ${result.brokenAt?.id}: ${result.brokenAt?.reason}.`,
      );
      return result.ok ? 0 : 1;
    }
    if (verb === 'list') {
      const category = ctx.options.category as keyof typeof AUDIT_CATEGORY_PREFIXES | undefined;
      if (category && !(category in AUDIT_CATEGORY_PREFIXES)) throw new UsageError(`--category must be one of ${Object.keys(AUDIT_CATEGORY_PREFIXES).join(', ')}.`);
      const limit = Number(ctx.options.limit ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError('--limit must be a whole number from 1 to 10000.');
      const entries = repos.audit.list(limit, { actionPrefixes: category ? AUDIT_CATEGORY_PREFIXES[category] : [] }).map(describeAudit);
      print(ctx, entries, entries.length === 0 ? 'Nothing recorded.' : entries.map((e) => `${new Date(e.at).toISOString()}  #${e.id}  ${e.summary}`).join('\n'));
      return 0;
    }
    if (verb === 'export') {
      if (!ctx.options.out) throw new UsageError('--out DIR is required.');
      const format = (ctx.options.format ?? 'csv') as AuditExportFormat;
      if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json.');
      const path = writeOwnerOnlyFile(resolve(ctx.options.out), `social-desk-audit.${format}`, auditExportText(repos.audit, format));
      repos.audit.record(ctx.core.now(), 'export.audit', format, { where: path, format });
      print(ctx, { path }, `Audit log written to ${path}`);
      return 0;
    }
    throw new UsageError('Use: audit list | verify | export --out DIR');
  },
};

const exportAllCommand: Command = {
  usage: '--out DIR',
  summary: 'every table as JSON + CSV with a manifest (owner-only files)',
  async run(ctx) {
    if (!ctx.options.out) throw new UsageError('--out DIR is required.');
    await openStore(ctx);
    const outDir = resolve(ctx.options.out);
    // Progress goes to stderr (stdout stays the result, for scripts); Ctrl+C cancels and removes what was staged.
    const cancel = new AbortController();
    const onInterrupt = () => cancel.abort();
    process.once('SIGINT', onInterrupt);
    let lastLine = '';
    try {
      const report = await exportEverything(ctx.core.repos.db, outDir, ctx.core.now(), {
        dataDir: ctx.core.dataDir,
        signal: cancel.signal,
        onProgress: (p) => {
          // A line per table, and one per tenth of a big one.
          const line = p.rowsDone === 0 || p.rowsDone === p.rowsTotal || Math.floor((10 * p.rowsDone) / p.rowsTotal) !== Math.floor((10 * (p.rowsDone - 1)) / p.rowsTotal) ? progressInWords(p) : lastLine;
          if (line !== lastLine) process.stderr.write(`Exporting ${line}\n`);
          lastLine = line;
        },
      });
      auditExportEverything(ctx.core.repos, report, ctx.core.now());
      print(ctx, report, `Exported ${report.files.length} files to ${outDir} (manifest: ${report.manifest}).`);
      return 0;
    } catch (error) {
      if (!(error instanceof ExportCancelledError)) throw error;
      process.stderr.write(`Cancelled: nothing was written to ${outDir}.\n`);
      return 130;
    } finally {
      process.off('SIGINT', onInterrupt);
    }
  },
};

const passphrase: Command = {
  usage: 'change',
  summary: 'change the passphrase (re-wraps the key; the database is not rewritten)',
  async run(ctx) {
    if (ctx.args[0] !== 'change') throw new UsageError('Use: passphrase change');
    await openStore(ctx);
    const current = await ctx.passphrase();
    const next = process.env.SOCIAL_DESK_NEW_PASSPHRASE ?? (await ctx.newPassphrase());
    ctx.core.changePassphrase(current, next);
    print(ctx, { changed: true }, 'Passphrase changed. The old one no longer opens this data.');
    return 0;
  },
};

export const PRIVACY_COMMANDS: Record<string, Command> = {
  forget,
  requests,
  retention,
  audit,
  'export-all': exportAllCommand,
  passphrase,
};
