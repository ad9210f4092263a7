import { PasscodeWait, PasscodeWrong } from '../../vault/errors';

// What a front door needs to hold the unlock dialogue (the CLI's prompt, the desktop's passcode screen): the
// questions core asks, and how long a refused passcode must wait before the next try.
export type { UnlockAnswer, UnlockPrompt, UnlockRequest } from '../../vault/unlock-prompt';

/** Seconds to wait before asking again after this refusal; null when no wait applies. */
export function retryWaitSeconds(error: unknown): number | null {
  return error instanceof PasscodeWrong || error instanceof PasscodeWait ? error.waitSeconds : null;
}
