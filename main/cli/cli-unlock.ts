import type { Clock } from '../core/clock';
import { retryWaitSeconds, type UnlockPrompt, type UnlockRequest } from '../core/app/vault/unlock-dialogue';
import type { CliInput } from './cli-input';

const TERMINAL_TRIES = 3;

const QUESTION: Record<UnlockRequest['need'], string> = {
  passcode: 'Passcode: ',
  'recovery-key': 'Recovery key: ',
  'new-passcode': 'New passcode: ',
};

/**
 * The CLI's side of the unlock dialogue (the rules are in core): standard input answers once, in its fixed order;
 * a terminal is asked again after a refusal, up to three times, waiting out the pause after a wrong passcode.
 */
export function createCliUnlock(input: CliInput, err: (line: string) => void, clock: Clock): UnlockPrompt {
  let tries = 0;
  return {
    async ask(request) {
      if (request.error) {
        if (!input.isTerminal || ++tries >= TERMINAL_TRIES) return null;
        err(request.error.message);
        const wait = retryWaitSeconds(request.error);
        if (wait !== null) await clock.sleep(wait * 1000);
      }
      if (request.need === 'new-passcode' && input.isTerminal && !request.error) err(newPasscodeIntro(request.reason));
      const typed = await input.line(QUESTION[request.need]);
      if (typed === null) return null;
      if (request.need === 'recovery-key') return { recoveryKey: typed };
      if (request.need === 'new-passcode' && input.isTerminal && (await input.line('Type it again: ')) !== typed) {
        err('The two passcodes differ.');
        return this.ask({ ...request, error: undefined });
      }
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
