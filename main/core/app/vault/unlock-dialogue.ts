// What a front door needs to hold its side of the unlock dialogue (core/vault/unlock-prompt.ts runs the dialogue
// itself): the prompt's shape, the refusals that carry a wait, and what a recovery key looks like.
import { parseRecoveryKey } from '../../vault/recovery-key';

export type { NewPasscodeReason, UnlockAnswer, UnlockPrompt, UnlockRequest } from '../../vault/unlock-prompt';
export { PasscodeTooWeak, PasscodeWait, PasscodeWrong, RecoveryKeyWrong, UnlockCancelled } from '../../vault/errors';

/** Whether a typed line has the shape of a recovery key (8 groups of 4; case, spaces and look-alikes forgiven). */
export const looksLikeRecoveryKey = (typed: string): boolean => parseRecoveryKey(typed) !== null;
