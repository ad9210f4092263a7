import type { ExportInput } from '../../../core/app/outputs';
import { GiftdeskError } from '../../../core/errors';
import type { IpcContext } from '../ipc-context';

type Outcome = { done: boolean; reason: string | null; cards: number; generatedPassphrase: string | null };

/**
 * An encrypted card file (an order's or a hand-out's) written to its chosen path, followed under the window's jobId
 * so it can show progress and cancel, as a sheet is. Cancelled while it was written is an outcome, not an error: the
 * worker stopped and removed its unfinished file, nothing was recorded, and no passphrase is shown for it.
 */
export async function makeExport(context: IpcContext, input: ExportInput, jobId: string | undefined): Promise<Outcome> {
  const { app, actor } = context;
  const total = app.outputs.cardCount(actor, input);
  try {
    return await context.jobs.follow(jobId, total, async (control) => {
      const made = await app.outputs.exportCards(actor, input, control);
      return { done: true, reason: null, cards: made.cards, generatedPassphrase: made.generatedPassphrase };
    });
  } catch (err) {
    if (err instanceof GiftdeskError && err.kind === 'cancelled') return { done: false, reason: 'stopped', cards: 0, generatedPassphrase: null };
    throw err;
  }
}
