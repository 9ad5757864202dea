import type { DeletionRequest, DeletionRequestSource } from '../../src-preload/contract';
import { AppError } from '../core/app-error';
import type { Db } from '../store/database';
import type { Repositories } from '../store/repositories';
import { confirmationCode } from './codes';
import { forgetPerson, normaliseHandle } from './forget';

/** app_config key of the public page (the relay's) where a person checks a request by its code. */
export const STATUS_BASE_URL_KEY = 'deletion_status_base_url';

interface RequestRow {
  code: string;
  received_at: number;
  source: DeletionRequestSource;
  requester: string | null;
  status: 'open' | 'done';
  done_at: number | null;
  receipt_code: string | null;
  note: string | null;
}

/**
 * Meta's data-deletion callback answers `{ url, confirmation_code }`: a page where the person reads
 * the status of their request, and the code that names it
 * (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback/).
 * Requests entered by staff get the same code and the same status URL, so one log serves both.
 */
export function statusUrl(repos: Repositories, code: string): string | null {
  const base = repos.appConfig.get(STATUS_BASE_URL_KEY);
  return base ? `${base.replace(/\/+$/, '')}/deletion-status?code=${encodeURIComponent(code)}` : null;
}

function toRequest(repos: Repositories, r: RequestRow): DeletionRequest {
  return {
    code: r.code,
    receivedAt: r.received_at,
    source: r.source,
    requester: r.requester,
    status: r.status,
    doneAt: r.done_at,
    receiptCode: r.receipt_code,
    note: r.note,
    statusUrl: statusUrl(repos, r.code),
  };
}

export function listRequests(repos: Repositories, status: 'open' | 'done' | null = null): DeletionRequest[] {
  const rows = repos.db
    .prepare('SELECT * FROM deletion_requests WHERE (? IS NULL OR status = ?) ORDER BY received_at DESC, id DESC')
    .all(status, status) as RequestRow[];
  return rows.map((r) => toRequest(repos, r));
}

/** Logs a request: who asked (a handle or Meta id), how it came, when. */
export function addRequest(
  repos: Repositories,
  input: { requester: string; source: DeletionRequestSource; note?: string | null; receivedAt?: number },
  now: number,
): DeletionRequest {
  const requester = input.requester.trim();
  // "@" alone names no one: the forget it would run could only match nothing and close the request empty.
  if (!normaliseHandle(requester)) throw new RangeError('Say who asked: their handle or their Meta id.');
  const code = confirmationCode('DR');
  repos.db.transaction(() => {
    repos.db
      .prepare('INSERT INTO deletion_requests (code, received_at, source, requester, note) VALUES (?, ?, ?, ?, ?)')
      .run(code, input.receivedAt ?? now, input.source, requester, input.note?.trim() || null);
    repos.audit.record(now, 'request.added', code, { source: input.source });
  })();
  return getRequest(repos, code);
}

export function getRequest(repos: Repositories, code: string): DeletionRequest {
  const row = repos.db.prepare('SELECT * FROM deletion_requests WHERE code = ?').get(code.trim().toUpperCase()) as RequestRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no deletion request ${code}.`);
  return toRequest(repos, row);
}

/**
 * Carries out a request: forgets the person it names (a receipt is written even when nothing was
 * stored, so the answer to them is on record), links the receipt and marks it done. The request then
 * no longer names them: the receipt code stands in.
 */
export function completeRequest(repos: Repositories, code: string, now: number, dataDir?: string): DeletionRequest {
  const request = getRequest(repos, code);
  if (request.status === 'done') throw new AppError('CONFLICT', `Request ${request.code} is already done (receipt ${request.receiptCode ?? '—'}).`);
  forgetPerson(repos, { handleOrId: request.requester ?? '' }, now, { allowEmpty: true, requestCode: request.code, ...(dataDir ? { dataDir } : {}) });
  return getRequest(repos, request.code);
}

/** Marks open requests naming this handle done with the forget's receipt, and drops the name. */
export function closeRequestsFor(db: Db, handles: readonly string[], receiptCode: string, now: number, requestCode: string | null): string[] {
  const open = db.prepare(`SELECT code, requester FROM deletion_requests WHERE status = 'open'`).all() as Array<{ code: string; requester: string | null }>;
  const wanted = new Set(handles.map(normaliseHandle));
  const closing = open.filter((r) => r.code === requestCode || (r.requester !== null && wanted.has(normaliseHandle(r.requester)))).map((r) => r.code);
  const update = db.prepare(`UPDATE deletion_requests SET status = 'done', done_at = ?, receipt_code = ?, requester = NULL WHERE code = ?`);
  for (const c of closing) update.run(now, receiptCode, c);
  return closing;
}
