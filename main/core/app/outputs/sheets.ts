import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Order } from '../../../../shared/domain';
import type { Actor } from '../../audit/vocabulary';
import { checkOutPath } from '../../sheets/check-paths';
import { pageCount, resolveLayout } from '../../sheets/layouts';
import type { SheetJob, SheetOptions } from '../../sheets/render-sheet';
import { sheetJob } from '../../sheets/sheet-job';
import type { AppDeps } from '../app-deps';
import { orderOutputSource, runOrderCardJob, type CardJobControl } from './card-job-source';
import { orderOf } from '../orders/order-of';

export interface SheetRequest extends SheetOptions {
  orderId: number;
}

export interface SheetResult {
  cards: number;
  pages: number;
  bytes: number;
}

/** A sheet shows a whole order's numbers and PINs in the clear: like revealing them all, it asks for a recent passcode. */
const SHOW_ALL = 'show a whole order’s cards on a sheet';

/** What only a desktop shell can do with a sheet: show it, or hand it to the system print dialog. */
export interface SheetViewer {
  /** Shows the PDF; resolves once it is loaded (the file may be removed then). */
  preview(pdfPath: string, title: string): Promise<void>;
  print(pdfPath: string): Promise<{ done: boolean; reason: string | null }>;
}

/** Saves the order's card sheet, a plain PDF for printing, where the person chose. Audited once written. */
export async function saveSheet(deps: AppDeps, actor: Actor, request: SheetRequest & { outPath: string }, control?: CardJobControl): Promise<SheetResult> {
  deps.passcodeEntry.assertRecent(SHOW_ALL);
  checkOutPath(request.outPath);
  const order = orderOf(deps, request.orderId);
  const { job, made } = await render(deps, order, request, request.outPath, control);
  deps.transaction(() => deps.audit.append(actor, { action: 'sheet.save', details: { ...sheetDetails(order, job, made), file: path.basename(request.outPath) } }));
  return made;
}

/** Shows the order's card sheet in the shell's preview window. */
export async function previewSheet(deps: AppDeps, actor: Actor, request: SheetRequest, viewer: SheetViewer): Promise<SheetResult> {
  deps.passcodeEntry.assertRecent(SHOW_ALL);
  const order = orderOf(deps, request.orderId);
  return inPrivateFile(deps, order, async (file) => {
    const { job, made } = await render(deps, order, request, file);
    await viewer.preview(file, `Card sheet ${order.clientReference}`);
    deps.transaction(() => deps.audit.append(actor, { action: 'sheet.preview', details: sheetDetails(order, job, made) }));
    return made;
  });
}

/** Hands the order's card sheet to the print dialog; the entry says whether the person went through with it. */
export async function printSheet(deps: AppDeps, actor: Actor, request: SheetRequest, viewer: SheetViewer): Promise<SheetResult & { done: boolean; reason: string | null }> {
  deps.passcodeEntry.assertRecent(SHOW_ALL);
  const order = orderOf(deps, request.orderId);
  return inPrivateFile(deps, order, async (file) => {
    const { job, made } = await render(deps, order, request, file);
    const printed = await viewer.print(file);
    deps.transaction(() => deps.audit.append(actor, { action: 'sheet.print', details: { ...sheetDetails(order, job, made), sent: printed.done } }));
    return { ...made, ...printed };
  });
}

/**
 * The first pages of the order's sheet as PDF bytes, with the real page total in their header; nothing touches the
 * disk. For a shell that shows pages itself (the desktop preview window pages through the whole file instead).
 */
export async function previewPages(
  deps: AppDeps,
  actor: Actor,
  request: SheetRequest & { maxPages?: number },
): Promise<{ pdf: Uint8Array; pages: number; totalPages: number; cards: number }> {
  deps.passcodeEntry.assertRecent(SHOW_ALL);
  const source = orderOutputSource(deps, request.orderId, 'a card sheet');
  const { order } = source;
  const job = sheetJob(source, request, { maxPages: request.maxPages ?? 2 });
  const result = await runOrderCardJob(deps, order.id, { kind: 'sheet-bytes', sheet: job });
  const made = { cards: result.cards, pages: result.pages ?? 0, bytes: result.bytes };
  deps.transaction(() => deps.audit.append(actor, { action: 'sheet.preview', details: sheetDetails(order, job, made) }));
  return { pdf: result.pdf ?? new Uint8Array(), pages: made.pages, totalPages: pageCount(resolveLayout(job.layout), job.cardCount), cards: made.cards };
}

async function render(deps: AppDeps, order: Order, request: SheetOptions, outPath: string, control?: CardJobControl): Promise<{ job: SheetJob; made: SheetResult }> {
  const job = sheetJob(orderOutputSource(deps, order.id, 'a card sheet'), request);
  const result = await runOrderCardJob(deps, order.id, { kind: 'sheet-file', outPath, sheet: job }, control);
  return { job, made: { cards: result.cards, pages: result.pages ?? 0, bytes: result.bytes } };
}

function sheetDetails(order: Order, job: SheetJob, made: SheetResult) {
  return { orderId: order.id, reference: order.clientReference, layout: job.layout, scratch: job.scratch ?? false, cards: made.cards, pages: made.pages };
}

/**
 * Printing and previewing need a file for Chromium's PDF viewer: a private folder, removed once it is done with, and
 * noted as a leftover meanwhile so that a crash during the print dialog does not leave the plain sheet behind.
 */
async function inPrivateFile<T>(deps: Pick<AppDeps, 'leftovers'>, order: Order, use: (file: string) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-sheet-'));
  const forget = deps.leftovers.track(folder, 'folder');
  try {
    return await use(path.join(folder, `${order.clientReference}-cards.pdf`));
  } finally {
    rmSync(folder, { recursive: true, force: true });
    forget();
  }
}
