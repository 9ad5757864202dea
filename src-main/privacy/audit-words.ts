import type { AuditCategory, AuditEntry } from '../../src-preload/contract';
import type { AuditRow } from '../store/repositories/audit';

/** Which action prefixes each filter of the Privacy screen covers. */
export const AUDIT_CATEGORY_PREFIXES: Record<AuditCategory, readonly string[]> = {
  access: ['vault.'],
  accounts: ['account.'],
  sync: ['sync.', 'demo.'],
  exports: ['export.'],
  settings: ['settings.'],
  retention: ['retention.', 'privacy.retention'],
  forget: ['person.'],
  requests: ['request.'],
};

function categoryOf(action: string): AuditCategory | 'other' {
  for (const [category, prefixes] of Object.entries(AUDIT_CATEGORY_PREFIXES) as Array<[AuditCategory, readonly string[]]>) {
    if (prefixes.some((p) => action.startsWith(p))) return category;
  }
  return 'other';
}

function parse(detail: string | null): Record<string, unknown> | null {
  if (!detail) return null;
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** "3 messages, 1 comment": counts in words, zeros left out. */
export function countsInWords(counts: Record<string, unknown>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .map(([name, n]) => `${n as number} ${(n as number) === 1 ? singular(humanName(name)) : humanName(name)}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** Words for stored keys whose camelCase reads badly. */
const NAMES: Record<string, string> = {
  messageText: 'messages',
  conversationsEmptied: 'emptied conversations',
  namesScrubbed: 'scrubbed names',
  engagedPeople: 'engaged-people records',
  metricSnapshots: 'post figure snapshots',
  demographics: 'audience breakdowns',
  itemsWritten: 'items written',
  deletion_requests: 'deletion requests',
  autoLockMinutes: 'auto-lock (minutes idle)',
  syncIntervalMinutes: 'sync interval (minutes)',
  textOnlyDms: 'text-only messages',
  exportStaging: 'files of an unfinished export',
  crashReports: 'crash-report files',
  logs: 'log files',
  setAside: 'files of a damaged store set aside',
  notes: 'internal notes',
  outboxItems: 'replies in the outbox',
};

/** ", with them 2 internal notes, 1 label": what the staff kept on emptied conversations; empty when none. */
function withEmptied(extras: Record<string, unknown>): string {
  const words = countsInWords(extras);
  return words === 'nothing' ? '' : `; with those conversations, ${words}`;
}

function humanName(key: string): string {
  if (NAMES[key]) return NAMES[key];
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ').toLowerCase();
}

function singular(words: string): string {
  if (words === 'people') return 'person';
  if (words === 'replies in the outbox') return 'reply in the outbox';
  return words.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
}

function settingValue(value: unknown): string {
  if (value === null || value === undefined) return 'not set';
  if (value === true) return 'on';
  if (value === false) return 'off';
  return String(value);
}

function keepFor(days: unknown): string {
  return days === null || days === undefined ? 'forever' : `${String(days)} days`;
}

/** A retention change names only the classes that changed: "messages: forever → 7 days". */
function retentionChange(from: unknown, to: unknown): string {
  const before = (from ?? {}) as Record<string, unknown>;
  const after = (to ?? {}) as Record<string, unknown>;
  const changed = Object.keys(after).filter((k) => before[k] !== after[k]);
  return changed.map((k) => `${humanName(k)} kept ${keepFor(before[k])} → ${keepFor(after[k])}`).join('; ') || 'no change';
}

const KEY_MODES: Record<string, string> = { 'os-keychain': "this computer's keychain", passphrase: 'a passphrase' };

/**
 * Names inside an entry (an account's name from Meta) are someone else's text: bidirectional
 * controls are dropped so "Invoice \u202Efdp.exe" cannot pose as a PDF, and a huge one is cut.
 */
function cleanName(text: string | null): string | null {
  if (text === null) return null;
  const visible = text.replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '').trim();
  return visible.length > 120 ? `${visible.slice(0, 120)}…` : visible;
}

/** One entry in plain words: what happened, to what, how many. Never raw JSON. */
export function describeAudit(row: AuditRow): AuditEntry {
  const d = parse(row.detail);
  const s = cleanName(row.subject);
  const words = ((): string => {
    switch (row.action) {
      case 'vault.created':
        return `Local data set up, protected by ${KEY_MODES[s ?? ''] ?? 'a key'}`;
      case 'vault.unlocked':
        return 'Local data unlocked';
      case 'vault.locked':
        return s === 'idle' ? 'Locked after being idle' : 'Locked';
      case 'vault.passphrase_changed':
        return 'Passphrase changed';
      case 'vault.protection_switched':
        return `Key protection switched from ${KEY_MODES[String(d?.from)] ?? 'unknown'} to ${KEY_MODES[String(d?.to)] ?? 'unknown'}`;
      case 'account.connected':
        return `Account connected: ${s ?? 'unnamed'}`;
      case 'account.removed':
        return `Account removed: ${s ?? 'unnamed'}${d ? ` (${countsInWords(d)} deleted)` : ''}`;
      case 'account.revoked':
        return `Meta access revoked for ${s ?? 'an account'}`;
      case 'account.needs_reconnect':
        return `${s ?? 'An account'} needs to be reconnected`;
      case 'sync.completed':
        return `Sync of ${s ?? 'an account'} finished${d ? `: ${countsInWords(d)}` : ''}`;
      case 'demo.loaded':
        return 'Demo workspace loaded';
      case 'export.written':
      case 'export.everything':
        return `${row.action === 'export.everything' ? 'Everything exported' : 'Export written'}${d?.where ? ` to ${String(d.where)}` : ''}${d?.format ? ` as ${String(d.format).toUpperCase()}` : ''}${d?.counts && typeof d.counts === 'object' ? ` (${countsInWords(d.counts as Record<string, unknown>)})` : ''}`;
      case 'export.audit':
        return `Audit log exported${d?.where ? ` to ${String(d.where)}` : ''}`;
      case 'export.receipt':
        return `Forget receipt ${s ?? ''} exported`;
      case 'settings.changed':
        if (d?.field === 'retention') return `Retention changed: ${retentionChange(d.from, d.to)}`;
        return `Setting "${humanName(String(d?.field ?? s ?? 'unknown'))}" changed from ${settingValue(d?.from)} to ${settingValue(d?.to)}`;
      case 'retention.failed':
        return `Retention could not run (${s ?? 'scheduled'}): ${String(d?.error ?? 'unknown error')}`;
      case 'settings.meta_app_changed':
        return `Meta app settings changed${d?.fields ? `: ${(d.fields as string[]).map(humanName).join(', ')}` : s ? `: ${s}` : ''}${d?.secretsChanged ? ' (secret values are never recorded)' : ''}`;
      case 'settings.reset_damaged_file':
        return 'A damaged settings file was set aside and defaults used';
      case 'retention.applied':
      case 'privacy.retention_applied':
        return `Retention ran${s ? ` (${s})` : ''}: ${d ? countsInWords((d.removed as Record<string, unknown> | undefined) ?? d) : 'nothing'} removed${
          d?.withEmptiedConversations && typeof d.withEmptiedConversations === 'object'
            ? withEmptied(d.withEmptiedConversations as Record<string, unknown>)
            : ''
        }`;
      case 'person.forgotten':
        return `A person was forgotten: ${d ? countsInWords(d) : 'nothing'} removed${
          d?.files && typeof d.files === 'object' ? `, and ${countsInWords(d.files as Record<string, unknown>)} from the data folder` : ''
        } (receipt ${s ?? '?'})`;
      case 'person.browser_caches_not_cleared':
        return `After forget ${s ?? '?'}, the browser caches could not be cleared: ${String(d?.error ?? 'unknown error')}`;
      case 'request.added':
        return `Deletion request ${s ?? ''} logged${d?.source ? ` (from ${String(d.source).replace('_', ' ')})` : ''}`;
      case 'request.done':
        return `Deletion request ${s ?? ''} done${d?.receipt ? ` (receipt ${String(d.receipt)})` : ''}`;
      default:
        return humanName(row.action).replace(/^./, (c) => c.toUpperCase()) + (s ? `: ${s}` : '');
    }
  })();
  return { id: row.id, at: row.at, action: row.action, category: categoryOf(row.action), summary: words };
}
