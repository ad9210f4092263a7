// Card sheets for the app and the CLI: the order's cards rendered in a worker thread, and every print audited.
import type { Core } from '../create-core';
import { runCardWorker, type RunCardJobOptions } from '../exports/run-card-worker';
import { checkLogo, checkOutPath } from './check-paths';
import { pageCount, resolveLayout } from './layouts';
import { toPrintable, type PrintableCard } from './printable-card';
import type { SheetJob, SheetOptions } from './render-sheet';

/** The parts of the core that printing and exporting use. */
export type CardOutputCore = Pick<Core, 'accounts' | 'orders' | 'cards' | 'audit' | 'cardJobWorker'>;

export interface SheetRequest extends SheetOptions {
  orderId: number;
}

export interface CardOutputDeps extends RunCardJobOptions {
  /** Who asked, for the audit log ("cli", "user"…). */
  actor: string;
}

/** Cards from the built-in sandbox are worth nothing: every sheet and file of them says so. */
export function isSandboxOrder(core: CardOutputCore, accountId: string): boolean {
  return core.accounts.find(accountId)?.provider === 'sandbox';
}

/** The worker's job for an order's sheet, with the page total known before the first page. */
export function sheetJob(core: CardOutputCore, request: SheetRequest, extra: Partial<SheetJob> = {}): SheetJob {
  const order = core.orders.get(request.orderId);
  resolveLayout(request.layout);
  if (request.logoPath) checkLogo(request.logoPath);
  return {
    layout: request.layout,
    scratch: request.scratch ?? false,
    cropMarks: request.cropMarks ?? false,
    header: request.header ?? true,
    logoPath: request.logoPath ?? null,
    orderReference: order.clientReference,
    currency: order.currency,
    cardCount: core.cards.count(order.id),
    sandbox: isSandboxOrder(core, order.accountId),
    ...extra,
  };
}

export function orderCards(core: CardOutputCore, orderId: number): () => Iterator<PrintableCard> {
  return function* () {
    for (const card of core.cards.iterate(orderId)) yield toPrintable(card);
  };
}

/** Writes the order's card sheet (a plain PDF, for printing) to outPath. */
export async function renderSheetToFile(
  core: CardOutputCore,
  request: SheetRequest & { outPath: string },
  deps: CardOutputDeps,
): Promise<{ cards: number; pages: number; bytes: number }> {
  checkOutPath(request.outPath);
  const sheet = sheetJob(core, request);
  const result = await runCardWorker({ kind: 'sheet-file', outPath: request.outPath, sheet }, orderCards(core, request.orderId), { worker: core.cardJobWorker, ...deps });
  core.audit.append({
    actor: deps.actor,
    action: 'cards.print',
    subject: `order:${request.orderId}`,
    details: { orderId: request.orderId, reference: sheet.orderReference, format: 'pdf', layout: sheet.layout, scratch: sheet.scratch, cards: result.cards, pages: result.pages },
  });
  return { cards: result.cards, pages: result.pages ?? 0, bytes: result.bytes };
}

/** The first pages of the sheet as PDF bytes, for an on-screen preview; nothing is written to disk. */
export async function renderSheetPreview(
  core: CardOutputCore,
  request: SheetRequest & { maxPages?: number },
  deps: CardOutputDeps,
): Promise<{ pdf: Uint8Array; pages: number; totalPages: number; cards: number }> {
  const sheet = sheetJob(core, request, { maxPages: request.maxPages ?? 2 });
  const result = await runCardWorker({ kind: 'sheet-bytes', sheet }, orderCards(core, request.orderId), { worker: core.cardJobWorker, ...deps });
  core.audit.append({
    actor: deps.actor,
    action: 'cards.preview',
    subject: `order:${request.orderId}`,
    details: { orderId: request.orderId, reference: sheet.orderReference, layout: sheet.layout, cards: result.cards, pages: result.pages },
  });
  return {
    pdf: result.pdf ?? new Uint8Array(),
    pages: result.pages ?? 0,
    totalPages: pageCount(resolveLayout(sheet.layout), sheet.cardCount),
    cards: result.cards,
  };
}
