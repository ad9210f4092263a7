// What a front door needs to hold its side of the unlock dialogue (core/vault/unlock-prompt.ts runs the dialogue
// itself): the prompt's shape, and the refusals that carry a wait.
export type { NewPasscodeReason, UnlockAnswer, UnlockPrompt, UnlockRequest } from '../../vault/unlock-prompt';
export { PasscodeTooWeak, PasscodeWait, PasscodeWrong, RecoveryKeyWrong, UnlockCancelled } from '../../vault/errors';
