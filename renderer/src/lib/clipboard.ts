// Copying a card number, PIN or passphrase leaves money on the clipboard; it is wiped after the time chosen in
// Settings (30 s unless changed) unless something else was copied since.

let clearAfterMs = 30_000;
let pending: { timer: ReturnType<typeof setTimeout>; text: string } | null = null;

export async function copySecret(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
  if (pending) clearTimeout(pending.timer);
  pending = { text, timer: setTimeout(() => void clearIfStill(text), clearAfterMs) };
}

async function clearIfStill(text: string): Promise<void> {
  pending = null;
  try {
    // Reading may be refused; then clear anyway, since leaving a PIN behind is worse than losing a later copy.
    const current = await navigator.clipboard.readText().catch(() => text);
    if (current === text) await navigator.clipboard.writeText('');
  } catch {
    // Nothing more can be done without clipboard access.
  }
}

/** The Settings page's clipboard time, for the next copy. */
export function setClipboardSeconds(seconds: number): void {
  clearAfterMs = seconds * 1000;
}

/** How long a copy stays, in seconds, for the words beside a Copy button. */
export const clipboardSeconds = (): number => Math.round(clearAfterMs / 1000);
