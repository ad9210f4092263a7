import { z } from 'zod';

// What the app can make of an order's cards: a printable sheet, or an encrypted file. Shared by the IPC contract and
// the renderer's forms; core checks each layout name again when it renders.

export const SHEET_LAYOUTS = [
  'a4-10',
  'a4-8',
  'a4-4',
  'a4-1',
  'letter-10',
  'letter-8',
  'letter-4',
  'letter-1',
  'a4-labels-14',
  'letter-labels-10',
  'avery-5371',
  'avery-c32011',
] as const;

export type SheetLayoutName = (typeof SHEET_LAYOUTS)[number];

/** Each layout as a person names it, for pickers, the audit log and messages (core's layouts.ts holds the geometry). */
export const LAYOUT_WORDS: Record<SheetLayoutName, string> = {
  'a4-10': 'A4, 10 per page (2 × 5)',
  'a4-8': 'A4, 8 per page (2 × 4)',
  'a4-4': 'A4, 4 per page (2 × 2)',
  'a4-1': 'A4, 1 per page',
  'letter-10': 'Letter, 10 per page (2 × 5)',
  'letter-8': 'Letter, 8 per page (2 × 4)',
  'letter-4': 'Letter, 4 per page (2 × 2)',
  'letter-1': 'Letter, 1 per page',
  'a4-labels-14': 'A4 labels, 14 per page (2 × 7, Avery L7163)',
  'letter-labels-10': 'Letter labels, 10 per page (2 × 5, Avery 5163)',
  'avery-5371': 'Avery 5371 card stock, Letter, 10 per page (2 × 5)',
  'avery-c32011': 'Avery C32011 card stock, A4, 10 per page (2 × 5)',
};

/** A layout in words; a name outside the list (an older entry) as it was written. */
export function layoutWords(name: string): string {
  return (LAYOUT_WORDS as Record<string, string>)[name] ?? name;
}

/** Pre-cut card stock people buy for events: each has an alignment test page to print on plain paper first. */
export const CARD_STOCK_LAYOUTS = ['avery-5371', 'avery-c32011'] as const satisfies readonly (typeof SHEET_LAYOUTS)[number][];

/** zip and age hold the CSV (for programs), xlsx is the spreadsheet file (for people), pdf the protected sheet. */
export const EXPORT_FORMATS = ['zip', 'age', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A job's id, made by the window (a UUID), so it can follow and cancel a long sheet before the answer comes. */
export const outputJobIdSchema = z.string().uuid().optional();

/** How far a job is: the cards handed to the worker so far, of how many; running false once it is over (or unknown). */
export const jobProgressSchema = z.object({ running: z.boolean(), cards: z.number().int(), total: z.number().int().nullable() });

/** A logo chosen through cards.chooseLogo, named by the id main gave (main keeps its path); absent or null = no logo. */
export const sheetLogoSchema = z.string().uuid().nullable().optional();

/** What cards.chooseLogo answers: the chosen file's name, to show, and the id a sheet request names it by. */
export const chosenLogoSchema = z.object({ id: z.string(), name: z.string() });

export const sheetRequestSchema = z.strictObject({
  orderId: z.number().int().positive(),
  layout: z.enum(SHEET_LAYOUTS),
  scratch: z.boolean(),
  logo: sheetLogoSchema,
  /** preview: a window showing the pages; print: the system print dialog; save: a PDF where the person chooses. */
  action: z.enum(['preview', 'print', 'save']),
  /** The window's name for this job, to ask how far it is (cards.jobProgress) and to cancel it (cards.cancelJob). */
  jobId: outputJobIdSchema,
});

export const exportRequestSchema = z.strictObject({
  orderId: z.number().int().positive(),
  format: z.enum(EXPORT_FORMATS),
  /** Typed by the person (checked for strength in main); absent = main generates one and shows it once. */
  passphrase: z.string().min(1).max(500).optional(),
  /** age only: an X25519 recipient instead of a passphrase. */
  recipient: z.string().min(1).max(200).optional(),
  /** The window's name for this job, to follow and cancel a big card file as a sheet is. */
  jobId: outputJobIdSchema,
});

export const outputOutcomeSchema = z.object({
  done: z.boolean(),
  /** Why not, when not done: "cancelled" when the person closed the dialog. */
  reason: z.string().nullable(),
  cards: z.number().int(),
});

export const exportOutcomeSchema = outputOutcomeSchema.extend({
  /** The passphrase main generated, shown to the person this once; null when they typed one or chose a recipient. */
  generatedPassphrase: z.string().nullable(),
});
