import { useState, type FormEvent } from 'react';
import type { LockView, StartStepView } from '../../../../shared/ipc/vault-views';
import { api, call, messageOf } from '../../lib/api';
import { ErrorText } from '../ErrorText';
import { Centered } from './Centered';
import { PasscodeField } from './PasscodeField';

type Question = Extract<StartStepView, { step: 'question' }>;

const INTRO: Record<string, { title: string; text: string }> = {
  'new-store': {
    title: 'Set up Giftdesk',
    text: 'Choose a passcode. It and this computer’s keychain together open the card store; neither opens it alone. Giftdesk judges how easy it is to guess: a few unrelated words work well.',
  },
  upgrade: { title: 'Choose a passcode', text: 'The card store now needs a passcode as well as this computer’s keychain. Choose one.' },
  recovered: { title: 'Choose a new passcode', text: 'The store opened with its recovery key. Choose a new passcode for this computer.' },
  restored: { title: 'Choose a passcode', text: 'The backup checks out. Choose a passcode for the restored store on this computer.' },
};

/** A passcode to set (first run, upgrade, after the recovery key or a restore), judged by main's estimator; or, on first run, a restore. */
export function NewPasscodeForm({ question, onView }: { question: Question; onView(v: LockView): void }) {
  const [passcode, setPasscode] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const intro = INTRO[question.reason ?? 'new-store'] ?? INTRO['new-store']!;
  const firstRun = question.reason === 'new-store';
  const run = async (work: () => Promise<LockView>) => {
    setBusy(true);
    setFailure(null);
    try {
      onView(await work());
    } catch (err) {
      setFailure(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (passcode !== again) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    void run(() => call(api().lock.answer({ passcode })));
  };
  return (
    <Centered title={intro.title}>
      <p className="muted">{intro.text}</p>
      {question.note && <p className="warning">{question.note}</p>}
      <form onSubmit={submit}>
        <PasscodeField id="new-passcode" label="Passcode" value={passcode} onChange={setPasscode} autoComplete="new-password" error={question.error?.message ?? null} />
        <PasscodeField id="new-passcode-again" label="Type it again" value={again} onChange={setAgain} autoComplete="new-password" error={mismatch ? 'The two passcodes differ.' : null} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || passcode === ''}>
            {busy ? 'Setting up…' : 'Set passcode'}
          </button>
          {firstRun && (
            <button type="button" onClick={() => void run(() => call(api().lock.restore({})))} disabled={busy}>
              Restore from a backup…
            </button>
          )}
        </div>
      </form>
      <ErrorText message={failure} />
    </Centered>
  );
}
