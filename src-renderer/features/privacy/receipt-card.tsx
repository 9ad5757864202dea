import type { ForgetReceipt, HeldFileKind } from '../../../src-preload/contract';
import { formatDateTime, formatFullNumber } from '../../lib/format';
import { exportReceipt } from './privacy-actions';

/** Stored table names in words. */
export const TABLE_WORDS: Record<string, string> = {
  messages: 'Messages',
  conversations: 'Conversations',
  comments: 'Comments and replies',
  people: 'Engaged-people records',
};

/** Files the app kept in its data folder, in words (they are counted as files, apart from rows). */
export const FILE_WORDS: Record<HeldFileKind, string> = {
  exportStaging: 'Files of an unfinished export',
  crashReports: 'Crash-report files',
  logs: 'Log files',
  setAside: 'Files of a damaged store set aside',
};

/** One row per kind of file, for the preview and the receipt. */
export function HeldFileRows({ files, attr }: { files: Partial<Record<HeldFileKind, number>>; attr: 'data-will-remove' | 'data-removed' }) {
  return (
    <>
      {(Object.entries(files) as Array<[HeldFileKind, number]>).map(([kind, n]) => (
        <tr key={kind} {...{ [attr]: `file:${kind}` }}>
          <th scope="row">{FILE_WORDS[kind]}</th>
          <td className="num">
            {formatFullNumber(n)} {n === 1 ? 'file' : 'files'}
          </td>
        </tr>
      ))}
    </>
  );
}

/** What a forget removed: the code, when, how many of each. Never who. */
export function ReceiptCard({ receipt, onClose }: { receipt: ForgetReceipt; onClose?: () => void }) {
  return (
    <div className="notice notice--success receipt" role="status" data-receipt={receipt.code}>
      <p className="notice__title">
        Forgotten. Confirmation code <code className="receipt__code">{receipt.code}</code>
      </p>
      <p className="muted">{formatDateTime(receipt.forgottenAt)} · nothing of this person is left on this computer.</p>
      <table className="table table--compact">
        <caption className="visually-hidden">What was removed</caption>
        <tbody>
          {Object.entries(receipt.counts).map(([table, n]) => (
            <tr key={table} data-removed={table}>
              <th scope="row">{TABLE_WORDS[table] ?? table}</th>
              <td className="num">{formatFullNumber(n)}</td>
            </tr>
          ))}
          <HeldFileRows files={receipt.files} attr="data-removed" />
        </tbody>
      </table>
      {receipt.requests.length > 0 && <p>Deletion requests completed: {receipt.requests.join(', ')}</p>}
      <div className="actions">
        <button type="button" className="button button--small" onClick={() => void exportReceipt(receipt.code)}>
          Export receipt
        </button>
        {onClose && (
          <button type="button" className="button button--small button--quiet" onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </div>
  );
}
