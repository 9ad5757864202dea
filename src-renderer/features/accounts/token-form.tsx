import { useId, useState, type FormEvent } from 'react';
import { META_PERMISSIONS } from '../../../src-preload/contract';

interface TokenFormProps {
  busy: boolean;
  /** Resolves true when the token connected. */
  onSubmit: (token: string) => Promise<boolean>;
}

/**
 * Paste a system-user token. The field is masked and never shown back. It is emptied once the
 * token connected; when Meta's check fails the paste stays, so fixing a permission and trying
 * again does not mean copying the token again.
 */
export function TokenForm({ busy, onSubmit }: TokenFormProps) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const stepsId = useId();
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setToken('');
      setProblem('Paste the token first.');
      return;
    }
    setProblem(null);
    void onSubmit(value).then((connected) => {
      if (connected) setToken('');
    });
  };

  return (
    <form className="stack stack--tight" onSubmit={submit} noValidate>
      <details className="how-to" id={stepsId}>
        <summary>How to create the token (about 5 minutes)</summary>
        <ol>
          <li>
            Open <strong>Meta Business Suite</strong> → <strong>Business settings</strong> →{' '}
            <strong>Users</strong> → <strong>System users</strong>, and add one (role: Admin).
          </li>
          <li>
            Choose <strong>Assign assets</strong> and give it your Instagram account and your Facebook Page.
          </li>
          <li>
            Choose <strong>Generate new token</strong>, pick your app, set it to never expire, and tick these
            permissions:
            <ul className="scope-list">
              {META_PERMISSIONS.map((scope) => (
                <li key={scope}>
                  <code>{scope}</code>
                </li>
              ))}
            </ul>
          </li>
          <li>Copy the token and paste it below. Social Desk keeps it encrypted on this computer only.</li>
        </ol>
      </details>
      <div className="field">
        <label htmlFor={fieldId}>System-user access token</label>
        <input
          id={fieldId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          disabled={busy}
          data-token-input="true"
        />
        {problem && (
          <p className="field__problem" id={problemId} role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="actions actions--start">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
