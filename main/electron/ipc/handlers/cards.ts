import type { HandlerGroup } from './handler-types';
import { outputsOf } from './outputs-of';
import { makeExport } from './export-outcome';
import { makeSheet } from './sheet-outcome';

export const cardHandlers: HandlerGroup<'cards'> = {
  'cards.search': async (query, { app, actor }) => app.cards.search(actor, query),
  'cards.count': async (_, { app, actor }) => ({ total: app.cards.count(actor) }),
  'cards.reveal': async ({ cardId }, { app, actor }) => app.cards.reveal(actor, cardId),
  'cards.quarantined': async ({ orderId }, { app, actor }) => app.cards.quarantinedOf(actor, orderId),

  /** A card sheet previewed in a window, sent to the print dialog, or saved where the person chooses. */
  async 'cards.sheet'({ orderId, layout, scratch, logo, action, jobId }, context) {
    const outputs = outputsOf(context);
    const { app, actor } = context;
    // Asked before any dialog: the sheet asks for a recent passcode itself, and a person should not pick a file first.
    app.vault.assertRecentPasscode(actor, 'show a whole order’s cards on a sheet');
    const sheet = { orderId, layout, scratch, logoPath: context.logos.pathOf(logo) };
    const order = app.orders.get(actor, orderId);
    const target = action === 'save' ? await outputs.chooseSavePath({ title: 'Save card sheet', suggestedName: `${order.clientReference}-cards.pdf`, extension: 'pdf' }) : null;
    if (action === 'save' && !target) return { done: false, reason: 'cancelled', cards: 0 };
    return makeSheet(context, sheet, { action, layout, jobId }, target);
  },

  'cards.sheetPlan': async ({ orderId, handoutId, layout }, { app, actor }) =>
    app.outputs.sheetPlan(actor, handoutId !== undefined ? { handoutId, layout } : { orderId: orderId!, layout }),
  'cards.jobProgress': async ({ jobId }, { jobs }) => jobs.progress(jobId),
  'cards.cancelJob': async ({ jobId }, { jobs }) => ({ cancelled: jobs.cancel(jobId) }),

  /** A logo for this window's card sheets: checked as a sheet checks it, so a bad one is refused now, not at printing. */
  async 'cards.chooseLogo'(_, context) {
    const file = await outputsOf(context).chooseOpenPath({ title: 'Choose a logo for the card sheets', extension: ['png', 'jpg', 'jpeg'] });
    if (!file) return { logo: null };
    context.app.outputs.checkLogo(context.actor, file);
    return { logo: context.logos.keep(file) };
  },

  /** A layout's alignment test page, to print on plain paper and hold against the card stock. */
  async 'cards.alignmentPage'({ layout }, context) {
    const outputs = outputsOf(context);
    const target = await outputs.chooseSavePath({ title: 'Save alignment test page', suggestedName: `alignment-${layout}.pdf`, extension: 'pdf' });
    if (!target) return { done: false, reason: 'cancelled', cards: 0 };
    await context.app.outputs.saveAlignmentPage(context.actor, { layout, outPath: target });
    return { done: true, reason: null, cards: 0 };
  },

  /** An encrypted card file saved where the person chooses; a passphrase Giftdesk made is shown to them this once. */
  async 'cards.export'({ orderId, format, passphrase, recipient, jobId }, context) {
    const outputs = outputsOf(context);
    const { app, actor } = context;
    app.vault.assertRecentPasscode(actor, 'export cards');
    const order = app.orders.get(actor, orderId);
    const extension = format === 'age' ? 'age' : format;
    const target = await outputs.chooseSavePath({
      title: 'Save encrypted card file',
      suggestedName: `${order.clientReference}-cards.${format === 'age' ? 'csv.age' : format}`,
      extension,
    });
    if (!target) return { done: false, reason: 'cancelled', cards: 0, generatedPassphrase: null };
    return makeExport(context, { orderId, format, outPath: target, passphrase, recipients: recipient ? [recipient] : [] }, jobId);
  },
};
