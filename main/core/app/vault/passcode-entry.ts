import type { Clock } from '../../clock';
import { GiftdeskError } from '../../errors';

/** How long a typed passcode vouches for the person at the desk before an export, a whole order's reveal or a key change. */
export const PASSCODE_FRESH_MS = 5 * 60_000;

/** The act needs the passcode again: the last time it was typed is too long ago. Nothing was done. */
export class PasscodeRequired extends GiftdeskError {
  readonly kind = 'passcode-required';
  constructor(what: string) {
    super(`Type the passcode again to ${what}: it was last typed more than ${PASSCODE_FRESH_MS / 60_000} minutes ago. Nothing was done.`, {
      field: 'passcode',
    });
  }
}

/**
 * When the passcode was last typed in this process, and whether it was typed at all (opening the store counts: every
 * way to open asks for it, or sets a new one). Touch ID re-opens a locked app but types no passcode, so it neither
 * refreshes this nor counts as a passcode unlock.
 */
export function createPasscodeEntry(clock: Clock) {
  let typedAt: number | null = null;
  return {
    typed(): void {
      typedAt = clock.now();
    },
    /** A full passcode entry happened in this run (KeePassXC's rule for a quick unlock such as Touch ID). */
    get typedThisRun(): boolean {
      return typedAt !== null;
    },
    /** Throws PasscodeRequired when the passcode was not typed within the last five minutes. */
    assertRecent(what: string): void {
      if (typedAt === null || clock.now() - typedAt > PASSCODE_FRESH_MS) throw new PasscodeRequired(what);
    },
  };
}

export type PasscodeEntry = ReturnType<typeof createPasscodeEntry>;
