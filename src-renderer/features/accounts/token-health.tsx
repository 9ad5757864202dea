import type { ErrorPayload, TokenHealth } from '../../../src-preload/contract';
import { formatDate, formatDateTime } from '../../lib/format';
import { ActionNotice } from './action-notice';
import { expiryText, groupGrantedAssets, tokenKindText, validityText } from './account-text';

interface TokenHealthPanelProps {
  health: TokenHealth | null;
  loading: boolean;
  error: ErrorPayload | null;
  now: number;
  onRetry: () => void;
  onClose: () => void;
}

/** What Meta says about the account's token: kind and expiry, permissions, granted assets, advice. */
export function TokenHealthPanel({ health, loading, error, now, onRetry, onClose }: TokenHealthPanelProps) {
  const validity = health ? (health.isValid === null ? 'unknown' : health.isValid ? 'valid' : 'invalid') : 'loading';
  return (
    <div className="token-health" data-token-health={validity} aria-busy={loading}>
      {loading && !health && (
        <p className="muted" role="status">
          Asking Meta about this account&apos;s token…
        </p>
      )}
      {error && <ActionNotice action="health" error={error} />}
      {health && (
        <>
          <p className="token-health__kind">{tokenKindText(health, now)}</p>
          <p className={health.isValid === false ? 'token-health__validity is-bad' : 'token-health__validity'}>
            {validityText(health)}
          </p>
          {health.advice && (
            <div className="notice notice--warning">
              <p className="notice__title">What to do</p>
              <p className="notice__next">{health.advice}</p>
            </div>
          )}
          <dl className="facts">
            {health.dataAccessExpiresAt !== null && (
              <>
                <dt>Data access</dt>
                <dd>
                  {expiryText(health.dataAccessExpiresAt, now)} ({formatDate(health.dataAccessExpiresAt)}). Logging in
                  again renews it.
                </dd>
              </>
            )}
            <dt>Permissions</dt>
            <dd>
              {health.scopes.length > 0 ? (
                <ul className="scope-list">
                  {health.scopes.map((scope) => (
                    <li key={scope}>
                      <code>{scope}</code>
                    </li>
                  ))}
                </ul>
              ) : (
                'None reported'
              )}
            </dd>
            <dt>Granted to</dt>
            <dd>
              {health.grantedAssets.length > 0 ? (
                <ul className="plain-list plain-list--tight">
                  {groupGrantedAssets(health.grantedAssets).map(({ asset, scopes }) => (
                    <li key={asset} title={scopes.join(', ') || undefined}>
                      <span className="path">{asset}</span>
                      {scopes.length > 0 && (
                        <span className="muted">
                          {' '}
                          · {scopes.length} {scopes.length === 1 ? 'permission' : 'permissions'}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                'No Pages or accounts reported'
              )}
            </dd>
            <dt>Checked</dt>
            <dd>{formatDateTime(health.checkedAt)}</dd>
          </dl>
        </>
      )}
      <div className="actions actions--start">
        <button type="button" className="button button--small" onClick={onRetry} disabled={loading}>
          {loading ? 'Checking…' : 'Check again'}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          Hide
        </button>
      </div>
    </div>
  );
}
