import { useId } from 'react';
import { FIELD_LABELS, isSecret, type MetaAppField } from './meta-app-fields';

interface MetaAppInputProps {
  field: MetaAppField;
  value: string;
  onChange: (value: string) => void;
  problem: string | undefined;
  hint?: string;
  /** Secrets only: whether one is stored. */
  secretSaved?: boolean;
  /** Secrets only: clear the stored secret. */
  onRemoveSecret?: () => void;
  disabled: boolean;
}

/**
 * One Meta app field. Secret fields are write-only: they say whether a secret is stored, offer a
 * masked field to replace it, and never hold or show the stored value.
 */
export function MetaAppInput({ field, value, onChange, problem, hint, secretSaved, onRemoveSecret, disabled }: MetaAppInputProps) {
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();
  const secret = isSecret(field);
  const describedBy = [problem ? problemId : null, hint || secret ? hintId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className="field meta-app__field">
      <label htmlFor={inputId}>{FIELD_LABELS[field]}</label>
      {secret && (
        <p className="meta-app__secret-state" data-meta-app-secret={secretSaved ? 'saved' : 'none'}>
          <span className={secretSaved ? 'badge badge--ok' : 'badge'}>{secretSaved ? 'Secret saved' : 'No secret'}</span>
          {secretSaved && onRemoveSecret && (
            <button type="button" className="link-button" disabled={disabled} onClick={onRemoveSecret}>
              Remove saved secret
            </button>
          )}
        </p>
      )}
      <input
        id={inputId}
        type={secret ? 'password' : field === 'instagramRedirectUri' ? 'url' : 'text'}
        inputMode={field.endsWith('AppId') ? 'numeric' : undefined}
        autoComplete={secret ? 'new-password' : 'off'}
        spellCheck={false}
        placeholder={secret ? (secretSaved ? 'Paste a new secret to replace the saved one' : 'Paste the app secret') : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem !== undefined}
        aria-describedby={describedBy}
        disabled={disabled}
        data-meta-app-field={field}
      />
      {problem && (
        <p className="field__problem" id={problemId} role="alert">
          {problem}
        </p>
      )}
      {(hint || secret) && (
        <p className="muted meta-app__hint" id={hintId}>
          {hint ?? 'Kept inside the encrypted database on this computer; it is never shown again.'}
        </p>
      )}
    </div>
  );
}
