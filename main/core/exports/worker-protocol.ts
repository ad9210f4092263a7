// Messages between the main thread, which owns the store, and a card worker, which renders and encrypts.
// Cards cross as batches the worker asks for, so the database key never leaves the core and memory stays bounded.
import type { HandoutRecord } from '../sheets/handout-record';
import type { PrintableCard } from '../sheets/printable-card';
import type { SheetJob } from '../sheets/render-sheet';
import type { TransferredError } from '../workers/worker-error';
import type { CardFileOptions } from './card-columns';

/** A job that writes a file: where, and the temporary name it is written under until it is complete. */
interface FileJob {
  outPath: string;
  /** Chosen (and noted as a possible leftover) by the main thread; a random name beside outPath otherwise. */
  partialPath?: string;
}

export type CardJob =
  /** A sheet PDF written to a file (encrypted when the sheet has an open password). */
  | ({ kind: 'sheet-file'; sheet: SheetJob } & FileJob)
  /** A sheet PDF returned as bytes: the first pages only, for a preview. */
  | { kind: 'sheet-bytes'; sheet: SheetJob }
  | ({ kind: 'zip'; password: string; csv: CardFileOptions; sheet: SheetJob | null } & FileJob)
  | ({ kind: 'age'; passphrase: string | null; recipients: string[]; csv: CardFileOptions } & FileJob)
  /** The spreadsheet card file, encrypted with Office's own password encryption. */
  | ({ kind: 'xlsx'; password: string; file: CardFileOptions } & FileJob)
  /** A layout's alignment test page: no cards. */
  | ({ kind: 'alignment'; layout: string } & FileJob)
  /** A hand-out's record of who got which card (last four digits only), to print and sign. */
  | ({ kind: 'record'; record: HandoutRecord } & FileJob);

export interface CardJobResult {
  cards: number;
  pages: number | null;
  bytes: number;
  /** Only for 'sheet-bytes'. */
  pdf?: Uint8Array;
}

export type FromWorker =
  | { type: 'pull'; stream: number }
  | { type: 'done'; result: CardJobResult }
  | { type: 'failed'; error: TransferredError };

/** cards null: the pass is over. error: the main thread cannot go on (cancelled, store failed); the worker cleans up. */
export type ToWorker = { type: 'batch'; stream: number; cards: PrintableCard[] | null; error?: string };
