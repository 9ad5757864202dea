import { useId, useState, type FormEvent } from 'react';

export const MIN_PASSPHRASE_LENGTH = 8;

interface PassphraseFormProps {
  busy: boolean;
  onSubmit: (passphrase: string) => void;
  onBack: () => void;
}

/** Choose a passphrase: typed twice, at least 8 characters, with a plain warning that it can't be recovered. */
export function PassphraseForm({ busy, onSubmit, onBack }: PassphraseFormProps) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const firstId = useId();
  const secondId = useId();
  const problemId = useId();
  const warningId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (first.length < MIN_PASSPHRASE_LENGTH) {
      setProblem(`Use at least ${MIN_PASSPHRASE_LENGTH} characters.`);
    } else if (first !== second) {
      setProblem("The two passphrases don't match. Type the same one twice.");
    } else {
      setProblem(null);
      onSubmit(first);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-describedby={warningId}>
      <div className="notice notice--warning" id={warningId}>
        <p className="notice__title">Write this passphrase down and keep it somewhere safe.</p>
        <p className="notice__next">
          It cannot be recovered. If you forget it, nobody (not us, not Meta) can open your data again, and you
          would have to start fresh.
        </p>
      </div>
      <div className="field">
        <label htmlFor={firstId}>Passphrase (at least {MIN_PASSPHRASE_LENGTH} characters)</label>
        <input
          id={firstId}
          type="password"
          autoComplete="new-password"
          value={first}
          onChange={(event) => setFirst(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={secondId}>Type the passphrase again</label>
        <input
          id={secondId}
          type="password"
          autoComplete="new-password"
          value={second}
          onChange={(event) => setSecond(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
        />
      </div>
      {problem && (
        <p className="field__problem" id={problemId} role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onBack} disabled={busy}>
          Back
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Setting up…' : 'Set passphrase and continue'}
        </button>
      </div>
    </form>
  );
}
