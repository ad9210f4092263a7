import { useState, type FormEvent } from 'react';
import { api, call, messageOf } from '../lib/api';
import { useApp } from '../state/app-store';
import { ErrorText } from './ErrorText';
import { PasscodeField } from './lock/PasscodeField';

/** Asks for the passcode again when an act needs a recent one; main checks it (a wrong one counts and waits like any). */
export function PasscodeDialog() {
  const ask = useApp((s) => s.passcodeAsk);
  const [passcode, setPasscode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!ask) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(api().vault.confirmPasscode({ passcode }));
      setPasscode('');
      ask.settle(true);
    } catch (err) {
      setError(messageOf(err));
      setPasscode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal-backdrop">
      <form className="modal panel" role="dialog" aria-modal="true" aria-labelledby="passcode-dialog-title" onSubmit={(e) => void submit(e)}>
        <h2 id="passcode-dialog-title">Type the passcode again</h2>
        <p className="muted">{ask.message}</p>
        <PasscodeField id="confirm-passcode" label="Passcode" value={passcode} onChange={setPasscode} />
        <ErrorText message={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || passcode === ''}>
            {busy ? 'Checking…' : 'Confirm'}
          </button>
          <button type="button" onClick={() => ask.settle(false)}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
