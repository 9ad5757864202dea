import type { AuditRepository } from '../store/repositories/audit';
import { describeAudit } from './audit-words';
import { csvCell } from './export';

export type AuditExportFormat = 'csv' | 'json';

/** The audit log in plain words, oldest first; each line keeps its id and time so it can be checked. */
export function auditExportText(audit: AuditRepository, format: AuditExportFormat): string {
  const entries = [...audit.all()].map((row) => {
    const e = describeAudit(row);
    return { id: e.id, at: new Date(e.at).toISOString(), category: e.category, action: e.action, summary: e.summary };
  });
  if (format === 'json') return `${JSON.stringify({ verification: audit.verify(), entries }, null, 2)}\n`;
  const header = ['id', 'at', 'category', 'action', 'summary'];
  return [header.join(','), ...entries.map((e) => header.map((h) => csvCell(e[h as keyof typeof e])).join(','))].join('\r\n') + '\r\n';
}
