import { GiftdeskError } from '../../core/errors';
import { PasscodeWait, PasscodeWrong, type UnlockAnswer, type UnlockPrompt, type UnlockRequest } from '../../core/app/vault/unlock-dialogue';

// The desktop app's side of the unlock dialogue while the store opens at start. The core runs the dialogue (which
// question, the wait, a new store's passcode, the recovery key after a restore); this only holds the current
// question for the passcode screen, hands its answer back, and says what happens next. It is reached through the
// lock channels, which exist before the core does and go through the same sender check as every other channel.

export type StartStep =
  /** The screen asks for this; `error` is why the last answer was refused, `note` what happened before (a failed restore). */
  | {
      step: 'question';
      need: UnlockRequest['need'];
      reason: string | null;
      /** Why only the recovery key can open the store (no device secret on this computer), in words. */
      explanation: string | null;
      error: { kind: string; message: string } | null;
      note: string | null;
      /** When the next passcode can be checked (ms since the epoch), after wrong ones. */
      retryAt: number | null;
    }
  /** A new store's recovery key, shown this once until the person says it is kept. */
  | { step: 'recovery-key'; storeId: string; recoveryKey: string }
  /** The core is working on the last answer (deriving the key, opening the store, restoring). */
  | { step: 'working' }
  | { step: 'open' };

export class NothingAsked extends GiftdeskError {
  readonly kind = 'nothing-asked';
  constructor(what: string) {
    super(`Giftdesk is not asking for ${what} now. Look at the screen again.`);
  }
}

export function createStartGate(now: () => number = Date.now) {
  let current: StartStep = { step: 'working' };
  let reply: ((answer: UnlockAnswer) => void) | null = null;
  let keyKept: (() => void) | null = null;
  let restoreFile: string | null = null;
  let cancelled = false;
  let note: string | null = null;
  const listeners = new Set<(step: StartStep) => void>();
  let waiters: ((step: StartStep) => void)[] = [];

  const set = (step: StartStep): void => {
    current = step;
    if (step.step !== 'working') {
      const woken = waiters;
      waiters = [];
      for (const w of woken) w(step);
    }
    for (const l of [...listeners]) l(step);
  };
  /** The next step the person has to act on (or the store open). */
  const next = (): Promise<StartStep> => new Promise((resolve) => waiters.push(resolve));
  const respond = (answer: UnlockAnswer): Promise<StartStep> => {
    const r = reply;
    reply = null;
    note = null;
    const after = next();
    set({ step: 'working' });
    r!(answer);
    return after;
  };

  const prompt: UnlockPrompt = {
    ask(request) {
      return new Promise<UnlockAnswer>((resolve) => {
        reply = resolve;
        const error = request.error ?? null;
        const wait = error instanceof PasscodeWrong || error instanceof PasscodeWait ? error.waitSeconds : 0;
        set({
          step: 'question',
          need: request.need,
          reason: 'reason' in request ? request.reason : null,
          explanation: request.need === 'recovery-key' && request.because ? request.because.message : null,
          error: error && { kind: error.kind, message: error.message },
          note,
          retryAt: wait > 0 ? now() + wait * 1000 : null,
        });
      });
    },
    showRecoveryKey({ storeId, recoveryKey }) {
      return new Promise<void>((resolve) => {
        keyKept = resolve;
        set({ step: 'recovery-key', storeId, recoveryKey });
      });
    },
  };

  return {
    /** The prompt createCore (and a restore) asks through. */
    prompt,
    step: (): StartStep => current,

    /** The person's answer to the question on screen; resolves with what comes next. */
    answer(answer: Exclude<UnlockAnswer, null>): Promise<StartStep> {
      if (current.step !== 'question' || !reply) throw new NothingAsked('a passcode or a recovery key');
      return respond(answer);
    },

    /** The person leaves the question (a restore's recovery key): the core gives up on it, and the start goes on. */
    cancel(): Promise<StartStep> {
      if (current.step !== 'question' || !reply) throw new NothingAsked('anything');
      cancelled = true;
      return respond(null);
    },

    /** The person has kept the new store's recovery key: the store finishes opening. */
    keyKept(): Promise<StartStep> {
      if (current.step !== 'recovery-key' || !keyKept) throw new NothingAsked('the recovery key to be kept');
      const done = keyKept;
      keyKept = null;
      const after = next();
      set({ step: 'working' });
      done();
      return after;
    },

    /** On a new data folder, instead of a first passcode: restore this backup (asked for its recovery key next). */
    restoreFrom(file: string): Promise<StartStep> {
      if (current.step !== 'question' || current.need !== 'new-passcode' || current.reason !== 'new-store' || !reply) {
        throw new NothingAsked('a backup to restore');
      }
      restoreFile = file;
      return respond(null);
    },

    /** For the start's loop: a restore the person asked for, once. */
    takeRestore(): string | null {
      const file = restoreFile;
      restoreFile = null;
      return file;
    },
    /** For the start's loop: whether the last dialogue ended because the person left it (then no error is shown). */
    takeCancelled(): boolean {
      const was = cancelled;
      cancelled = false;
      return was;
    },
    /** Shown with the next question: what went wrong before it (a restore that failed). */
    noteForNext(message: string): void {
      note = message;
    },
    opened(): void {
      set({ step: 'open' });
    },
    subscribe(listener: (step: StartStep) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type StartGate = ReturnType<typeof createStartGate>;
