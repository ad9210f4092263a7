import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../audit/vocabulary';
import { checkOutPath } from '../../sheets/check-paths';
import { pageCount, resolveLayout } from '../../sheets/layouts';
import type { SheetJob, SheetOptions } from '../../sheets/render-sheet';
import { sheetJob } from '../../sheets/sheet-job';
import type { AppDeps } from '../app-deps';
import { cardSetOf, NO_CARDS, runCardJob, type CardJobControl, type CardSet, type OutputTarget } from './card-job-source';

export type SheetRequest = SheetOptions & OutputTarget;

export interface SheetResult {
  cards: number;
  pages: number;
  bytes: number;
}

/** A sheet shows a whole order's numbers and PINs in the clear: like revealing them all, it asks for a recent passcode. */
const SHOW_ALL = 'show a whole order’s or hand-out’s cards on a sheet';

/** What only a desktop shell can do with a sheet: show it, or hand it to the system print dialog. */
export interface SheetViewer {
  /** Shows the PDF; resolves once it is loaded (the file may be removed then). */
  preview(pdfPath: string, title: string): Promise<void>;
  print(pdfPath: string): Promise<{ done: boolean; reason: string | null }>;
}

/** Saves the card sheet (of an order or a hand-out), a plain PDF for printing, where the person chose. Audited once written. */
export async function saveSheet(deps: AppDeps, actor: Actor, request: SheetRequest & { outPath: string }, control?: CardJobControl): Promise<SheetResult> {
  deps.passcodeEntry.assertRecent(SHOW_ALL);
  checkOutPath(request.outPath);
  const set = cardSetOf(deps, request, 'a card sheet');
  const { job, made } = await render(deps, set, request, request.outPath, control);
  set.recordSheet(actor, { ...sheetDetails(job, made), mode: 'save', file: path.basename(request.outPath), sent: null });
  return made;
}

/** Shows the card sheet in the shell's preview window. */
export async function previewSheet(deps: AppDeps, actor: Actor, request: SheetRequest, viewer: SheetViewer, control?: CardJobControl): Promise<SheetResult> {
  deps.passcodeEntry.assertRecent(SHOW_ALL);
  const set = cardSetOf(deps, request, 'a card sheet');
  return inPrivateFile(deps, set, async (file) => {
    const { job, made } = await render(deps, set, request, file, control);
    await viewer.preview(file, `Card sheet ${set.source.reference}`);
    set.recordSheet(actor, { ...sheetDetails(job, made), mode: 'preview', file: null, sent: null });
    return made;
  });
}

/** Hands the card sheet to the print dialog; the entry says whether the person went through with it. */
export async function printSheet(deps: AppDeps, actor: Actor, request: SheetRequest, viewer: SheetViewer, control?: CardJobControl): Promise<SheetResult & { done: boolean; reason: string | null }> {
  deps.passcodeEntry.assertRecent(SHOW_ALL);
  const set = cardSetOf(deps, request, 'a card sheet');
  return inPrivateFile(deps, set, async (file) => {
    const { job, made } = await render(deps, set, request, file, control);
    const printed = await viewer.print(file);
    set.recordSheet(actor, { ...sheetDetails(job, made), mode: 'print', file: null, sent: printed.done });
    return { ...made, ...printed };
  });
}

/**
 * The first pages of the sheet as PDF bytes, with the real page total in their header; nothing touches the disk.
 * For a shell that shows pages itself (the desktop preview window pages through the whole file instead).
 */
export async function previewPages(
  deps: AppDeps,
  actor: Actor,
  request: SheetRequest & { maxPages?: number },
): Promise<{ pdf: Uint8Array; pages: number; totalPages: number; cards: number }> {
  deps.passcodeEntry.assertRecent(SHOW_ALL);
  const set = cardSetOf(deps, request, 'a card sheet');
  const job = sheetJob(set.source, request, { maxPages: request.maxPages ?? 2 });
  const result = await runCardJob(deps, set, { kind: 'sheet-bytes', sheet: job });
  const made = { cards: result.cards, pages: result.pages ?? 0, bytes: result.bytes };
  set.recordSheet(actor, { ...sheetDetails(job, made), mode: 'preview', file: null, sent: null });
  return { pdf: result.pdf ?? new Uint8Array(), pages: made.pages, totalPages: pageCount(resolveLayout(job.layout), job.cardCount), cards: made.cards };
}

/** How many cards a sheet would hold and on how many pages, before anything is rendered (to ask before a big one). */
export function sheetPlan(deps: AppDeps, target: OutputTarget & { layout: string }): { cards: number; pages: number } {
  const set = cardSetOf(deps, target, 'a card sheet');
  return { cards: set.source.cardCount, pages: pageCount(resolveLayout(target.layout), set.source.cardCount) };
}

/** A layout's alignment test page (no cards on it), to print on plain paper and hold against the card stock. */
export async function saveAlignmentPage(deps: AppDeps, request: { layout: string; outPath: string }): Promise<{ pages: number; bytes: number }> {
  checkOutPath(request.outPath);
  resolveLayout(request.layout);
  const result = await runCardJob(deps, NO_CARDS, { kind: 'alignment', outPath: request.outPath, layout: request.layout });
  return { pages: result.pages ?? 1, bytes: result.bytes };
}

async function render(deps: AppDeps, set: CardSet, request: SheetOptions, outPath: string, control?: CardJobControl): Promise<{ job: SheetJob; made: SheetResult }> {
  const job = sheetJob(set.source, request);
  const result = await runCardJob(deps, set, { kind: 'sheet-file', outPath, sheet: job }, control);
  return { job, made: { cards: result.cards, pages: result.pages ?? 0, bytes: result.bytes } };
}

function sheetDetails(job: SheetJob, made: SheetResult) {
  return { layout: job.layout, scratch: job.scratch ?? false, cards: made.cards, pages: made.pages };
}

/**
 * Printing and previewing need a file for Chromium's PDF viewer: a private folder, removed once it is done with, and
 * noted as a leftover meanwhile so that a crash during the print dialog does not leave the plain sheet behind.
 */
async function inPrivateFile<T>(deps: Pick<AppDeps, 'leftovers'>, set: CardSet, use: (file: string) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'giftdesk-sheet-'));
  const forget = deps.leftovers.track(folder, 'folder');
  try {
    return await use(path.join(folder, `${set.fileStem}.pdf`));
  } finally {
    rmSync(folder, { recursive: true, force: true });
    forget();
  }
}
