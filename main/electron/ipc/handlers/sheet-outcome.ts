import type { SheetRequest } from '../../../core/app/outputs';
import { GiftdeskError } from '../../../core/errors';
import type { IpcContext } from '../ipc-context';
import { outputsOf } from './outputs-of';

type Outcome = { done: boolean; reason: string | null; cards: number };

/**
 * A card sheet (an order's or a hand-out's) previewed, printed or saved to `target`, followed under the window's
 * jobId so it can show progress and cancel. Cancelled while it was made is an outcome, not an error: the worker
 * stopped and removed its unfinished file, and nothing was recorded.
 */
export async function makeSheet(context: IpcContext, sheet: SheetRequest, request: { action: 'preview' | 'print' | 'save'; layout: string; jobId?: string | undefined }, target: string | null): Promise<Outcome> {
  const outputs = outputsOf(context);
  const { app, actor } = context;
  const total = app.outputs.sheetPlan(actor, { ...sheet, layout: request.layout }).cards;
  try {
    return await context.jobs.follow(request.jobId, total, async (control) => {
      if (request.action === 'preview') return { done: true, reason: null, cards: (await app.outputs.previewSheet(actor, sheet, outputs, control)).cards };
      if (request.action === 'print') {
        const printed = await app.outputs.printSheet(actor, sheet, outputs, control);
        return { done: printed.done, reason: printed.reason, cards: printed.cards };
      }
      return { done: true, reason: null, cards: (await app.outputs.saveSheet(actor, { ...sheet, outPath: target! }, control)).cards };
    });
  } catch (err) {
    if (err instanceof GiftdeskError && err.kind === 'cancelled') return { done: false, reason: 'stopped', cards: 0 };
    throw err;
  }
}
