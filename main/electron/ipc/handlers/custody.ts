import type { Custody } from '../../../core/app/custody';
import type { HandlerGroup } from './handler-types';
import { outputsOf } from './outputs-of';
import { makeExport } from './export-outcome';
import { makeSheet } from './sheet-outcome';

const custodyView = (c: Custody) => ({ cardId: c.cardId, state: c.state, handoutId: c.handoutId, issuedTo: c.issuedTo, voidReason: c.voidReason });

export const custodyHandlers: HandlerGroup<'custody'> = {
  'custody.stock': async (_, { app, actor }) => {
    const { lines, horizons } = app.custody.stock(actor);
    return { lines, horizons: [...horizons] };
  },
  'custody.checkRecipients': async ({ text }, { app, actor }) => {
    const { rows, errors } = app.custody.checkRecipientsCsv(actor, text);
    return { rows: rows.length, errors };
  },
  'custody.release': async (line, { app, actor }) => ({ released: app.custody.release(actor, { line }) }),
};

export const handoutHandlers: HandlerGroup<'handouts'> = {
  'handouts.create': async (input, { app, actor }) => app.custody.createHandout(actor, input),
  'handouts.list': async (_, { app, actor }) => app.custody.listHandouts(actor),
  'handouts.show': async ({ handoutId }, { app, actor }) => app.custody.showHandout(actor, handoutId),
  /** One card a scan: the outcome is what the person at the table reads, in big type. */
  'handouts.issue': async ({ handoutId, ...request }, { app, actor }) => app.custody.issue(actor, handoutId, [request]).outcomes[0]!,
  'handouts.unissue': async ({ cardId, reason }, { app, actor }) => custodyView(app.custody.unissue(actor, cardId, reason ?? null)),
  'handouts.voidCard': async ({ cardId, reason }, { app, actor }) => custodyView(app.custody.voidCard(actor, cardId, reason)),
  'handouts.returnRest': async ({ handoutId }, { app, actor }) => app.custody.returnRest(actor, handoutId),

  async 'handouts.sheet'({ handoutId, layout, scratch, message, logo, action, jobId }, context) {
    const outputs = outputsOf(context);
    const { app, actor } = context;
    const sheet = { handoutId, layout, scratch, message: message ?? null, logoPath: context.logos.pathOf(logo) };
    const target = action === 'save' ? await outputs.chooseSavePath({ title: 'Save card sheet', suggestedName: `handout-${handoutId}-cards.pdf`, extension: 'pdf' }) : null;
    if (action === 'save' && !target) return { done: false, reason: 'cancelled', cards: 0 };
    return makeSheet(context, sheet, { action, layout, jobId }, target);
  },

  async 'handouts.export'({ handoutId, format, passphrase, recipient, jobId }, context) {
    const outputs = outputsOf(context);
    const target = await outputs.chooseSavePath({
      title: 'Save encrypted card file',
      suggestedName: `handout-${handoutId}-cards.${format === 'age' ? 'csv.age' : format}`,
      extension: format === 'age' ? 'age' : format,
    });
    if (!target) return { done: false, reason: 'cancelled', cards: 0, generatedPassphrase: null };
    return makeExport(context, { handoutId, format, outPath: target, passphrase, recipients: recipient ? [recipient] : [] }, jobId);
  },

  async 'handouts.record'({ handoutId }, context) {
    const outputs = outputsOf(context);
    const target = await outputs.chooseSavePath({ title: 'Save hand-out record', suggestedName: `handout-${handoutId}-record.pdf`, extension: 'pdf' });
    if (!target) return { done: false, reason: 'cancelled', cards: 0 };
    return { done: true, reason: null, cards: (await context.app.custody.saveRecord(context.actor, handoutId, target)).cards };
  },
};
