import { looksLikeRecoveryKey, PasscodeWait, PasscodeWrong, type UnlockPrompt, type UnlockRequest } from '../core/app/vault/unlock-dialogue';
import type { CliInput } from './cli-input';

const TERMINAL_TRIES = 3;

const QUESTION: Record<UnlockRequest['need'], string> = {
  passcode: 'Passcode: ',
  'recovery-key': 'Recovery key: ',
  'new-passcode': 'New passcode: ',
};

export interface CliUnlock extends UnlockPrompt {
  /** The passcode that opened the store in this run, when one was asked for (`passcode change` takes it as the old one). */
  passcodeGiven(): string | null;
}

/**
 * The CLI's side of the unlock dialogue (the rules are in core): standard input answers once, in its fixed order;
 * a terminal is asked again after a refusal, up to three times, waiting out the pause after a wrong passcode.
 */
export function createCliUnlock(input: CliInput, err: (line: string) => void, sleep: (ms: number) => Promise<void>): CliUnlock {
  let tries = 0;
  let given: string | null = null;
  return {
    passcodeGiven: () => given,
    async ask(request) {
      if (request.error) {
        if (!input.isTerminal || ++tries >= TERMINAL_TRIES) return null;
        err(request.error.message);
        if (request.error instanceof PasscodeWrong || request.error instanceof PasscodeWait) await sleep(request.error.waitSeconds * 1000);
      }
      if (request.need === 'new-passcode' && input.isTerminal && !request.error) err(newPasscodeIntro(request.reason));
      const missing = request.need === 'recovery-key' && request.reason === 'device-secret-missing';
      if (missing && input.isTerminal && !request.error && request.because) err(request.because.message);
      const typed = await input.line(QUESTION[request.need]);
      if (typed === null) return null;
      // A script that sent its passcode to a computer without the store's device secret hears why it cannot open,
      // instead of its passcode being tried as a recovery key.
      if (missing && !input.isTerminal && !looksLikeRecoveryKey(typed)) return null;
      if (request.need === 'recovery-key') return { recoveryKey: typed };
      if (request.need === 'new-passcode' && input.isTerminal && (await input.line('Type it again: ')) !== typed) {
        err('The two passcodes differ.');
        return this.ask({ ...request, error: undefined });
      }
      if (request.need === 'passcode') given = typed;
      return { passcode: typed };
    },
    async showRecoveryKey({ storeId, recoveryKey }) {
      err(`Recovery key of store ${storeId}, shown only this once: ${recoveryKey}`);
      err('Write it down and keep it offline (or print a kit: recovery-kit --out FILE.pdf). It opens the store, and every backup of it, on any computer.');
    },
  };
}

function newPasscodeIntro(reason: Extract<UnlockRequest, { need: 'new-passcode' }>['reason']): string {
  switch (reason) {
    case 'new-store':
      return 'This data folder has no card store yet. Choose a passcode for it.';
    case 'upgrade':
      return 'The card store now needs a passcode as well as this computer\'s keychain. Choose one.';
    case 'recovered':
      return 'Opened with the recovery key. Choose a new passcode for this computer.';
    case 'restored':
      return 'The backup checks out. Choose a passcode for the restored store.';
  }
}
