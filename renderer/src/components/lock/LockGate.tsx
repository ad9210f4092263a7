import { useState, type FormEvent } from 'react';
import type { LockView, StartStepView } from '../../../../shared/ipc/vault-views';
import { api, call, messageOf } from '../../lib/api';
import { useApp } from '../../state/app-store';
import { ErrorText } from '../ErrorText';
import { Centered } from './Centered';
import { NewPasscodeForm } from './NewPasscodeForm';
import { PasscodeField } from './PasscodeField';
import { RecoveryKeyShown } from './RecoveryKeyShown';
import { useCountdown } from './use-countdown';

type Question = Extract<StartStepView, { step: 'question' }>;

/**
 * Everything shown while the app is locked or its store is still opening, instead of the whole app (the side menu
 * too): the passcode screen, the first run (a passcode, then the recovery key once, or a restore), the recovery key
 * when this computer cannot open the store, and the lock screen. No card, order or account is held behind it.
 */
export function LockGate() {
  const lock = useApp((s) => s.lock);
  const setLock = useApp((s) => s.setLock);
  if (!lock) return <Centered title="Giftdesk">Starting…</Centered>;
  const start = lock.start;
  if (!start) return <UnlockForm lock={lock} onView={setLock} />;
  if (start.step === 'working') return <Centered title="Giftdesk">Opening the card store…</Centered>;
  if (start.step === 'recovery-key') return <RecoveryKeyShown recoveryKey={start.recoveryKey} storeId={start.storeId} onView={setLock} />;
  if (start.need === 'new-passcode') return <NewPasscodeForm question={start} onView={setLock} />;
  return <StartUnlockForm key={`${start.need}-${start.reason ?? ''}`} question={start} retryInSeconds={lock.retryInSeconds} onView={setLock} />;
}

/** The app is open but locked: the passcode (checked by unwrapping the store's key), or Touch ID once it was typed. */
function UnlockForm({ lock, onView }: { lock: LockView; onView(v: LockView): void }) {
  const [passcode, setPasscode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const wait = useCountdown(lock.retryInSeconds, error);
  const refresh = useApp((s) => s.refreshLock);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onView(await call(api().lock.unlock({ passcode })));
    } catch (err) {
      setPasscode('');
      setError(messageOf(err));
      await refresh();
    } finally {
      setBusy(false);
    }
  };
  const touchId = async () => {
    try {
      onView(await call(api().lock.unlockQuickly({})));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <Centered title="Giftdesk is locked">
      <p className="muted">Card numbers, orders and accounts are hidden while you are away. Orders, checks and backups keep running.</p>
      <form onSubmit={(e) => void submit(e)}>
        <PasscodeField id="unlock-passcode" label="Passcode" value={passcode} onChange={setPasscode} />
        <WaitNote seconds={wait} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || wait > 0 || passcode === ''}>
            {busy ? 'Checking…' : 'Unlock'}
          </button>
          {lock.quickUnlock && (
            <button type="button" onClick={() => void touchId()}>
              Unlock with Touch ID
            </button>
          )}
        </div>
      </form>
      <ErrorText message={error} />
    </Centered>
  );
}

/** At start: the passcode that opens the store, or its recovery key (asked for instead when this computer has no device secret). */
function StartUnlockForm({ question, retryInSeconds, onView }: { question: Question; retryInSeconds: number; onView(v: LockView): void }) {
  const [useRecovery, setUseRecovery] = useState(question.need === 'recovery-key');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const wait = useCountdown(useRecovery ? 0 : retryInSeconds, question.error);
  const restoring = question.reason === 'restore';
  const send = async (answer: Parameters<ReturnType<typeof api>['lock']['answer']>[0]) => {
    setBusy(true);
    setFailure(null);
    try {
      onView(await call(api().lock.answer(answer)));
    } catch (err) {
      setFailure(messageOf(err));
    } finally {
      setBusy(false);
      setValue('');
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(useRecovery ? { recoveryKey: value } : { passcode: value });
  };
  return (
    <Centered title={restoring ? 'Restore from a backup' : useRecovery ? 'Open with the recovery key' : 'Unlock Giftdesk'}>
      {question.explanation && <p className="warning">{question.explanation}</p>}
      {restoring && <p className="muted">The backup checks out as a Giftdesk backup. Type the recovery key of the store it was made from (on its printed recovery kit).</p>}
      {question.note && <p className="warning">{question.note}</p>}
      <form onSubmit={submit}>
        {useRecovery ? (
          <PasscodeField key="recovery" id="start-recovery-key" label="Recovery key" hint="8 groups of 4 letters and digits, as on the recovery kit." value={value} onChange={setValue} autoComplete="off" />
        ) : (
          <PasscodeField key="passcode" id="start-passcode" label="Passcode" value={value} onChange={setValue} />
        )}
        <ErrorText message={question.error?.message ?? failure} />
        <WaitNote seconds={wait} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || wait > 0 || value === ''}>
            {busy ? 'Checking…' : useRecovery ? 'Open' : 'Unlock'}
          </button>
          {question.need === 'passcode' && (
            <button type="button" className="link" onClick={() => setUseRecovery(!useRecovery)}>
              {useRecovery ? 'Type the passcode instead' : 'Passcode forgotten? Use the recovery key'}
            </button>
          )}
          {restoring && (
            <button type="button" onClick={() => void send({ cancel: true })} disabled={busy}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </Centered>
  );
}

function WaitNote({ seconds }: { seconds: number }) {
  if (seconds <= 0) return null;
  return (
    <p className="wait" role="status">
      After a wrong passcode the next try must wait: try again in {seconds} s.
    </p>
  );
}
