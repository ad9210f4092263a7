import { useState, type FormEvent } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { api, call, messageOf, UiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

/** The passcode changed: the old one checked like any attempt, the new one judged by main's estimator. */
export function ChangePasscode({ setAt }: { setAt: number }) {
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (next !== again) return setError({ message: 'The two new passcodes differ.', field: 'again' });
    setBusy(true);
    setError(null);
    try {
      await call(api().vault.changePasscode({ oldPasscode: old, newPasscode: next }));
      setDone(true);
      setOld('');
      setNext('');
      setAgain('');
    } catch (err) {
      const message = messageOf(err);
      const wrongOld = err instanceof UiError && (err.kind === 'passcode-wrong' || err.kind === 'passcode-wait');
      setError({ message, field: wrongOld ? 'old' : 'new' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel" aria-labelledby="passcode-title" onSubmit={(e) => void submit(e)}>
      <h2 id="passcode-title">Passcode</h2>
      <p className="muted">Set {formatDateTime(setAt)}. With this computer’s keychain it opens the card store; the recovery key is not changed by it.</p>
      <div className="grid3">
        <Field id="old-passcode" label="Current passcode" error={error?.field === 'old' ? error.message : null}>
          <input id="old-passcode" type="password" autoComplete="current-password" value={old} onChange={(e) => setOld(e.target.value)} />
        </Field>
        <Field id="new-passcode" label="New passcode" error={error?.field === 'new' ? error.message : null}>
          <input id="new-passcode" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </Field>
        <Field id="new-passcode-again" label="New passcode again" error={error?.field === 'again' ? error.message : null}>
          <input id="new-passcode-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
        </Field>
      </div>
      <div className="actions">
        <button type="submit" disabled={busy || !old || !next}>
          {busy ? 'Changing…' : 'Change passcode'}
        </button>
      </div>
      {done && (
        <p className="notice" role="status">
          Passcode changed.
        </p>
      )}
      <ErrorText message={error && !error.field ? error.message : null} />
    </form>
  );
}
