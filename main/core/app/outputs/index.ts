import type { Actor } from '../../audit/vocabulary';
import { checkLogo } from '../../sheets/check-paths';
import type { AppDeps } from '../app-deps';
import { cardSetOf, type CardJobControl } from './card-job-source';
import { exportCards, type ExportInput } from './export-cards';
import type { OutputTarget } from './card-job-source';
import { previewPages, previewSheet, printSheet, saveAlignmentPage, saveSheet, sheetPlan, type SheetRequest, type SheetViewer } from './sheets';

export type { CardJobControl, OutputTarget } from './card-job-source';
export type { ExportInput, ExportResult } from './export-cards';
export type { SheetRequest, SheetResult, SheetViewer } from './sheets';

/** What can be made of an order's or a hand-out's cards: a card sheet (saved, previewed, printed) or an encrypted card file. */
export function outputCommands(deps: AppDeps) {
  return {
    saveSheet: (actor: Actor, request: SheetRequest & { outPath: string }, control?: CardJobControl) => saveSheet(deps, actor, request, control),
    previewSheet: (actor: Actor, request: SheetRequest, viewer: SheetViewer, control?: CardJobControl) => previewSheet(deps, actor, request, viewer, control),
    printSheet: (actor: Actor, request: SheetRequest, viewer: SheetViewer, control?: CardJobControl) => printSheet(deps, actor, request, viewer, control),
    /** The cards and pages a sheet would have, so a front door can say so (and ask above 100 pages) first. */
    sheetPlan: (_actor: Actor, target: OutputTarget & { layout: string }) => sheetPlan(deps, target),
    previewPages: (actor: Actor, request: SheetRequest & { maxPages?: number }) => previewPages(deps, actor, request),
    exportCards: (actor: Actor, input: ExportInput, control?: CardJobControl) => exportCards(deps, actor, input, control),
    /** How many cards a card file of the target would hold, so a front door can show how far its making is. */
    cardCount: (_actor: Actor, target: OutputTarget) => cardSetOf(deps, target, 'a card file').source.cardCount,
    /** A logo checked as every sheet checks it (PNG or JPEG, at most MAX_LOGO_PIXELS), so a shell refuses a bad one as it is chosen. */
    checkLogo: (_actor: Actor, logoPath: string) => checkLogo(logoPath),
    /** A layout's alignment test page: no card on it, so nothing to audit. */
    saveAlignmentPage: (_actor: Actor, request: { layout: string; outPath: string }) => saveAlignmentPage(deps, request),
  };
}
