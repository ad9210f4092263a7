import { GiftdeskError } from '../../../core/errors';
import type { DesktopOutputs, IpcContext } from '../ipc-context';
import type { HandlerGroup } from './handler-types';

class OutputsUnavailable extends GiftdeskError {
  readonly kind = 'unavailable';
}

function outputsOf(context: IpcContext): DesktopOutputs {
  if (!context.outputs) throw new OutputsUnavailable('Printing and saving files is only possible in the desktop app.');
  return context.outputs;
}

export const cardHandlers: HandlerGroup<'cards'> = {
  'cards.search': async (query, { app, actor }) => app.cards.search(actor, query),
  'cards.count': async (_, { app, actor }) => ({ total: app.cards.count(actor) }),
  'cards.reveal': async ({ cardId }, { app, actor }) => app.cards.reveal(actor, cardId),
  'cards.quarantined': async ({ orderId }, { app, actor }) => app.cards.quarantinedOf(actor, orderId),

  /** A card sheet previewed in a window, sent to the print dialog, or saved where the person chooses. */
  async 'cards.sheet'({ orderId, layout, scratch, action }, context) {
    const outputs = outputsOf(context);
    const { app, actor } = context;
    const sheet = { orderId, layout, scratch };
    if (action === 'preview') return { done: true, reason: null, cards: (await app.outputs.previewSheet(actor, sheet, outputs)).cards };
    if (action === 'print') {
      const printed = await app.outputs.printSheet(actor, sheet, outputs);
      return { done: printed.done, reason: printed.reason, cards: printed.cards };
    }
    const order = app.orders.get(actor, orderId);
    const target = await outputs.chooseSavePath({ title: 'Save card sheet', suggestedName: `${order.clientReference}-cards.pdf`, extension: 'pdf' });
    if (!target) return { done: false, reason: 'cancelled', cards: 0 };
    return { done: true, reason: null, cards: (await app.outputs.saveSheet(actor, { ...sheet, outPath: target })).cards };
  },

  /** An encrypted card file saved where the person chooses; a passphrase Giftdesk made is shown to them this once. */
  async 'cards.export'({ orderId, format, passphrase, recipient }, context) {
    const outputs = outputsOf(context);
    const { app, actor } = context;
    const order = app.orders.get(actor, orderId);
    const extension = format === 'age' ? 'age' : format;
    const target = await outputs.chooseSavePath({
      title: 'Save encrypted card file',
      suggestedName: `${order.clientReference}-cards.${format === 'age' ? 'csv.age' : format}`,
      extension,
    });
    if (!target) return { done: false, reason: 'cancelled', cards: 0, generatedPassphrase: null };
    const made = await app.outputs.exportCards(actor, { orderId, format, outPath: target, passphrase, recipients: recipient ? [recipient] : [] });
    return { done: true, reason: null, cards: made.cards, generatedPassphrase: made.generatedPassphrase };
  },
};
