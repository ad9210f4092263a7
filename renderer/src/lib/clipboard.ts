// Copying a card number or PIN leaves money on the clipboard; it is wiped after 30 s unless something else was copied.

const CLEAR_AFTER_MS = 30_000;
let pending: { timer: ReturnType<typeof setTimeout>; text: string } | null = null;

export async function copySecret(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
  if (pending) clearTimeout(pending.timer);
  pending = { text, timer: setTimeout(() => void clearIfStill(text), CLEAR_AFTER_MS) };
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
